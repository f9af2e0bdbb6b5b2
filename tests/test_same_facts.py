"""The same corpus gives the same facts on SQLite and PostgreSQL, whatever order it is loaded in.

Facts are compared by content, not by ids (ids number rows in the order they were written): an
actor is its kind and every name it goes by, a statement its evidence, speaker and text, an event
the set of mentions it groups with its kind and date. Extraction is pure and tested elsewhere; each
article's extraction is computed once and reused, so the runs differ only in what ingest does.
What relates facts across documents (statement clusters, claim groups, threads) is compared the
same way: each group as the set of its members' evidence, with its stored summary.
"""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.extensions import db
from api.ingest import load
from api.models import Actor, ClaimGroup, Event, Figure, Statement, StatementCluster, Thread

from .conftest import CORPUS, make_app

ORDERS = {"sorted": lambda names: sorted(names), "reversed": lambda names: sorted(names, reverse=True)}


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    from api.extract import extract_documents
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return dict(zip(texts, extract_documents((t, None) for t in texts), strict=True))


def canonical(rows) -> list:
    return sorted(rows, key=repr)   # None sorts too, and no database collation is involved


def facts(app) -> dict:
    with app.app_context():
        s = db.session
        actors = list(s.scalars(select(Actor)))
        names = {a.id: (a.kind, tuple(sorted({al.name for al in a.aliases} | {a.name}))) for a in actors}
        return {
            "actors": canonical(names.values()),
            "affiliations": canonical((names[a.id], names.get(a.affiliation_id)) for a in actors),
            "statements": canonical(
                (x.document_id, x.start_char, x.end_char, names[x.speaker_id], x.kind, x.text, str(x.said_on),
                 tuple(sorted(names[a.id] for a in x.about))) for x in s.scalars(select(Statement))),
            "figures": canonical(
                (x.document_id, x.start_char, x.end_char, x.value, x.unit, x.metric, x.qualifier,
                 names.get(x.subject_id), names.get(x.source_id)) for x in s.scalars(select(Figure))),
            "events": canonical(
                (x.kind, x.date, x.precision, x.location, x.series,
                 tuple(sorted((m.document_id, m.start_char, m.end_char) for m in x.mentions)),
                 tuple(sorted(names[a.id] for a in x.actors))) for x in s.scalars(select(Event))),
            **groups(s, names),
        }


def groups(s, names) -> dict:
    """Clusters, claim groups and threads by their members' evidence, with their summaries."""
    def members(model, column, group_id):
        rows = s.scalars(select(model).where(column == group_id))
        if model is Event:
            return tuple(sorted((m.document_id, m.start_char) for e in rows for m in e.mentions))
        return tuple(sorted((r.document_id, r.start_char, r.end_char) for r in rows))

    return {
        "clusters": canonical(
            (names[c.speaker_id], c.statements, c.documents, c.outlets, str(c.first_said),
             members(Statement, Statement.cluster_id, c.id)) for c in s.scalars(select(StatementCluster))),
        "claims": canonical(
            (names[g.subject_id], g.metric, g.unit, g.as_of_from, g.as_of_to, g.figures, g.min_value,
             g.max_value, g.disagree, members(Figure, Figure.claim_id, g.id))
            for g in s.scalars(select(ClaimGroup))),
        "threads": canonical(
            (t.key, t.name, t.events, t.first_date, t.last_date, members(Event, Event.thread_id, t.id))
            for t in s.scalars(select(Thread))),
    }


def loaded_in_order(backend, order, tmp_path, monkeypatch, extractions) -> dict:
    """One document per run, in the given order: each merge sees only what came before it."""
    monkeypatch.setattr(load, "extract_all", lambda jobs, workers: (
        (doc_id, extractions[text], None) for doc_id, text, _ in jobs))
    (tmp_path / f"{backend}-{order}").mkdir()
    app = make_app(backend, tmp_path / f"{backend}-{order}", f"same_{order}")
    for name in ORDERS[order]([p.name for p in CORPUS.glob("*.txt")]):
        one = tmp_path / f"{backend}-{order}-{name}"
        one.mkdir()
        shutil.copy(CORPUS / name, one / name)
        with app.app_context(), db.session() as session:
            report = load.load_corpus(session, one, max_chars=100_000)
        assert len(report.loaded) == 1, report.problems
    got = facts(app)
    with app.app_context():
        db.engine.dispose()
    return got


