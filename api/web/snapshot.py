"""One snapshot per read: every GET under /v1 reads the revision, its rows, its totals and computes
its ETag inside one read-only transaction, so nothing one answer says contradicts another part of it
and one ETag always means one body, however much ingest writes meanwhile.

SQLite (WAL): one read transaction (BEGIN, see extensions.py), whose snapshot is fixed by its first
SELECT. PostgreSQL: REPEATABLE READ, READ ONLY. The transaction ends when the request's app context
is torn down (Flask-SQLAlchemy removes the session: a rollback, nothing was written).
"""
from __future__ import annotations

from flask import Flask, request

from ..extensions import db

POSTGRES_SNAPSHOT = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def reads_snapshot() -> bool:
    return request.method in ("GET", "HEAD") and request.path.startswith("/v1/")


def begin_snapshot() -> None:
    """Open the request's transaction before its first read."""
    postgres = db.engine.dialect.name == "postgresql"
    db.session.connection(execution_options=POSTGRES_SNAPSHOT if postgres else None)


def init_app(app: Flask) -> None:
    @app.before_request
    def snapshot():
        if reads_snapshot() and request.routing_exception is None:
            begin_snapshot()
