"""A search walk is the search as it stood at its first page, however much loads meanwhile.

The first page is read, more articles load (which would move SQLite's bm25 ranks and bring new
hits), then the walk follows its cursor to the end: it must give exactly the hits, in exactly the
order, of one big page read before the load. The articles are copies of the corpus texts with a
closing line each, reusing the texts' extraction (extraction is not under test here).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from api.ingest import load

from .conftest import CORPUS

COPY_MARK = "\n\nCopy "
QUERY = "/v1/search?q=north+korean+troops"


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    from api.extract import extract_documents
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return dict(zip(texts, extract_documents((t, None) for t in texts), strict=True))


@pytest.fixture
def copies(tmp_path, extractions, monkeypatch):
    """copies(name, n, m): a folder of copies n..m-1 of the corpus texts."""
    bases = list(extractions)

    def reuse(jobs, workers):
        for doc_id, text, _ in jobs:
            yield doc_id, dataclasses.replace(extractions[text.rsplit(COPY_MARK, 1)[0]], events=[]), None

    monkeypatch.setattr(load, "extract_all", reuse)

    def make(name: str, first: int, last: int) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for n in range(first, last):
            (folder / f"{name}{n:03d}.txt").write_text(f"{bases[n % len(bases)]}{COPY_MARK}{n}.\n",
                                                      encoding="utf-8")
        return folder
    return make


def hits(body: dict) -> list[tuple]:
    return [(h["type"], h["id"], h["score"]) for h in body["data"]]


def test_a_walk_sees_the_search_of_its_first_page_while_more_loads(app, runner, copies):
    assert runner.invoke(args=["ingest", str(copies("early", 0, 10))]).exit_code == 0
    client = app.test_client()
    whole = client.get(f"{QUERY}&per_page=500").get_json()
    assert whole["links"]["next"] is None and len(whole["data"]) > 20

    first = client.get(f"{QUERY}&per_page=7").get_json()
    assert runner.invoke(args=["ingest", str(copies("late", 10, 40))]).exit_code == 0
    walked, next_url, pages = hits(first), first["links"]["next"], 1
    while next_url:
        page = client.get(next_url).get_json()
        assert page["meta"]["total"] == whole["meta"]["total"]   # the walk's search, not today's
        walked += hits(page)
        next_url, pages = page["links"]["next"], pages + 1

    assert pages > 3
    assert walked == hits(whole)
    later = client.get(f"{QUERY}&per_page=500").get_json()   # a new walk finds what loaded since
    assert later["meta"]["total"] > whole["meta"]["total"]
