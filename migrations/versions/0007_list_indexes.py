"""List indexes that end with the list's order: (subject_id, id), (speaker_id, id), (kind, id),
(date, id), (actor_id, statement_id)... replace the single-column indexes they extend. A filtered
page is then read in order from one index and stops after the page, however many rows match;
the single-column ones served the filter but left the order to a sort of every match on PostgreSQL.

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (table, the old single-column index's column, the columns of the index that replaces it)
REPLACED = (
    ("figures", "subject_id", ("subject_id", "id")),
    ("figures", "source_id", ("source_id", "id")),
    ("figures", "metric", ("metric", "id")),
    ("figures", "unit", ("unit", "id")),
    ("figures", "value", ("value", "id")),
    ("figures", None, ("qualifier", "id")),
    ("statements", "speaker_id", ("speaker_id", "id")),
    ("statements", "kind", ("kind", "id")),
    ("statement_about", "actor_id", ("actor_id", "statement_id")),
    ("event_actors", "actor_id", ("actor_id", "event_id")),
    ("events", "kind", ("kind", "id")),
    ("events", "date", ("date", "id")),
)


def upgrade():
    for table, old, columns in REPLACED:
        op.create_index(f"ix_{table}_{'_'.join(columns)}", table, list(columns))
        if old:
            op.drop_index(f"ix_{table}_{old}", table_name=table)


def downgrade():
    for table, old, columns in reversed(REPLACED):
        if old:
            op.create_index(f"ix_{table}_{old}", table, [old])
        op.drop_index(f"ix_{table}_{'_'.join(columns)}", table_name=table)
