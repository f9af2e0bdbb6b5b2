"""Liveness and readiness for load balancers and container health checks."""
from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask.views import MethodView
from marshmallow import Schema, fields
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from .base import Blueprint

blp = Blueprint("health", __name__, description="Is the service up, and can it serve?")


class HealthSchema(Schema):
    status = fields.String(required=True, metadata={"example": "ok"})
    detail = fields.String()


def migration_heads() -> set[str]:
    config = current_app.extensions["migrate"].migrate.get_config()
    return set(ScriptDirectory.from_config(config).get_heads())


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """The process is up"""
        return {"status": "ok"}


@blp.route("/readyz")
class Ready(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="Database unreachable or not migrated")
    def get(self):
        """The database is reachable and migrated to the latest revision"""
        from .snapshot import missing_sqlite_file
        if missing_sqlite_file():
            detail = "database not migrated: its file does not exist yet (run db upgrade)"
            return {"status": "unavailable", "detail": detail}, 503
        try:
            with db.engine.connect() as conn:
                current = set(MigrationContext.configure(conn).get_current_heads())
        except SQLAlchemyError as exc:
            return {"status": "unavailable", "detail": f"database unreachable: {type(exc).__name__}"}, 503
        if current != migration_heads():
            return {"status": "unavailable", "detail": "database not migrated to head"}, 503
        return {"status": "ok"}
