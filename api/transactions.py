"""Transactions on both databases: SQLite pragmas and explicit BEGIN, and the writer's engine.

Plain SQLAlchemy (no Flask): the hooks apply to every engine, the app's and the tests' alike.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

# Execution option naming how an SQLite transaction begins: "DEFERRED" (the default; a reader's
# snapshot starts at its first SELECT) or "IMMEDIATE" (a writer takes the write lock up front, so
# what it read cannot be overtaken by another writer before it writes).
SQLITE_BEGIN = "newsfacts_sqlite_begin"


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite ignores foreign keys unless asked, per connection. WAL lets the web workers read
    while ingest writes, and with it synchronous=NORMAL stays atomic without an fsync per commit."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # Python 3.11's sqlite3 begins no transaction for a SELECT, so each read of a request would
        # see another state of the file; SQLAlchemy emits BEGIN instead (_sqlite_begin), and every
        # statement of a transaction reads one snapshot.
        dbapi_connection.isolation_level = None


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    if conn.dialect.name == "sqlite":
        mode = conn.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
        # Straight to the driver: a statement through SQLAlchemy's execution costs more than the
        # whole read of a 304, and BEGIN has no parameters or result to process.
        begin = "BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN DEFERRED"
        conn.connection.dbapi_connection.execute(begin)


def writer_engine(engine: Engine) -> Engine:
    """The same engine (and pool) whose SQLite transactions begin IMMEDIATE: ingest's writes."""
    return engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
