"""Summary indexes: each figure grouping (subject, source, metric, unit, document, month of as_of)
reads its counts, smallest and largest values from one index, without the rows, and the latest
value of a group from the end of the same index; the documents reporting each event come from
(document_id, event_id).

Revision ID: 0010
Revises: 0009
"""
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# (index name, table, columns)
ADDED = (
    ("ix_figures_subject_summary", "figures", ("subject_id", "as_of", "value")),
    ("ix_figures_source_summary", "figures", ("source_id", "as_of", "value", "subject_id")),
    ("ix_figures_metric_summary", "figures", ("metric", "as_of", "value")),
    ("ix_figures_unit_summary", "figures", ("unit", "as_of", "value")),
    ("ix_figures_document_summary", "figures", ("document_id", "as_of", "value")),
    ("ix_figures_as_of_summary", "figures", ("as_of", "value")),
    ("ix_event_mentions_document_id_event_id", "event_mentions", ("document_id", "event_id")),
)


def upgrade():
    for name, table, columns in ADDED:
        op.create_index(name, table, list(columns))


def downgrade():
    for name, table, _ in reversed(ADDED):
        op.drop_index(name, table_name=table)
