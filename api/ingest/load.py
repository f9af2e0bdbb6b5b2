"""Load a corpus: one transaction per document, idempotent by sha256, bad documents skipped.

Ingesting the same text twice changes nothing, not even the data revision; a run that stopped
(killed, or the database went away) leaves whole documents only, and the next run loads the rest.
A lost database connection is retried with backoff; when the database stays away, the run stops
and names every document it did not load.

Re-extraction (`reextract`, or ingest meeting a stored text whose facts an older extractor made)
goes through the very same steps: extract in the pool, then one transaction per document that
replaces its facts (write.py keeps the ids of facts found again). A document whose facts come out
the same is rolled back: nothing changes, not even the revision.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exists, or_, select, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session
from tenacity import Retrying, retry_if_exception, stop_after_delay, wait_exponential

from ..extract.types import EXTRACTOR_VERSION
from ..models import Base, Document, bump_revision
from ..models.base import utcnow
from .after_write import after_document_written
from .corpus import META_FIELDS, Problem, SourceDocument, read_corpus
from .extracting import extract_all
from .matching import assign
from .run_cache import RunCache, watch_threads_input
from .write import Writer

log = logging.getLogger(__name__)


@dataclass
class Report:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reextracted: list[str] = field(default_factory=list)   # same text, facts made again

    @property
    def failed(self) -> list[Problem]:
        return [p for p in self.problems if p.failed]

    def summary(self) -> str:
        line = (f"loaded {len(self.loaded)}, unchanged {len(self.unchanged)}, "
                f"skipped {len(self.problems) - len(self.failed)}, failed {len(self.failed)}")
        if self.reextracted:
            line += (f", re-extracted {len(self.reextracted)} (same text, facts from an older "
                     f"extractor; now {EXTRACTOR_VERSION})")
        return line

    def reextract_summary(self) -> str:
        changed, same = len(self.reextracted), len(self.unchanged)
        return (f"re-extracted {changed + same} with extractor {EXTRACTOR_VERSION}: changed {changed}, "
                f"unchanged {same}, failed {len(self.failed)}")


def transient(exc: BaseException) -> bool:
    """A lost or refused connection, a locked SQLite file: worth another try, not the document's fault."""
    return isinstance(exc, OperationalError | InterfaceError) or getattr(exc, "connection_invalidated", False)


class DatabaseAway(Exception):
    """The database stayed unreachable for the whole retry window."""


def retrying(session: Session, retry_seconds: float):
    """Run a unit of work (one transaction) again after a transient failure, with exponential
    backoff, for up to `retry_seconds`; the session is rolled back before each new try."""
    def before_sleep(state) -> None:
        session.rollback()
        if state.attempt_number == 1:   # once per outage: a run that seems stalled says why
            log.warning("the database is unreachable (%s); retrying for up to %g s",
                        _first_line(state.outcome.exception()), retry_seconds)

    def run(work):
        retry = Retrying(retry=retry_if_exception(transient), reraise=True,
                         stop=stop_after_delay(retry_seconds),
                         wait=wait_exponential(multiplier=min(0.5, retry_seconds / 8), max=10),
                         before_sleep=before_sleep)
        try:
            return retry(work)
        except Exception as exc:
            session.rollback()
            if transient(exc):
                raise DatabaseAway(_first_line(exc)) from exc
            raise
    return run


def _first_line(exc: BaseException) -> str:
    first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"{type(exc).__name__}: {first[0] if first else ''}"


def load_corpus(session: Session, folder: Path, *, max_chars: int, workers: int = 0, replace: bool = False,
                retry_seconds: float = 60, progress: Callable[[int], None] | None = None) -> Report:
    """Load every article of `folder`; `replace`: a stored document of the same name from another
    folder is replaced by this folder's (without it, that article is refused)."""
    source = str(folder.resolve())
    docs, problems = read_corpus(folder, max_chars)
    report = Report(problems=list(problems))
    attempt = retrying(session, retry_seconds)
    try:
        _load(session, attempt, docs, source, replace, workers, report, progress)
    except DatabaseAway as away:
        done = set(report.loaded) | set(report.unchanged) | {p.name for p in report.problems}
        for doc in docs:
            if doc.id not in done and f"{doc.id}.txt" not in done:
                report.problems.append(Problem(f"{doc.id}.txt", f"not loaded: the database is unreachable "
                                               f"({away}); a re-run loads it", failed=True))
    return report


