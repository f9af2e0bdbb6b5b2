"""Fact ids are never reused: SQLite's statements, figures and events say AUTOINCREMENT.

Without it SQLite gives a new row the highest id in the table plus one, so after the newest facts
are deleted (by re-extraction or a changed text) their ids come back naming other facts, which
breaks every id a client stored and the change feed's promise that a deleted id stays deleted.
PostgreSQL's sequences never go back: nothing to do there.

SQLite cannot add AUTOINCREMENT to a table: each one is recreated (batch mode; migrations/env.py
turns foreign keys off meanwhile, so the copy runs no ON DELETE action), which drops the search
index's triggers on it (migration 0002), recreated here. The rows keep their ids, so the external-
content search index stays valid. The counter starts above the highest id now stored; ids that
were deleted above it before this migration cannot be known any more.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SEARCHED = {"statements": "text", "figures": "evidence_text", "events": "title"}


def _recreate(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, column in SEARCHED.items():
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass
        _search_triggers(table, column)


def _search_triggers(table: str, column: str) -> None:
    """The triggers of migration 0002 that keep search_<table> current (dropped with the table)."""
    fts = f"search_{table}"
    add = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    drop = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {drop} END")
    op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN {drop} {add} END")


def upgrade():
    _recreate(autoincrement=True)


def downgrade():
    _recreate(autoincrement=False)
