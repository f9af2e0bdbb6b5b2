"""Mentions record when they were created and changed, and the revision that wrote them, like
every other row. Rows that exist already take the time of the upgrade and revision 0.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("actor_mentions", "event_mentions")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=False,
                                          server_default=sa.func.current_timestamp()))
            batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False,
                                          server_default=sa.func.current_timestamp()))
            batch_op.add_column(sa.Column("revision", sa.BigInteger(), nullable=False,
                                          server_default="0"))
            batch_op.create_index(batch_op.f(f"ix_{table}_revision"), ["revision"], unique=False)


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_revision"))
            batch_op.drop_column("revision")
            batch_op.drop_column("updated_at")
            batch_op.drop_column("created_at")
