"""Across outlets: statement clusters (one remark reported by several documents), claim groups
(figures about one quantity), threads (stages of one agreement), and actors' Wikidata ids.
Computed at ingest by api/ingest/relate.py; existing databases fill them on their next ingest or
re-extraction.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _tracked():
    return [sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("revision", sa.BigInteger(), nullable=False)]


def upgrade():
    op.create_table(
        "statement_clusters",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("speaker_id", sa.String(length=120), nullable=False),
        sa.Column("statements", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("first_said", sa.Date(), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(["speaker_id"], ["actors.id"], name=op.f("fk_statement_clusters_speaker_id_actors"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_clusters")),
    )
    with op.batch_alter_table("statement_clusters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_clusters_speaker_id"), ["speaker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_clusters_outlets"), ["outlets"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_clusters_revision"), ["revision"], unique=False)
    op.create_table(
        "claim_groups",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("subject_id", sa.String(length=120), nullable=False),
        sa.Column("metric", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("as_of_from", sa.String(length=10), nullable=True),
        sa.Column("as_of_to", sa.String(length=10), nullable=True),
        sa.Column("figures", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("min_value", sa.Double(), nullable=False),
        sa.Column("max_value", sa.Double(), nullable=False),
        sa.Column("disagree", sa.Boolean(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["subject_id"], ["actors.id"], name=op.f("fk_claim_groups_subject_id_actors"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_groups")),
    )
    with op.batch_alter_table("claim_groups", schema=None) as batch_op:
        batch_op.create_index("ix_claim_groups_subject_metric", ["subject_id", "metric", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_groups_metric"), ["metric"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_groups_disagree"), ["disagree"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_groups_revision"), ["revision"], unique=False)
    op.create_table(
        "threads",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.String(length=10), nullable=True),
        sa.Column("last_date", sa.String(length=10), nullable=True),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_threads")),
        sa.UniqueConstraint("key", name=op.f("uq_threads_key")),
    )
    with op.batch_alter_table("threads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_threads_revision"), ["revision"], unique=False)
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claim_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_figures_claim_id"), ["claim_id"], unique=False)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_events_thread_id"), ["thread_id"], unique=False)
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("wikidata", sa.String(length=20), nullable=True))
        batch_op.create_index(batch_op.f("ix_actors_wikidata"), ["wikidata"], unique=False)


def downgrade():
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_wikidata"))
        batch_op.drop_column("wikidata")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_thread_id"))
        batch_op.drop_column("thread_id")
    with op.batch_alter_table("figures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figures_claim_id"))
        batch_op.drop_column("claim_id")
    op.drop_table("threads")
    op.drop_table("claim_groups")
    op.drop_table("statement_clusters")
