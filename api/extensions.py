"""Extension objects, bound to an app in create_app()."""
from __future__ import annotations

from flask_cors import CORS
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

from . import transactions  # noqa: F401 - its engine hooks
from .models import Base
from .web.base import RestApi

db = SQLAlchemy(model_class=Base)
migrate = Migrate(compare_type=True, render_as_batch=True)
rest_api = RestApi()
cors = CORS()
