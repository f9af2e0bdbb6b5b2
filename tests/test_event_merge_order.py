"""Events do not depend on the order documents are loaded in, on SQLite or PostgreSQL.

Four invented articles report one ceasefire (signed "on Sunday" in one, "on Saturday" in
another, so the dates conflict), its ratification and other happenings. Loaded one by one in
two opposite orders, each into a fresh database, they must give the same events.
"""
from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

from sqlalchemy import select

from api.extensions import db
from api.models import Event, Thread

from .conftest import make_app

ARTICLES = {
    "a": ("2025-03-10", "Ruritania and Borduria sign ceasefire\n"
          "Ruritania and Borduria signed a ceasefire agreement in Geneva on Sunday, officials said.\n"
          "The deal was reached after talks between Foreign Minister Anna Kovac and her Bordurian "
          "counterpart, Ivo Marek, that lasted three days.\n"
          "Ruritanian forces launched an offensive in the northern province last month.\n"),
    "b": ("2025-03-11", "Ceasefire holds in the north\n"
          "The ceasefire agreement that Ruritania and Borduria signed on Saturday held overnight, "
          "the United Nations said.\n"
          "Borduria's parliament ratified the agreement on Monday.\n"),
    "c": ("2025-03-12", "Bordurian parliament approves the deal\n"
          "Borduria's parliament ratified the ceasefire agreement with Ruritania on March 10.\n"
          "President Ivo Marek confirmed the ratification on Tuesday.\n"),
    "d": ("2025-03-14", "Envoys meet in Vienna\n"
          "Envoys from Ruritania and Borduria met in Vienna on Thursday.\n"
          "The two sides agreed to a prisoner exchange, the Austrian foreign ministry said.\n"),
}


def _folder(root: Path, name: str) -> Path:
    """A corpus folder holding one article."""
    folder = root / name
    folder.mkdir()
    published, text = ARTICLES[name]
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps([{"file": f"{name}.txt", "published": published}]))
    return folder


def _events(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.scalars(select(Event).order_by(Event.id)).all()
        return sorted(((e.kind, e.date, e.precision, e.conflict, e.title, e.location, e.series,
                       tuple(sorted((m.document_id, m.start_char, m.end_char) for m in e.mentions)),
                        tuple(sorted(a.id for a in e.actors))) for e in rows), key=repr)


def _load(backend: str, root: Path, order: str, read=None) -> list[tuple]:
    """One article per run, in `order`; the events (and what `read(app)` reads)."""
    app = make_app(backend, root, f"order_{order}")
    runner = app.test_cli_runner()
    for name in order:
        result = runner.invoke(args=["ingest", str(_folder(root, name))])
        assert result.exit_code == 0, result.output
    try:
        return _events(app) if read is None else (_events(app), read(app))
    finally:
        with app.app_context():
            db.engine.dispose()


def test_loading_order_never_changes_the_events(backend, tmp_path):
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    forward.mkdir()
    backward.mkdir()
    one = _load(backend, forward, "abcd")
    other = _load(backend, backward, "dcba")
    shutil.rmtree(forward, ignore_errors=True)
    assert one == other
    signed = [e for e in one if e[0] == "treaty_signed" and len({m[0] for m in e[7]}) == 2]
    assert signed, "the ceasefire reported by two articles is one event"
    assert signed[0][3], "the two articles' dates for the signing are kept as a conflict"


def _threads(app) -> list[tuple]:
    with app.app_context():
        return sorted((t.key, t.name, t.events, t.first_date, t.last_date, tuple(sorted(
            (e.kind, e.date) for e in db.session.scalars(select(Event).where(Event.thread_id == t.id)))))
            for t in db.session.scalars(select(Thread)))


def _named_late(monkeypatch) -> None:
    """The last article (d) also names the signed agreement, more fully than the others: an extractor
    that reads its "agreed" as that signing, on the day article a gives it."""
    from api.ingest import extracting
    real = extracting.extract_documents

    def extract_documents(items):
        items = list(items)
        for (text, _), got in zip(items, real(items), strict=True):
            if text == ARTICLES["d"][1] and not isinstance(got, Exception):
                named = dict(date="2025-03-09", precision="day", series="Geneva Ceasefire Agreement")
                got = dataclasses.replace(got, events=tuple(
                    dataclasses.replace(e, **named) if e.kind == "treaty_signed" else e for e in got.events))
            yield got
    monkeypatch.setattr(extracting, "extract_documents", extract_documents)


def test_one_run_gives_the_events_and_threads_of_one_article_per_run(backend, tmp_path, monkeypatch):
    """A run keeps what it wrote for its next articles and re-forms agreement threads only when an
    article changed a stage (here the last one renames the signing): the events and threads must
    be those of one article per run."""
    _named_late(monkeypatch)
    apart, together = tmp_path / "apart", tmp_path / "together"
    apart.mkdir()
    together.mkdir()
    one_by_one, threads_one_by_one = _load(backend, apart, "abcd", read=_threads)
    folder = together / "all"
    folder.mkdir()
    for name, (_, text) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(
        [{"file": f"{name}.txt", "published": published} for name, (published, _) in ARTICLES.items()]))
    app = make_app(backend, together, "one_run")
    result = app.test_cli_runner().invoke(args=["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    try:
        assert _events(app) == one_by_one
        assert _threads(app) == threads_one_by_one
        assert [t[1] for t in threads_one_by_one] == ["Geneva Ceasefire Agreement"]
    finally:
        with app.app_context():
            db.engine.dispose()
