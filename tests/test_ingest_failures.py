"""Ingest that nothing can wedge: a lost database connection is retried, a database that stays away
stops the run with the list of what did not load, and a re-run loads exactly the rest."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from api.extensions import db
from api.ingest import write
from api.models import Document, Figure, Statement

LATER = ("002_96be83e6d69237fa", "003_9eff574804ff61ec", "004_f8a2e7a2b1055487")


def lost_connection() -> OperationalError:
    return OperationalError("INSERT ...", {}, Exception("server closed the connection unexpectedly"))


@pytest.fixture
def flaky_writes(monkeypatch):
    """Writer.write fails with a lost connection for the documents and number of times asked."""
    original = write.Writer.write
    failures: dict[str, int] = {}

    def write_or_fail(self, doc_id, text, extraction):
        if failures.get(doc_id, 0) > 0:
            failures[doc_id] -= 1
            raise lost_connection()
        return original(self, doc_id, text, extraction)

    monkeypatch.setattr(write.Writer, "write", write_or_fail)
    return failures


def test_a_lost_connection_is_retried_and_the_document_loads(app, runner, corpus_copy, flaky_writes):
    app.config["INGEST_RETRY_SECONDS"] = 5
    flaky_writes[LATER[0]] = 2
    result = runner.invoke(args=["ingest", str(corpus_copy)])
    assert result.exit_code == 0, result.output
    assert "loaded 5, unchanged 0, skipped 0, failed 0" in result.output
    assert flaky_writes[LATER[0]] == 0


def test_a_database_that_stays_away_stops_the_run_and_a_rerun_loads_the_rest(app, runner, corpus_copy,
                                                                             flaky_writes):
    app.config["INGEST_RETRY_SECONDS"] = 0.5
    flaky_writes[LATER[0]] = 1_000
    result = runner.invoke(args=["ingest", str(corpus_copy)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for doc_id in LATER:   # each named once, with the reason
        assert result.output.count(f"{doc_id}.txt") == 1
        assert f"failed {doc_id}.txt: not loaded: the database is unreachable (OperationalError: " \
               "server closed the connection unexpectedly); a re-run loads it" in result.output
    assert "loaded 2, unchanged 0, skipped 0, failed 3" in result.output

    flaky_writes.clear()
    result = runner.invoke(args=["ingest", str(corpus_copy)])
    assert result.exit_code == 0
    assert "loaded 3, unchanged 2, skipped 0, failed 0" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Document)) == 5
        for model in (Statement, Figure):   # nothing written twice
            spans = db.session.execute(select(model.document_id, model.start_char, model.end_char)).all()
            assert spans and len(spans) == len(set(spans))
