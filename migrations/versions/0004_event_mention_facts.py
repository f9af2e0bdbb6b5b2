"""Event mentions keep what their document says of the event (kind, frame, title, place, series,
participants), so the loader can re-form events from mentions in a fixed order, whatever the
order in which documents were loaded.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported_kind", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("frame", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("reported_title", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reported_location", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("reported_series", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("reported_actors", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("agent_count", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_event_mentions_frame"), ["frame"], unique=False)


def downgrade():
    with op.batch_alter_table("event_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_mentions_frame"))
        for col in ("agent_count", "reported_actors", "reported_series", "reported_location",
                    "reported_title", "frame", "reported_kind"):
            batch_op.drop_column(col)
