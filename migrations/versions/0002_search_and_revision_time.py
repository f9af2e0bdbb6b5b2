"""Full-text search indexes, and when the data revision changed (for Last-Modified).

SQLite: one external-content FTS5 table per searched column, kept current by triggers on the
source table (so ingest needs no change) and filled once here with 'rebuild'. Note: a later batch
migration that recreates one of these tables on SQLite drops its triggers; recreate them there.
PostgreSQL: GIN indexes on to_tsvector('english', column), the same expression the search query
uses. The objects are named search_*; migrations/env.py hides them from autogenerate.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# (table, column): statements' words, figures' evidence, event titles, every actor name and alias.
SEARCHED = (("statements", "text"), ("figures", "evidence_text"), ("events", "title"),
            ("actor_aliases", "name"))


def upgrade():
    with op.batch_alter_table('data_revision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('changed_at', sa.DateTime(timezone=True), nullable=True))

    dialect = op.get_bind().dialect.name
    for table, column in SEARCHED:
        fts = f"search_{table}"
        if dialect == "sqlite":
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
                       f"content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')")
            add = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
            drop = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
            op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {add} END")
            op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {drop} END")
            op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN {drop} {add} END")
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        elif dialect == "postgresql":
            op.execute(f"CREATE INDEX {fts} ON {table} USING gin (to_tsvector('english', {column}))")


def downgrade():
    dialect = op.get_bind().dialect.name
    for table, _ in SEARCHED:
        fts = f"search_{table}"
        if dialect == "sqlite":
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
        elif dialect == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS {fts}")
    with op.batch_alter_table('data_revision', schema=None) as batch_op:
        batch_op.drop_column('changed_at')
