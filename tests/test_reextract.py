"""Re-extraction keeps ids, and the change feed tells a poller exactly what changed, deletions too.

"A change to one extraction rule" is simulated without touching the rules: the extraction of each
article is computed once, and a second run passes it through `changed_rule`, which alters exactly
known facts (drops a statement and an event, changes a figure's qualifier, adds a figure). The
database after `reextract` must hold what a fresh load of the changed extraction holds, with the
ids of everything the change did not touch unchanged, and /v1/changes must list exactly the
differences.
"""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import inspect, select, update

from api.extensions import db
from api.extract import extract_document
from api.extract.types import QUALIFIERS, Extraction, Figure, Span
from api.ingest import load
from api.models import Actor, Document, Event, Statement, current_revision
from api.models import Figure as FigureRow

from .conftest import CORPUS, make_app
from .test_ingest import dump
from .test_same_facts import facts
from .web.conftest_helpers import follow_pages

DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))
EXTRACTED: dict[tuple[str, date | None], Extraction] = {}


def extracted(text: str, published: date | None) -> Extraction:
    if (text, published) not in EXTRACTED:
        EXTRACTED[(text, published)] = extract_document(text, published)
    return EXTRACTED[(text, published)]


def use_extractor(monkeypatch, rule=None) -> None:
    """Ingest and reextract extract through this (cached) extractor, changed by `rule` if given."""
    def extract_all(jobs, workers):
        for doc_id, text, published in jobs:
            found = extracted(text, published)
            yield doc_id, rule(doc_id, text, found) if rule else found, None
    monkeypatch.setattr(load, "extract_all", extract_all)


def unreferenced_statement(e: Extraction) -> int | None:
    used = {f.statement for f in e.figures}
    return next((i for i in range(len(e.statements)) if i not in used), None)


def changed_rule(doc_id: str, text: str, e: Extraction) -> Extraction:
    """The same extraction, but: the first document's first figure has another qualifier, the
    second's first statement no figure points at is gone, the third has one figure more (on its
    first word), the fourth's last event is gone."""
    if doc_id == DOCS[1]:
        drop = unreferenced_statement(e)
        statements = e.statements[:drop] + e.statements[drop + 1:]
        figures = tuple(dataclasses.replace(f, statement=None if f.statement is None else
                                            f.statement - (f.statement > drop)) for f in e.figures)
        return dataclasses.replace(e, statements=statements, figures=figures)
    if doc_id == DOCS[0]:
        first = e.figures[0]
        other = next(q for q in QUALIFIERS if q != first.qualifier)
        return dataclasses.replace(e, figures=(dataclasses.replace(first, qualifier=other), *e.figures[1:]))
    if doc_id == DOCS[2]:
        word = text.split()[0]
        start = text.index(word)
        added = Figure(value=7.0, unit="count", metric="other", qualifier="exact",
                       evidence=Span.of(text, start, start + len(word)))
        return dataclasses.replace(e, figures=(*e.figures, added))
    if doc_id == DOCS[3]:
        return dataclasses.replace(e, events=e.events[:-1])
    return e


def contents(app) -> dict[tuple[str, object], tuple]:
    """(resource, id) -> everything a client sees of the item but its revision."""
    with app.app_context():
        s = db.session
        out = {}
        for a in s.scalars(select(Actor)):
            out["actors", a.id] = (a.name, a.kind, a.role, a.affiliation_id,
                                   tuple(sorted(x.name for x in a.aliases)))
        for x in s.scalars(select(Statement)):
            out["statements", x.id] = (x.document_id, x.start_char, x.end_char, x.evidence_text, x.speaker_id,
                                       x.kind, x.text, x.said_on, tuple(sorted(a.id for a in x.about)))
        for x in s.scalars(select(FigureRow)):
            out["figures", x.id] = (x.document_id, x.start_char, x.end_char, x.value, x.unit, x.metric,
                                    x.qualifier, x.subject_id, x.source_id, x.as_of, x.statement_id)
        for x in s.scalars(select(Event)):
            mentions = tuple(sorted((m.document_id, m.start_char, m.end_char) for m in x.mentions))
            out["events", x.id] = (x.kind, x.title, x.date, x.precision, x.location, x.series, x.conflict,
                                   mentions, tuple(sorted(a.id for a in x.actors)))
        for x in s.scalars(select(Document)):
            out["documents", x.id] = (x.title, x.publisher, x.url, x.published, x.sha256)
        return out


