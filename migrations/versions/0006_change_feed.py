"""The change feed: tombstones for deleted items, and the revision that created each served row.

`created_revision` lets the feed tell `created` from `updated`; rows that exist already take their
current revision (what a poller replaying from 0 needs: the row exists from there on). The column
keeps a server default of 0 on both databases: dropping a default on SQLite would rebuild the
table, and a rebuilt `statements`, `figures` or `events` would lose its search triggers (0002).
For the same reason the downgrade drops the column with SQLite's own ALTER TABLE DROP COLUMN.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("documents", "actors", "statements", "figures", "events")


def upgrade():
    for table in TABLES:
        op.add_column(table, sa.Column("created_revision", sa.BigInteger(), nullable=False,
                                       server_default="0"))
        op.execute(f"UPDATE {table} SET created_revision = revision")
    op.create_table(
        "tombstones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tombstones")),
        sa.UniqueConstraint("resource", "item_id", "revision",
                            name=op.f("uq_tombstones_resource_item_id_revision")),
    )
    op.create_index(op.f("ix_tombstones_revision"), "tombstones", ["revision"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_tombstones_revision"), table_name="tombstones")
    op.drop_table("tombstones")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        if sqlite:
            op.execute(f"ALTER TABLE {table} DROP COLUMN created_revision")
        else:
            op.drop_column(table, "created_revision")
