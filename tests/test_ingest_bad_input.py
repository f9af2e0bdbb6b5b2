"""Bad input at ingest: each case is named with its reason, and everything else still loads."""
from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import select

from api.extensions import db
from api.models import Document

from .conftest import make_app

ARTICLE = "Bridge reopens\nThe mayor of Eastport said on Monday that the old bridge would reopen in May.\n"
OTHER = "Harbour closes\nPort officials said the harbour would close for repairs next week.\n"


def ingest(runner, path, *extra):
    return runner.invoke(args=["ingest", str(path), *extra])


def stored(app) -> dict[str, str]:
    with app.app_context():
        return {d.id: d.text for d in db.session.scalars(select(Document))}


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    (path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    return path


def test_a_text_longer_than_the_limit_is_refused_in_characters(app, runner, folder):
    app.config["MAX_DOCUMENT_CHARS"] = 2_000
    (folder / "long.txt").write_text("Long read\n" + "ä" * 2_500, encoding="utf-8")      # 5,010 bytes
    (folder / "wide.txt").write_text("Wide\n" + "ä" * 1_900, encoding="utf-8")           # 3,805 bytes
    result = ingest(runner, folder)
    assert "skipped long.txt: too long (2,510 characters; the limit is 2,000)" in result.output
    assert "skipped wide.txt" not in result.output             # bytes are not characters
    assert set(stored(app)) == {"good", "wide"}


def test_the_character_limit_never_exceeds_what_the_parser_accepts():
    from api.config import max_document_chars
    from api.extract.nlp import get_nlp
    assert max_document_chars(None) <= max_document_chars("5000000") == get_nlp()[0].max_length


def test_links_are_not_followed_and_broken_links_are_reported(app, runner, folder, tmp_path):
    secret = tmp_path / "outside.txt"
    secret.write_text("Secret\nThe minister said the outside file must never be served.\n")
    os.symlink(secret, folder / "outside.txt")
    os.symlink(folder / "good.txt", folder / "alias.txt")
    os.symlink(tmp_path / "gone.txt", folder / "gone.txt")
    result = ingest(runner, folder)
    assert "skipped outside.txt: symbolic link, not followed" in result.output
    assert "skipped alias.txt: symbolic link, not followed" in result.output
    assert "skipped gone.txt: broken symbolic link" in result.output
    assert set(stored(app)) == {"good"}


def test_a_symlinked_manifest_is_not_read(app, runner, folder, tmp_path):
    outside = tmp_path / "manifest.json"
    outside.write_text(json.dumps([{"file": "good.txt", "title": "From elsewhere"}]))
    os.symlink(outside, folder / "manifest.json")
    result = ingest(runner, folder)
    assert "skipped manifest.json: symbolic link, not followed" in result.output
    with app.app_context():
        assert db.session.get(Document, "good").title is None


@pytest.mark.parametrize("name, make, reason", [
    ("SHOUT.TXT", lambda p: p.write_text(OTHER), "only '.txt' files are read (rename it to SHOUT.txt)"),
    ("Mixed.Txt", lambda p: p.write_text(OTHER), "only '.txt' files are read"),
    ("pipe.txt", os.mkfifo, "not a regular file"),
    ("folder.txt", os.mkdir, "not a regular file"),
])
def test_what_looks_like_an_article_but_is_not_read_is_reported(app, runner, folder, name, make, reason):
    make(folder / name)
    result = ingest(runner, folder)
    assert f"skipped {name}: {reason}" in result.output
    assert set(stored(app)) == {"good"}


@pytest.mark.parametrize("encode", [
    lambda t: b"\xef\xbb\xbf" + t.encode(),
    lambda t: t.replace("\n", "\r\n").encode(),
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode(),
], ids=["bom", "crlf", "bom+crlf"])
def test_the_same_text_with_a_bom_or_crlf_is_the_same_document(app, runner, folder, encode):
    assert "loaded 1" in ingest(runner, folder).output
    (folder / "good.txt").write_bytes(encode(ARTICLE))
    result = ingest(runner, folder)
    assert "loaded 0, unchanged 1" in result.output
    assert stored(app) == {"good": ARTICLE}


def test_a_manifest_with_a_bom_is_read(app, runner, folder):
    manifest = json.dumps([{"file": "good.txt", "title": "Bridge reopens", "published": "2024-05-02"}])
    (folder / "manifest.json").write_bytes(b"\xef\xbb\xbf" + manifest.encode())
    result = ingest(runner, folder)
    assert "loaded 1, unchanged 0, skipped 0" in result.output
    with app.app_context():
        assert str(db.session.get(Document, "good").published) == "2024-05-02"


def test_a_name_held_by_another_folders_document_is_refused_unless_replacing(app, runner, folder, tmp_path):
    assert ingest(runner, folder).exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "good.txt").write_text(OTHER)
    (elsewhere / "new.txt").write_text(OTHER.replace("next week", "in June"))
    result = ingest(runner, elsewhere)
    assert "skipped good.txt: another folder's document 'good' is stored" in result.output
    assert "--replace" in result.output
    assert stored(app)["good"] == ARTICLE and "new" in stored(app)
    result = ingest(runner, elsewhere, "--replace")
    assert "loaded 1, unchanged 1" in result.output
    assert stored(app)["good"] == OTHER


def test_ingest_before_db_upgrade_says_what_to_run(backend, tmp_path, folder):
    app = make_app(backend, tmp_path, "unmigrated", migrate=False)
    result = app.test_cli_runner().invoke(args=["ingest", str(folder)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the database is not migrated (empty): run `flask --app api db upgrade` first"]