def revisions(app) -> dict[tuple[str, object], int]:
    with app.app_context():
        return {(name, row.id): row.revision for name, model in
                (("actors", Actor), ("statements", Statement), ("figures", FigureRow), ("events", Event),
                 ("documents", Document)) for row in db.session.scalars(select(model))}


FACTS = ("actors", "statements", "figures", "events", "documents")


def feed(app, since: int) -> list[dict]:
    """The feed's changes to facts (the groups they form are followed in tests/web/test_changes.py)."""
    changes = follow_pages(app.test_client(), f"/v1/changes?since={since}&per_page=7")[0]
    return [c for c in changes if c["resource"] in FACTS]


def replay(app) -> set[tuple[str, object]]:
    """What a poller that applies /v1/changes from revision 0 in order ends up with."""
    held: set[tuple[str, object]] = set()
    for change in feed(app, 0):
        key = (change["resource"], change["id"])
        (held.discard if change["action"] == "deleted" else held.add)(key)
    return held


def assert_same_as_a_fresh_load(app, backend, tmp_path) -> None:
    """The database holds what ingesting the corpus into an empty one (same extractor) gives."""
    (tmp_path / "fresh").mkdir()
    fresh = make_app(backend, tmp_path / "fresh", "rex_fresh")
    assert fresh.test_cli_runner().invoke(args=["ingest", str(CORPUS)]).exit_code == 0
    assert facts(fresh) == facts(app)
    with fresh.app_context():
        db.engine.dispose()


