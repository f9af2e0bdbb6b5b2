"""Liveness and readiness for load balancers and container health checks."""
from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask.views import MethodView
from flask_smorest import abort
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
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE",
                      description="Database unreachable or not migrated (problem+json saying which)")
    def get(self):
        """The database is reachable and migrated to the latest revision"""
        from .snapshot import missing_sqlite_file
        if missing_sqlite_file():
            abort(503, message="database not migrated: its file does not exist yet (run db upgrade)")
        try:
            with db.engine.connect() as conn:
                current = set(MigrationContext.configure(conn).get_current_heads())
        except SQLAlchemyError as exc:
            abort(503, message=f"database unreachable: {type(exc).__name__}")
        if current != migration_heads():
            abort(503, message="database not migrated to head")
        return {"status": "ok"}
