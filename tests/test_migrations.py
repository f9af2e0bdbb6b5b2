"""`upgrade head` builds exactly the models' schema, and `downgrade base` takes it all away."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade
from sqlalchemy import inspect

from api.extensions import db
from api.models import Base
from api.models.search import include_name


def test_upgrade_head_matches_models(app):
    with app.app_context(), db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": include_name}   # search_* objects are hand-made
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == [], f"models and migrations disagree; write a migration: {diff}"


def test_downgrade_base_removes_every_table(app):
    with app.app_context():
        downgrade(revision="base")
        left = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert left == set()


def test_revision_counter_starts_at_zero(app):
    from api.models import current_revision
    with app.app_context():
        assert current_revision(db.session) == 0