def reextract(runner, *args):
    result = runner.invoke(args=["reextract", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_changed_rule_changes_only_the_facts_it_touches(app, runner, backend, tmp_path, monkeypatch):
    use_extractor(monkeypatch)
    assert runner.invoke(args=["ingest", str(CORPUS)]).exit_code == 0
    before, before_revisions = contents(app), revisions(app)
    with app.app_context():
        start = current_revision(db.session)
        first_figure = db.session.scalars(select(FigureRow).where(FigureRow.document_id == DOCS[0])
                                          .order_by(FigureRow.start_char, FigureRow.id)).first()
        figure_id, old_qualifier = first_figure.id, first_figure.qualifier

    use_extractor(monkeypatch, changed_rule)
    output = reextract(runner, "--all")
    assert "changed 4, unchanged 1, failed 0" in output
    after, after_revisions = contents(app), revisions(app)

    # What the rule touched: the first document's figure kept its id with the new qualifier, one
    # statement of the second is gone, the third has a new figure.
    gone = before.keys() - after.keys()
    new = after.keys() - before.keys()
    dropped = [k for k in gone if k[0] == "statements"]
    assert len(dropped) == 1 and before[dropped[0]][0] == DOCS[1]
    assert ("figures", figure_id) in after and after["figures", figure_id][6] != old_qualifier
    assert after_revisions["figures", figure_id] > start
    assert [k for k in new if k[0] == "figures"] and all(after[k][0] == DOCS[2] for k in new
                                                         if k[0] == "figures")
    # Everything the rule did not touch keeps its id, its content and its revision.
    touched = {k for k in before.keys() & after.keys() if before[k] != after[k]}
    for key in before.keys() & after.keys() - touched:
        assert after_revisions[key] == before_revisions[key], key
    assert {k[0] for k in touched} <= {"figures", "events"}

    # The feed since the load lists exactly those differences, deletions included.
    listed = {(c["resource"], c["id"], c["action"]) for c in feed(app, start)}
    expected = ({(*k, "deleted") for k in gone} | {(*k, "created") for k in new}
                | {(*k, "updated") for k in touched})
    assert listed == expected
    assert len(listed) == len(feed(app, start))          # each item once
    assert (*dropped[0], "deleted") in listed
    assert ("figures", figure_id, "updated") in listed
    # A poller replaying everything from revision 0 holds exactly the current ids.
    assert replay(app) == set(after)

    # Same content as loading the changed extraction into an empty database.
    assert_same_as_a_fresh_load(app, backend, tmp_path)


def test_reextracting_again_changes_nothing_not_even_the_revision(app, runner, monkeypatch):
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    use_extractor(monkeypatch, changed_rule)
    reextract(runner, "--all")
    before = dump(app)
    assert "changed 0, unchanged 5, failed 0" in reextract(runner, "--all")
    assert "nothing to re-extract" in reextract(runner)
    assert dump(app) == before


def test_the_real_extractor_run_twice_gives_the_same_facts(app, runner):
    """No monkeypatch: the extraction pool itself, as `flask reextract` runs it."""
    assert runner.invoke(args=["ingest", str(CORPUS)]).exit_code == 0
    before = dump(app)
    assert "changed 0, unchanged 5, failed 0" in reextract(runner, "--all", "--workers", "1")
    assert dump(app) == before


def test_ingest_reextracts_a_stored_text_made_by_an_older_extractor(app, runner, monkeypatch):
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    with app.app_context():
        db.session.execute(update(Document).where(Document.id == DOCS[0]).values(extractor_version="0.0.1"))
        db.session.commit()
        start = current_revision(db.session)
    use_extractor(monkeypatch, changed_rule)
    result = runner.invoke(args=["ingest", str(CORPUS)])
    assert "loaded 0, unchanged 4, skipped 0, failed 0, re-extracted 1" in result.output
    assert {(c["resource"], c["action"]) for c in feed(app, start)} == {("figures", "updated")}
    assert "nothing to re-extract" in reextract(runner)


def test_reextract_one_document_and_unknown_ids(app, runner, monkeypatch):
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    use_extractor(monkeypatch, changed_rule)
    assert "re-extracted 1 with extractor" in reextract(runner, "--document", DOCS[4])
    result = runner.invoke(args=["reextract", "--document", "no-such-doc"])
    assert result.exit_code == 1 and "skipped no-such-doc: no such document" in result.output


def test_a_changed_text_keeps_the_ids_of_facts_it_still_has(app, runner, corpus_copy):
    """Real extraction: a paragraph appended to an article. Facts found again at the same words keep
    their ids; the rest are deleted with a tombstone; replaying the feed gives the current ids."""
    runner.invoke(args=["ingest", str(corpus_copy)])
    before = contents(app)
    with app.app_context():
        start = current_revision(db.session)
    path = corpus_copy / f"{DOCS[2]}.txt"
    path.write_text(path.read_text(encoding="utf-8") + '\n"The ferry will run again by spring," Mayor Ana '
                    'Vale of Eastport told reporters on Tuesday.\n', encoding="utf-8")
    result = runner.invoke(args=["ingest", str(corpus_copy)])
    assert "loaded 1, unchanged 4" in result.output
    after = contents(app)
    kept = 0
    for (resource, item), value in before.items():
        if resource == "statements" and value[0] == DOCS[2]:
            same = [k for k, v in after.items() if k[0] == "statements" and v == value]
            assert same in ([], [(resource, item)])    # found again: the same id
            kept += bool(same)
    assert kept
    changes = feed(app, start)
    deleted = {(c["resource"], c["id"]) for c in changes if c["action"] == "deleted"}
    assert deleted == before.keys() - after.keys()
    assert replay(app) == set(after)


@pytest.mark.parametrize("args, message", [
    (["--all", "--document", DOCS[0]], "re-extracted 1"),
])
def test_document_wins_over_all(app, runner, monkeypatch, args, message):
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    assert message in reextract(runner, *args)


def test_same_facts_from_a_newer_extractor_only_note_its_version(app, runner, monkeypatch):
    """Every document was made by an 'older' extractor, the new one finds the same facts: nothing a
    client can see changes (no revision, no timestamp), and the next run has nothing to do."""
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    with app.app_context():
        db.session.execute(update(Document).values(extractor_version="0.0.1"))
        db.session.commit()
    before = dump(app)
    assert "changed 0, unchanged 5, failed 0" in reextract(runner)
    after = dump(app)
    assert {t for t in before if before[t] != after[t]} == {"documents"}
    with app.app_context():
        assert set(db.session.scalars(select(Document.extractor_version))) == {load.EXTRACTOR_VERSION}
        version = [c["name"] for c in inspect(db.engine).get_columns("documents")].index("extractor_version")
    strip = lambda rows: [row[:version] + row[version + 1:] for row in rows]  # noqa: E731
    assert strip(after["documents"]) == strip(before["documents"])
    assert "nothing to re-extract" in reextract(runner)


def without_actor(e: Extraction, key: str) -> Extraction:
    """The extraction as if a rule no longer found actor `key`: its statements go, and every
    reference to it (what statements are about, figures' subject or source, event participants,
    other actors' affiliation)."""
    kept = [i for i, s in enumerate(e.statements) if s.speaker != key]
    index = {old: new for new, old in enumerate(kept)}
    no = lambda k: None if k == key else k  # noqa: E731
    return dataclasses.replace(
        e,
        actors=tuple(dataclasses.replace(a, affiliation=no(a.affiliation)) for a in e.actors if a.key != key),
        statements=tuple(dataclasses.replace(e.statements[i], about=tuple(k for k in e.statements[i].about
                                                                          if k != key)) for i in kept),
        figures=tuple(dataclasses.replace(f, subject=no(f.subject), source=no(f.source),
                                          statement=index.get(f.statement)) for f in e.figures),
        events=tuple(dataclasses.replace(ev, actors=tuple(k for k in ev.actors if k != key),
                                         agents=ev.agents - (key in ev.actors[:ev.agents]))
                     for ev in e.events))


def test_an_actor_no_document_supports_any_more_is_deleted_with_a_tombstone(app, runner, backend, tmp_path,
                                                                            monkeypatch):
    from api.ingest.actor_rows import slugify
    from api.models import ActorMention
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    with app.app_context():
        start = current_revision(db.session)
        places: dict[str, set[str]] = {}
        for actor, document in db.session.execute(select(ActorMention.actor_id, ActorMention.document_id)):
            places.setdefault(actor, set()).add(document)

    def extraction_of(doc_id: str) -> Extraction:
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        return next(e for (t, _), e in EXTRACTED.items() if t == text)

    # An actor named in one document only, that speaks there: a rule that stops finding it.
    doc, key, actor_id = next((d, a.key, slugify(a.name)) for d in DOCS for a in extraction_of(d).actors
                              if places.get(slugify(a.name)) == {d}
                              and any(s.speaker == a.key for s in extraction_of(d).statements))
    use_extractor(monkeypatch, lambda d, text, e: without_actor(e, key) if d == doc else e)
    assert "changed 1, unchanged 4" in reextract(runner, "--all")
    listed = {(c["resource"], c["id"], c["action"]) for c in feed(app, start)}
    assert ("actors", actor_id, "deleted") in listed
    assert {r for r, _, action in listed if action == "deleted"} >= {"actors", "statements"}
    assert app.test_client().get(f"/v1/actors/{actor_id}").status_code == 404
    assert replay(app) == set(contents(app))
    assert_same_as_a_fresh_load(app, backend, tmp_path)


def emptied(doc_id: str, text: str, e: Extraction) -> Extraction:
    """A rule that finds no statement, figure or event anywhere."""
    return dataclasses.replace(e, statements=(), figures=(), events=())


def test_a_deleted_id_never_names_another_fact(app, runner, monkeypatch):
    """Ids are what clients store: once a fact is deleted, its id must not come back as another one,
    not even the highest (SQLite reuses the highest rowid unless the table says AUTOINCREMENT)."""
    models = {"statements": Statement, "figures": FigureRow, "events": Event}
    use_extractor(monkeypatch)
    runner.invoke(args=["ingest", str(CORPUS)])
    with app.app_context():
        deleted = {name: set(db.session.scalars(select(m.id))) for name, m in models.items()}
    assert all(deleted.values())

    use_extractor(monkeypatch, emptied)
    reextract(runner, "--all")
    use_extractor(monkeypatch)                    # the facts come back, as new facts
    reextract(runner, "--all")
    client = app.test_client()
    with app.app_context():
        for name, model in models.items():
            again = ids(app, model)
            assert len(again) == len(deleted[name]) and again.isdisjoint(deleted[name]), name
            assert client.get(f"/v1/{name}/{max(deleted[name])}").status_code == 404
    current = {(name, i) for name, model in models.items() for i in ids(app, model)}
    assert {k for k in replay(app) if k[0] in models} == current


def ids(app, model) -> set[int]:
    with app.app_context():
        return set(db.session.scalars(select(model.id)))
