"""Ingest: exact text, idempotence, and bad input named and skipped while the rest load."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import inspect, select

from api.extensions import db
from api.models import ActorMention, Document, EventMention, Figure, Statement, current_revision

from .conftest import CORPUS


def ingest(runner, path):
    return runner.invoke(args=["ingest", str(path)])


def dump(app) -> dict:
    """Every row of every table, for byte-for-byte comparisons."""
    with app.app_context():
        out = {}
        with db.engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                out[table] = sorted(map(tuple, conn.exec_driver_sql(f'SELECT * FROM "{table}"')), key=repr)
        return out


def test_loads_every_document_with_its_exact_text_and_metadata(app, runner):
    result = ingest(runner, CORPUS)
    assert result.exit_code == 0, result.output
    assert "loaded 5, unchanged 0, skipped 0" in result.output
    manifest = {e["file"]: e for e in json.loads((CORPUS / "manifest.json").read_text())}
    with app.app_context():
        docs = {d.id: d for d in db.session.scalars(select(Document))}
        assert len(docs) == 5
        for path in CORPUS.glob("*.txt"):
            doc = docs[path.stem]
            assert doc.text == path.read_text(encoding="utf-8")
            assert doc.title == manifest[path.name]["title"]
            assert str(doc.published) == manifest[path.name]["published"]


def test_ingesting_twice_changes_nothing(app, runner):
    assert ingest(runner, CORPUS).exit_code == 0
    before = dump(app)
    result = ingest(runner, CORPUS)
    assert result.exit_code == 0
    assert "loaded 0, unchanged 5, skipped 0" in result.output
    assert dump(app) == before


@pytest.mark.parametrize("name, content, reason", [
    ("latin1.txt", "Caf\xe9 society".encode("latin-1"), "not valid UTF-8"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "no text"),
    ("huge.txt", b"word " * 500_000, "too large"),
])
def test_bad_file_is_named_and_skipped(app, runner, corpus_copy, name, content, reason):
    (corpus_copy / name).write_bytes(content)
    result = ingest(runner, corpus_copy)
    assert result.exit_code == 0
    assert f"skipped {name}: " in result.output and reason in result.output
    assert "loaded 5, unchanged 0, skipped 1" in result.output


@pytest.mark.parametrize("manifest, reason", [
    ("{not json", "not valid JSON"),
    ('{"file": "x.txt"}', "must be a JSON list"),
])
def test_malformed_manifest_is_reported_and_documents_still_load(app, runner, corpus_copy, manifest, reason):
    (corpus_copy / "manifest.json").write_text(manifest)
    result = ingest(runner, corpus_copy)
    assert result.exit_code == 0
    assert "skipped manifest.json: " in result.output and reason in result.output
    assert "loaded 5" in result.output


def test_bad_manifest_entries_are_named(app, runner, corpus_copy):
    entries = json.loads((corpus_copy / "manifest.json").read_text())
    entries[0]["published"] = "last Tuesday"
    entries[1]["extra"] = {"tolerated": True}
    entries.append({"file": "missing.txt", "title": "Not here"})
    entries.append(["not", "an", "object"])
    (corpus_copy / "manifest.json").write_text(json.dumps(entries))
    result = ingest(runner, corpus_copy)
    assert result.exit_code == 0
    assert "'published' must be YYYY-MM-DD" in result.output
    assert "skipped missing.txt: listed in manifest.json but no such file" in result.output
    assert "entry is not an object" in result.output
    assert "loaded 5" in result.output
    with app.app_context():
        assert db.session.get(Document, "001_355be868dd25a266").publisher == "TROIB News"


def test_nothing_loadable_exits_non_zero(app, runner, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    result = ingest(runner, tmp_path)
    assert result.exit_code != 0
    assert "skipped bad.txt" in result.output


def test_same_text_under_another_name_is_not_loaded_twice(app, runner, corpus_copy):
    (corpus_copy / "copy.txt").write_bytes((corpus_copy / "000_90bd47314c1e82cc.txt").read_bytes())
    result = ingest(runner, corpus_copy)
    assert "same text as document" in result.output
    with app.app_context():
        assert db.session.get(Document, "copy") is None


def test_changed_text_replaces_the_document_and_bumps_the_revision(app, runner, corpus_copy):
    ingest(runner, corpus_copy)
    with app.app_context():
        before = current_revision(db.session)
    path = corpus_copy / "003_9eff574804ff61ec.txt"
    path.write_text(path.read_text() + "\nA correction was appended.\n")
    result = ingest(runner, corpus_copy)
    assert "loaded 1, unchanged 4" in result.output
    with app.app_context():
        doc = db.session.get(Document, "003_9eff574804ff61ec")
        assert doc.text.endswith("A correction was appended.\n")
        assert current_revision(db.session) == doc.revision == before + 1


def test_a_failing_document_leaves_nothing_half_written(app, runner, corpus_copy, monkeypatch):
    from api.ingest import write

    def explode(self, doc_id, text, extraction):
        if doc_id.startswith("002"):
            raise RuntimeError("disk on fire")
        return original(self, doc_id, text, extraction)

    original = write.Writer.write
    monkeypatch.setattr(write.Writer, "write", explode)
    result = ingest(runner, corpus_copy)
    assert "failed 002_96be83e6d69237fa.txt: could not be stored" in result.output
    assert result.exit_code == 1   # not the input's fault: the run failed
    with app.app_context():
        assert db.session.get(Document, "002_96be83e6d69237fa") is None
        for model in (Statement, Figure, EventMention, ActorMention):
            assert db.session.scalar(select(model.id).where(model.document_id.like("002%"))) is None
        assert len(db.session.scalars(select(Document)).all()) == 4