def _load(session, attempt, docs, source, replace, workers, report, progress) -> None:
    to_extract: list[SourceDocument] = []
    again: set[str] = set()
    first_with_text: dict[str, str] = {}
    for doc in docs:
        outcome = attempt(lambda doc=doc: _without_extraction(session, doc, source, replace))
        if outcome == "extract" and first_with_text.setdefault(doc.sha256, doc.id) != doc.id:
            outcome = Problem(f"{doc.id}.txt", f"same text as document {first_with_text[doc.sha256]!r}; "
                                               "not loaded twice")
        if outcome in ("extract", "reextract"):
            to_extract.append(doc)
            if outcome == "reextract":
                again.add(doc.id)
            continue
        if isinstance(outcome, Problem):
            report.problems.append(outcome)
        else:
            (report.unchanged if outcome == "unchanged" else report.loaded).append(doc.id)
        if progress:
            progress(1)

    def stored(doc_id: str, changed: bool) -> None:
        (report.reextracted if doc_id in again else report.loaded).append(doc_id)

    _extract_and_store(session, attempt, to_extract, {d.id: source for d in to_extract}, workers, report,
                       progress, stored)


def _extract_and_store(session, attempt, docs: list[SourceDocument], sources: dict[str, str | None],
                       workers, report, progress, stored: Callable[[str, bool], None]) -> None:
    """Extract `docs` in the pool and write each in its own transaction, in order; `stored(id,
    changed)` hears of each one written (changed: False when its facts came out the same)."""
    session.rollback()   # no transaction (nor SQLite's write lock) stays open during extraction
    by_id = {d.id: d for d in docs}
    jobs = [(d.id, d.text, d.published) for d in docs]
    results = extract_all(jobs, workers)
    cache = RunCache()
    try:
        for doc_id, extraction, error in results:
            if error:
                report.problems.append(Problem(f"{doc_id}.txt", error, failed=True))
            else:
                outcome = _store(session, attempt, by_id[doc_id], extraction, sources[doc_id], cache)
                if isinstance(outcome, str):
                    report.problems.append(Problem(f"{doc_id}.txt", outcome, failed=True))
                else:
                    stored(doc_id, outcome)
            if progress:
                progress(1)
    finally:
        results.close()   # stops the extraction workers at once when the run stops early


def chosen_for_reextraction(everything: bool, document_ids: tuple[str, ...]):
    """The documents to extract again, by id: the ones named, or every one, or else those whose
    facts an older extractor made."""
    chosen = select(Document).order_by(Document.id)
    if document_ids:
        return chosen.where(Document.id.in_(sorted(set(document_ids))))
    if everything:
        return chosen
    return chosen.where(Document.extractor_version.is_distinct_from(EXTRACTOR_VERSION))


def reextract(session: Session, *, everything: bool = False, document_ids: tuple[str, ...] = (),
              workers: int = 0, retry_seconds: float = 60,
              progress: Callable[[int], None] | None = None) -> tuple[Report, int]:
    """Extract stored documents again with this extractor: those whose facts an older one made, or
    every one (`everything`), or the ones named. (report, how many were chosen)."""
    report = Report()
    attempt = retrying(session, retry_seconds)
    rows = attempt(lambda: session.scalars(chosen_for_reextraction(everything, document_ids)).all())
    found = {r.id for r in rows}
    report.problems += [Problem(name, "no such document") for name in sorted(set(document_ids) - found)]
    docs = [SourceDocument(id=r.id, text=r.text, sha256=r.sha256, **{k: getattr(r, k) for k in META_FIELDS})
            for r in rows]
    sources = {r.id: r.source for r in rows}

    def stored(doc_id: str, changed: bool) -> None:
        (report.reextracted if changed else report.unchanged).append(doc_id)

    try:
        _extract_and_store(session, attempt, docs, sources, workers, report, progress, stored)
    except DatabaseAway as away:
        done = set(report.reextracted) | set(report.unchanged) | {p.name for p in report.problems}
        report.problems += [Problem(f"{d.id}.txt", f"not re-extracted: the database is unreachable "
                                    f"({away}); a re-run does it", failed=True)
                            for d in docs if f"{d.id}.txt" not in done and d.id not in done]
    return report, len(docs)


