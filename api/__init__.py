"""newsfacts: news articles in, facts with evidence out, served under /v1."""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

from .config import Config, database_url


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    uri = app.config.get("SQLALCHEMY_DATABASE_URI")
    app.config["SQLALCHEMY_DATABASE_URI"] = (
        database_url(uri) if uri else f"sqlite:///{os.path.join(app.instance_path, 'newsfacts.sqlite')}")
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        # An unreachable server costs seconds, not the operating system's TCP timeout; a connection
        # the server dropped is replaced before use (an SQLite file has none to drop: no ping there,
        # a statement less per request).
        options = {"pool_pre_ping": True, **(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})}
        options["connect_args"] = {"connect_timeout": app.config["CONNECT_TIMEOUT_SECONDS"],
                                   **options.get("connect_args", {})}
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options

    from . import cli, errors
    from .extensions import db, migrate, rest_api
    from .web import register_blueprints

    db.init_app(app)
    migrate.init_app(app, db, directory=_migrations_dir(app))
    rest_api.init_app(app)
    register_blueprints(app, rest_api)
    errors.init_app(app)
    cli.init_app(app)
    return app


def _migrations_dir(app: Flask) -> str:
    """Beside the package in a checkout (editable install); else ./migrations."""
    beside = os.path.join(os.path.dirname(app.root_path), "migrations")
    return beside if os.path.isdir(beside) else os.path.abspath("migrations")
