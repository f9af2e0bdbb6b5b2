"""Load a corpus: one transaction per document, idempotent by sha256, bad documents skipped.

Ingesting the same text twice changes nothing, not even the data revision; a run that stopped
(killed, or the database went away) leaves whole documents only, and the next run loads the rest.
A lost database connection is retried with backoff; when the database stays away, the run stops
and names every document it did not load.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session
from tenacity import Retrying, retry_if_exception, stop_after_delay, wait_exponential

from ..models import Actor, ActorMention, Document, Event, EventMention, Statement, bump_revision
from ..models.facts import event_actors, statement_about
from .after_write import after_document_written
from .corpus import META_FIELDS, Problem, SourceDocument, read_corpus
from .extracting import extract_all
from .write import Writer

log = logging.getLogger(__name__)


@dataclass
class Report:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> list[Problem]:
        return [p for p in self.problems if p.failed]

    def summary(self) -> str:
        return (f"loaded {len(self.loaded)}, unchanged {len(self.unchanged)}, "
                f"skipped {len(self.problems) - len(self.failed)}, failed {len(self.failed)}")


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
    first_with_text: dict[str, str] = {}
    for doc in docs:
        outcome = attempt(lambda doc=doc: _without_extraction(session, doc, source, replace))
        if outcome == "extract" and first_with_text.setdefault(doc.sha256, doc.id) != doc.id:
            outcome = Problem(f"{doc.id}.txt", f"same text as document {first_with_text[doc.sha256]!r}; "
                                               "not loaded twice")
        if outcome == "extract":
            to_extract.append(doc)
            continue
        if isinstance(outcome, Problem):
            report.problems.append(outcome)
        else:
            (report.unchanged if outcome == "unchanged" else report.loaded).append(doc.id)
        if progress:
            progress(1)
    session.rollback()   # no transaction (nor SQLite's write lock) stays open during extraction
    by_id = {d.id: d for d in to_extract}
    jobs = [(d.id, d.text, d.published) for d in to_extract]
    results = extract_all(jobs, workers)
    try:
        for doc_id, extraction, error in results:
            if error:
                report.problems.append(Problem(f"{doc_id}.txt", error, failed=True))
            else:
                failure = _store(session, attempt, by_id[doc_id], extraction, source)
                (report.problems.append(Problem(f"{doc_id}.txt", failure, failed=True)) if failure
                 else report.loaded.append(doc_id))
            if progress:
                progress(1)
    finally:
        results.close()   # stops the extraction workers at once when the run stops early


def _without_extraction(session: Session, doc: SourceDocument, source: str, replace: bool):
    """'unchanged', 'updated' (metadata only), 'extract', or a Problem (same text as another id, or
    new text for a name another folder's document holds)."""
    stored = session.scalar(select(Document).where(Document.sha256 == doc.sha256))
    if stored is None:
        other = session.scalar(select(Document.source).where(Document.id == doc.id))
        if other and other != source and not replace:
            return Problem(f"{doc.id}.txt", f"another folder's document {doc.id!r} is stored ({other}); "
                                            "not replaced (ingest with --replace to replace it)")
        return "extract"
    if stored.id != doc.id:
        return Problem(f"{doc.id}.txt", f"same text as document {stored.id!r}; not loaded twice")
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


def _store(session: Session, attempt, doc: SourceDocument, extraction, source: str) -> str | None:
    """Write the document and its facts in one transaction; on failure write nothing. DatabaseAway
    (the retries ran out) stops the run; any other failure is this document's alone."""
    try:
        attempt(lambda: _write(session, doc, extraction, source))
        return None
    except DatabaseAway:
        raise
    except Exception as exc:
        log.exception("could not store %s", doc.id)
        return f"could not be stored: {type(exc).__name__}: {exc}"


def _write(session: Session, doc: SourceDocument, extraction, source: str) -> None:
    try:
        revision = bump_revision(session)
        if session.get(Document, doc.id) is not None:
            _forget_document(session, doc.id)
        session.add(Document(id=doc.id, text=doc.text, sha256=doc.sha256, revision=revision, source=source,
                             extractor_version=extraction.version,
                             **{k: getattr(doc, k) for k in META_FIELDS}))
        session.flush()
        Writer(session, revision).write(doc.id, doc.text, extraction)
        after_document_written(session, revision, doc.id)
        session.commit()
    except Exception:
        session.rollback()
        raise


def _forget_document(session: Session, doc_id: str) -> None:
    """A document whose text changed: drop it and every fact that stood only on it."""
    session.execute(delete(Document).where(Document.id == doc_id))
    session.flush()
    orphan_events = select(Event.id).where(~Event.mentions.any())
    session.execute(delete(event_actors).where(event_actors.c.event_id.in_(orphan_events)))
    session.execute(delete(Event).where(Event.id.in_(orphan_events)))
    unused = select(Actor.id).where(
        ~select(ActorMention.id).where(ActorMention.actor_id == Actor.id).exists(),
        ~select(Statement.id).where(Statement.speaker_id == Actor.id).exists(),
        ~select(statement_about.c.actor_id).where(statement_about.c.actor_id == Actor.id).exists(),
        ~select(EventMention.id).join(Event).join(event_actors)
        .where(event_actors.c.actor_id == Actor.id).exists(),
    )
    session.execute(delete(Actor).where(Actor.id.in_(unused)))
    session.expire_all()