@pytest.fixture(scope="module")
def reference(tmp_path_factory, extractions) -> dict:
    """The facts of the corpus loaded in file order on SQLite."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return loaded_in_order("sqlite", "sorted", tmp_path_factory.mktemp("reference"), monkeypatch,
                               extractions)


def test_the_same_corpus_gives_the_same_facts_in_any_order_on_both_databases(backend, tmp_path, monkeypatch,
                                                                              extractions, reference):
    for order in ORDERS:
        got = loaded_in_order(backend, order, tmp_path, monkeypatch, extractions)
        for kind in reference:
            assert got[kind] == reference[kind], f"{kind} differ on {backend}, loaded in {order} order"
    assert reference["clusters"] and reference["claims"] and reference["threads"]


def test_incremental_groups_equal_groups_computed_from_scratch(tmp_path, monkeypatch, extractions, reference):
    """What ingest keeps up to date one document at a time is what a full recomputation gives."""
    from api.ingest.relate import relate_everything
    from api.models import bump_revision
    got = loaded_in_order("sqlite", "reversed", tmp_path, monkeypatch, extractions)
    assert {k: got[k] for k in ("clusters", "claims", "threads")} == \
        {k: reference[k] for k in ("clusters", "claims", "threads")}
    app = make_app("sqlite", tmp_path / "sqlite-reversed", "same_reversed", migrate=False)
    with app.app_context():
        relate_everything(db.session, bump_revision(db.session))
        db.session.commit()
    recomputed = facts(app)
    with app.app_context():
        db.engine.dispose()
    for kind in ("clusters", "claims", "threads"):
        assert recomputed[kind] == reference[kind], kind


def _loaded_in_one_run(backend, tmp_path, monkeypatch, extractions, files, between=None) -> dict:
    """`files` of the corpus in one run, which keeps what it wrote for its next documents
    (run_cache); `between(app)` runs after the first document is stored, before the second."""
    waiting = [between] if between else []

    def extract_all(jobs, workers):
        for n, (doc_id, text, _) in enumerate(jobs):
            if n == 1 and waiting:
                waiting.pop()(app)
            yield doc_id, extractions[text], None

    monkeypatch.setattr(load, "extract_all", extract_all)
    folder = tmp_path / f"{backend}-one-run"
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    app = make_app(backend, tmp_path, "same_one_run")
    with app.app_context(), db.session() as session:
        report = load.load_corpus(session, folder, max_chars=100_000)
    assert not report.problems, report.problems
    got = facts(app)
    with app.app_context():
        db.engine.dispose()
    return got


def test_one_run_gives_the_facts_of_one_document_per_run(backend, tmp_path, monkeypatch, extractions,
                                                         reference):
    got = _loaded_in_one_run(backend, tmp_path, monkeypatch, extractions, sorted(CORPUS.glob("*.txt")))
    for kind in reference:
        assert got[kind] == reference[kind], f"{kind} differ on {backend}"


def test_a_run_does_not_miss_what_another_writer_stored_meanwhile(backend, tmp_path, monkeypatch, extractions,
                                                                   reference):
    """Another ingest stores the last article while a run is between its first and second: the run
    must merge with what that writer stored, not with what it remembers of the database."""
    *first, last = sorted(CORPUS.glob("*.txt"))
    other = tmp_path / "other-writer"
    other.mkdir()
    shutil.copy(last, other / last.name)

    def another_writer(app):
        with app.app_context(), Session(db.engine) as session:
            assert len(load.load_corpus(session, other, max_chars=100_000).loaded) == 1

    got = _loaded_in_one_run(backend, tmp_path, monkeypatch, extractions, first, between=another_writer)
    for kind in reference:
        assert got[kind] == reference[kind], f"{kind} differ on {backend}"