def _without_extraction(session: Session, doc: SourceDocument, source: str, replace: bool):
    """'unchanged', 'updated' (metadata only), 'extract', 'reextract' (same text, facts from an older
    extractor), or a Problem (same text as another id, or new text for a name another folder's
    document holds)."""
    stored = session.scalar(select(Document).where(Document.sha256 == doc.sha256))
    if stored is None:
        other = session.scalar(select(Document.source).where(Document.id == doc.id))
        if other and other != source and not replace:
            return Problem(f"{doc.id}.txt", f"another folder's document {doc.id!r} is stored ({other}); "
                                            "not replaced (ingest with --replace to replace it)")
        return "extract"
    if stored.id != doc.id:
        return Problem(f"{doc.id}.txt", f"same text as document {stored.id!r}; not loaded twice")
    if stored.extractor_version != EXTRACTOR_VERSION:
        return "reextract"
    changes = {k: getattr(doc, k) for k in META_FIELDS if getattr(stored, k) != getattr(doc, k)}
    if not changes:
        return "unchanged"
    try:
        revision = bump_revision(session)
        for key, value in changes.items():
            setattr(stored, key, value)
        stored.revision = revision
        session.commit()
    except Exception:
        session.rollback()
        raise
    return "updated"


def _store(session: Session, attempt, doc: SourceDocument, extraction, source: str | None,
           cache: RunCache | None = None) -> bool | str:
    """Write the document and its facts in one transaction; on failure write nothing. True: written,
    False: nothing changed, a str: why it could not be stored. DatabaseAway (the retries ran out)
    stops the run; any other failure is this document's alone."""
    try:
        return attempt(lambda: _write(session, doc, extraction, source, cache or RunCache()))
    except DatabaseAway:
        raise
    except Exception as exc:
        log.exception("could not store %s", doc.id)
        return f"could not be stored: {type(exc).__name__}: {exc}"


def _write(session: Session, doc: SourceDocument, extraction, source: str | None, cache: RunCache) -> bool:
    """A new document, or a stored one whose facts are replaced (changed text, re-extraction).
    False, and rolled back, when nothing changed at all."""
    try:
        revision = bump_revision(session)
        continuous = cache.begin(revision)
        watch_threads_input(session)
        values = dict(text=doc.text, sha256=doc.sha256, source=source,
                      **{k: getattr(doc, k) for k in META_FIELDS})
        stored = session.get(Document, doc.id)
        if stored is None:
            session.add(Document(id=doc.id, revision=revision, extractor_version=extraction.version,
                                 **values))
        elif assign(stored, values, revision):
            stored.ingested_at = utcnow()
        session.flush()
        Writer(session, revision, new=stored is None, cache=cache).write(doc.id, doc.text, extraction)
        # A new document deletes nothing, and after this run's last write no group lacked a member.
        after_document_written(session, revision, doc.id, settled=continuous and stored is None)
        if stored is not None and not wrote_at(session, revision):
            session.rollback()
            cache.drop()
            _note_version(session, doc.id, extraction.version)
            return False
        if stored is not None:
            session.execute(update(Document).where(Document.id == doc.id)
                            .values(extractor_version=extraction.version, updated_at=Document.updated_at))
        session.commit()
        cache.committed(revision)
        return True
    except Exception:
        session.rollback()
        cache.drop()
        raise


def wrote_at(session: Session, revision: int) -> bool:
    """Whether any row (of any table that records its revision) or tombstone carries `revision`."""
    tables = [t for t in Base.metadata.sorted_tables if "revision" in t.c]
    return bool(session.scalar(select(or_(*(exists().where(t.c.revision == revision) for t in tables)))))


def _note_version(session: Session, doc_id: str, version: str) -> None:
    """The facts are this extractor's now, though none changed: say so without a new revision or
    timestamp (the version is not served; it only tells re-extraction what is left to do)."""
    session.execute(update(Document).where(Document.id == doc_id,
                                           Document.extractor_version.is_distinct_from(version))
                    .values(extractor_version=version, updated_at=Document.updated_at))
    session.commit()
