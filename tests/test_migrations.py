"""`upgrade head` builds exactly the models' schema, and `downgrade base` takes it all away."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade
from sqlalchemy import inspect, text

from api.extensions import db
from api.models import Base
from api.models.search import include_name


def test_upgrade_head_matches_models(app):
    with app.app_context(), db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": include_name}   # search_* objects are hand-made
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == [], f"models and migrations disagree; write a migration: {diff}"


def test_downgrade_base_removes_every_table(app):
    with app.app_context():
        downgrade(revision="base")
        left = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert left == set()


def test_revision_counter_starts_at_zero(app):
    from api.models import current_revision
    with app.app_context():
        assert current_revision(db.session) == 0


def test_making_ids_never_reused_keeps_every_row_and_the_search_index(app, runner):
    """Migration 0009 recreates SQLite's fact tables: down and up again, with a loaded corpus, every
    row (search index included), every reference between facts, and search itself stay as they were."""
    from flask_migrate import upgrade

    from .conftest import CORPUS
    from .test_ingest import dump
    assert runner.invoke(args=["ingest", str(CORPUS)]).exit_code == 0
    client = app.test_client()
    search = client.get("/v1/search?q=troops").get_json()
    # Groups lose their creation revision going below 0011 (it has nothing to do with ids): not compared.
    later = ("alembic_version", "statement_clusters", "claim_groups", "threads")
    rows = lambda: {t: r for t, r in dump(app).items() if t not in later}  # noqa: E731
    before = rows()
    with app.app_context():   # figures quoting a statement: what ON DELETE SET NULL would erase
        quoting = text("SELECT count(*) FROM figures WHERE statement_id IS NOT NULL")
        assert db.session.execute(quoting).scalar()
    for step in ("0008", "head"):
        with app.app_context():
            (downgrade if step == "0008" else upgrade)(revision=step)
        assert rows() == before, step
    assert search["data"] and client.get("/v1/search?q=troops").get_json() == search
