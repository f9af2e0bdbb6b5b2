"""Readers polling while ingest writes see pages that agree with themselves, on both databases.

16 readers hammer the API while 100 articles load. Every answer must be consistent with one state
of the data: `meta.total` agrees with the rows of the page, no row is newer than `meta.revision`,
totals at one revision agree across endpoints and with /v1/stats, one ETag always carries one body,
a walk of pages by their cursor (the documents, and a search whose ranks would move as the corpus
grows) never repeats a row and keeps its order, and nothing answers 5xx.

Extraction is what makes ingest slow and is not under test here: the articles are the corpus's texts
with a distinct closing line each, and each reuses its corpus text's extraction (its offsets still
quote the text), so the 100 writes, merges and revision bumps are real and the test stays short
(the writer runs in a forked process, as `flask ingest` would, so readers and writer do not share an
interpreter lock).
"""
from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from api.extensions import db
from api.ingest import load
from api.transactions import writer_engine

from .conftest import CORPUS

READERS = 16
DOCUMENTS = 100
PAUSE = 0.2   # seconds between one reader's requests
EVENTFUL = 10   # the first articles (two copies of each text) keep their events
COPY_MARK = "\n\nCopy "
LISTS = {   # unfiltered lists: their total is a count in /v1/stats
    "documents": "/v1/documents?per_page=20",
    "actors": "/v1/actors?per_page=25",
    "statements": "/v1/statements?per_page=10",
    "figures": "/v1/figures?per_page=10&sort=-value",
    "events": "/v1/events?per_page=10&sort=date",
}
SEARCH = "/v1/search?q=north+korean+troops&per_page=10"
OTHERS = ["/v1/stats", SEARCH, "/v1/events?per_page=5&kind=summit"]
# Walked to the last page: (what the list is ordered by, which row it is) of each row. Along a walk
# the first never decreases and the second never repeats.
WALKS = {LISTS["documents"]: lambda row: (row["id"], row["id"]),
         SEARCH: lambda hit: (-hit["score"], (hit["type"], hit["id"]))}


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    from api.extract import extract_documents
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    return dict(zip(texts, extract_documents((t, None) for t in texts), strict=True))


@pytest.fixture
def many_articles(tmp_path, extractions, monkeypatch) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    bases = list(extractions)
    for n in range(DOCUMENTS):
        (folder / f"a{n:03d}.txt").write_text(f"{bases[n % len(bases)]}{COPY_MARK}{n}.\n", encoding="utf-8")

    def reuse(jobs, workers):
        for doc_id, text, _ in jobs:
            extraction = extractions[text.rsplit(COPY_MARK, 1)[0]]
            if int(doc_id[1:]) >= EVENTFUL:   # re-forming ever larger event groups is not under test
                extraction = dataclasses.replace(extraction, events=[])
            yield doc_id, extraction, None

    monkeypatch.setattr(load, "extract_all", reuse)
    return folder


class Seen:
    """What the readers saw, gathered across threads and checked afterwards."""

    def __init__(self):
        self.lock = threading.Lock()
        self.problems: list[str] = []
        self.bodies_by_etag: dict[str, set[str]] = defaultdict(set)
        self.totals: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.answers = 0
        self.walks_across_writes: dict[str, int] = defaultdict(int)

    def problem(self, message: str) -> None:
        with self.lock:
            self.problems.append(message)

    def answer(self, url: str, response) -> dict | None:
        with self.lock:
            self.answers += 1
            self.bodies_by_etag[response.headers.get("ETag", "")].add(
                hashlib.sha256(response.get_data()).hexdigest())
        if response.status_code != 200:
            self.problem(f"{url}: {response.status_code} {response.get_data(as_text=True)[:200]}")
            return None
        return response.get_json()

    def total(self, name: str, revision: int, total: int) -> None:
        with self.lock:
            self.totals[(name, revision)].add(total)


