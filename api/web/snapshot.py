"""One snapshot per read: every GET under /v1 reads the revision, its rows, its totals and computes
its ETag inside one read-only transaction, so nothing one answer says contradicts another part of it
and one ETag always means one body, however much ingest writes meanwhile.

SQLite (WAL): one read transaction (BEGIN, see extensions.py), whose snapshot is fixed by its first
SELECT. PostgreSQL: REPEATABLE READ, READ ONLY. The transaction ends when the request's app context
is torn down (Flask-SQLAlchemy removes the session: a rollback, nothing was written).
"""
from __future__ import annotations

import os

from flask import Flask, current_app, request
from sqlalchemy import Engine
from werkzeug.exceptions import ServiceUnavailable

from ..extensions import db

POSTGRES_SNAPSHOT = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def sqlite_file(engine: Engine) -> str | None:
    """The SQLite file the engine's URL names, if it names one."""
    url = engine.url
    path = url.database or ""
    if url.get_backend_name() == "sqlite" and path and path != ":memory:" and not path.startswith("file:"):
        return path
    return None


def missing_sqlite_file() -> str | None:
    """The SQLite file named by the URL when it does not exist: serving must not create an empty one
    (SQLite would, on first connect), it is not ready instead."""
    path = sqlite_file(db.engine)
    return path if path and not os.path.exists(path) else None


def reads_snapshot() -> bool:
    return request.method in ("GET", "HEAD") and request.path.startswith("/v1/")


def begin_snapshot() -> None:
    """Open the request's transaction before its first read."""
    if missing_sqlite_file():
        raise ServiceUnavailable("The database does not exist yet: run `flask --app api db upgrade`.")
    if db.engine.dialect.name != "postgresql":
        db.session.connection()
        return
    connection = db.session.connection(execution_options=POSTGRES_SNAPSHOT)
    # A database that hangs costs a bounded time: the statement is cancelled, the answer is a 503.
    timeout = int(current_app.config["STATEMENT_TIMEOUT_MS"])
    connection.exec_driver_sql(f"SET LOCAL statement_timeout = {timeout}")


def init_app(app: Flask) -> None:
    @app.before_request
    def snapshot():
        if reads_snapshot() and request.routing_exception is None:
            begin_snapshot()
