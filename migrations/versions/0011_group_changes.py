"""Statement clusters, claim groups and threads join the change feed: each keeps the revision that
created it, so the feed tells `created` from `updated`, and a group that disappears (its members
regrouped or gone) leaves a tombstone. Existing groups take their current revision, as in 0006;
the column keeps a server default of 0 (0006 says why).

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLES = ("statement_clusters", "claim_groups", "threads")


def upgrade():
    for table in TABLES:
        op.add_column(table, sa.Column("created_revision", sa.BigInteger(), nullable=False,
                                       server_default="0"))
        op.execute(f"UPDATE {table} SET created_revision = revision")


def downgrade():
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in TABLES:
        if sqlite:
            op.execute(f"ALTER TABLE {table} DROP COLUMN created_revision")
        else:
            op.drop_column(table, "created_revision")