def check_page(seen: Seen, url: str, body: dict, first: bool) -> None:
    meta, data = body["meta"], body["data"]
    for row in data:
        if row.get("revision", 0) > meta["revision"]:
            seen.problem(f"{url}: row {row.get('id')} of revision {row['revision']} "
                         f"on a page of revision {meta['revision']}")
    if first and len(data) != min(meta["total"], meta["per_page"]):
        seen.problem(f"{url}: {len(data)} rows on a first page but total {meta['total']}")
    if first and (body["links"]["next"] is not None) != (meta["total"] > meta["per_page"]):
        seen.problem(f"{url}: next link {body['links']['next']} but total {meta['total']}")


def read_until(app, seen: Seen, done: threading.Event, offset: int) -> None:
    client = app.test_client()
    urls = [*LISTS.items(), *((None, u) for u in OTHERS)]
    n = offset
    while not done.wait(PAUSE):   # a poller's pause: the writer gets the interpreter too
        name, url = urls[n % len(urls)]
        n += 1
        body = seen.answer(url, client.get(url))
        if body is None:
            continue
        if url == "/v1/stats":
            for resource, count in body["counts"].items():
                seen.total(resource, body["revision"], count)
            continue
        check_page(seen, url, body, first=True)
        if name:
            seen.total(name, body["meta"]["revision"], body["meta"]["total"])
        if url in WALKS:
            walk(client, seen, done, url, body)


def walk(client, seen: Seen, done: threading.Event, url: str, body: dict) -> None:
    """Follow the cursor to the last page: the order holds, no row comes twice."""
    keys = [WALKS[url](row) for row in body["data"]]
    revisions = {body["meta"]["revision"]}
    next_url = body["links"]["next"]
    while next_url and not done.wait(PAUSE):
        page = seen.answer(next_url, client.get(next_url))
        if page is None:
            return
        check_page(seen, next_url, page, first=False)
        keys += [WALKS[url](row) for row in page["data"]]
        revisions.add(page["meta"]["revision"])
        next_url = page["links"]["next"]
    order, rows = [k[0] for k in keys], [k[1] for k in keys]
    if order != sorted(order) or len(rows) != len(set(rows)):
        seen.problem(f"a walk of {url} repeated or reordered rows: {keys}")
    if len(revisions) > 1:
        with seen.lock:
            seen.walks_across_writes[url] += 1


def ingest(app, folder: Path, go) -> None:
    """The writer, in a process of its own as `flask ingest` would be."""
    go.wait(60)
    with app.app_context():
        db.engine.dispose(close=False)   # the parent's pooled connections are not this process's
        with Session(writer_engine(db.engine)) as session:
            report = load.load_corpus(session, folder, max_chars=100_000, workers=1)
    sys.exit(0 if len(report.loaded) == DOCUMENTS else f"loaded {report.summary()}: {report.problems}")


def test_readers_during_an_ingest_see_consistent_pages(app, many_articles):
    context = multiprocessing.get_context("fork")   # the child keeps the patched extraction
    go = context.Event()
    writer = context.Process(target=ingest, args=(app, many_articles, go))
    writer.start()
    seen, done = Seen(), threading.Event()
    readers = [threading.Thread(target=read_until, args=(app, seen, done, i)) for i in range(READERS)]
    for reader in readers:
        reader.start()
    go.set()
    writer.join(timeout=300)
    done.set()
    for reader in readers:
        reader.join(timeout=60)
    if writer.is_alive():
        writer.kill()
    assert writer.exitcode == 0
    assert not seen.problems, seen.problems[:10]
    reused = {etag: bodies for etag, bodies in seen.bodies_by_etag.items() if len(bodies) > 1}
    assert not reused, f"{len(reused)} ETags with more than one body"
    disagreeing = {key: totals for key, totals in seen.totals.items() if len(totals) > 1}
    assert not disagreeing, f"totals at one revision disagree: {list(disagreeing.items())[:5]}"
    revisions = {revision for _, revision in seen.totals}
    print(f"{seen.answers} answers, {len(seen.bodies_by_etag)} ETags, {len(revisions)} revisions seen")
    assert len(revisions) > 10   # the readers really did read while the ingest wrote
    print(f"walks that spanned writes: {dict(seen.walks_across_writes)}")
    assert all(seen.walks_across_writes[url] for url in WALKS)   # and walked while it wrote
