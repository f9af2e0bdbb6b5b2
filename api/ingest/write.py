"""Write one document's Extraction into the database, merging actors and events across documents.

Runs inside the caller's transaction. Facts whose evidence does not quote the document are
dropped here: a fact that cannot point at its words is not served.

Writing is replacing: the document's stored facts are matched with the new ones (matching.py);
a fact found again keeps its row and id and is updated in place only where it differs (with the
new revision), new facts are created, and facts no longer found are deleted with a tombstone.
The same code serves a first load (nothing stored), a changed text and a re-extraction, so an
unchanged extraction writes nothing at all.
"""
from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..extract.types import Extraction, Span
from ..models import Actor, Figure, Statement, bury
from ..models.facts import statement_about
from .actor_rows import actors_of_document, forget_unsupported, write_actors
from .event_rows import write_events
from .matching import assign, insert_rows, pair
from .run_cache import RunCache

log = logging.getLogger(__name__)


def quotes(text: str, span: Span) -> bool:
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


def _span(row) -> tuple:
    return row.start_char, row.end_char, row.evidence_text


def _new_span(span: Span) -> tuple:
    return span.start, span.end, span.text


class Writer:
    def __init__(self, session: Session, revision: int, new: bool = False, cache: RunCache | None = None):
        """`new`: the document was not stored before, so it has no facts to read and match;
        `cache`: what the ingest run committed before (run_cache)."""
        self.session, self.revision, self.new, self.cache = session, revision, new, cache

    def write(self, doc_id: str, text: str, extraction: Extraction) -> None:
        def quoted(span: Span) -> bool:
            return quotes(text, span)

        def evidence(span: Span) -> dict:
            return dict(document_id=doc_id, start_char=span.start, end_char=span.end, evidence_text=span.text,
                        extractor_version=extraction.version, revision=self.revision)

        with self.session.no_autoflush:
            supported_before = set() if self.new else actors_of_document(self.session, doc_id)
            actor_ids = write_actors(self.session, self.revision, doc_id, extraction, quoted, self.new)
            statement_ids, stale_statements = self._statements(doc_id, extraction, actor_ids, quoted,
                                                               evidence)
            self._figures(doc_id, extraction, actor_ids, statement_ids, quoted, evidence)
            self._delete(Statement, stale_statements)
            write_events(self.session, self.revision, doc_id, extraction, actor_ids, evidence, quoted,
                         self.new, self.cache)
            forget_unsupported(self.session, self.revision, supported_before - set(actor_ids.values()))
        self.session.expire_all()   # core statements above changed rows the session may hold

    def _delete(self, model, rows: list) -> None:
        if rows:
            ids = [r.id for r in rows]
            bury(self.session, self.revision, model, ids)
            for row in rows:
                self.session.expunge(row)
            self.session.execute(delete(model).where(model.id.in_(ids)))

    def _statements(self, doc_id, extraction, actor_ids, quoted, evidence):
        """(extraction index -> statement id, stored statements no longer found)."""
        wanted = []
        for i, s in enumerate(extraction.statements):
            if s.speaker not in actor_ids or not quoted(s.evidence):
                log.warning("statement dropped (speaker or evidence unresolved): %.60s", s.text)
                continue
            wanted.append((i, s))
        stored = [] if self.new else self.session.scalars(
            select(Statement).where(Statement.document_id == doc_id).order_by(Statement.id)).all()
        pairs, stale, new = pair(stored, wanted, [
            (lambda r: (*_span(r), r.speaker_id, r.kind),
             lambda w: (*_new_span(w[1].evidence), actor_ids[w[1].speaker], w[1].kind)),
            (_span, lambda w: _new_span(w[1].evidence))])
        ids = {}
        if pairs:
            # Every actor the statements found again are about, in one query: a get() per statement
            # would flush the pending rows and ask the database each time.
            about_ids = {actor_ids[k] for _, (_, s) in pairs for k in s.about if k in actor_ids}
            actors = {a.id: a for a in self.session.scalars(select(Actor).where(Actor.id.in_(about_ids)))}
            for row, (i, s) in pairs:
                assign(row, self._statement_values(s, actor_ids), self.revision, extraction.version)
                about = [actors[a] for a in self._about(s, actor_ids)]
                if {a.id for a in row.about} != {a.id for a in about}:
                    row.about = about
                    row.revision, row.extractor_version = self.revision, extraction.version
                ids[i] = row.id
            self.session.flush()
        # New statements in one INSERT batch (ids back in their order), what they are about in another.
        new_ids = insert_rows(self.session, Statement, [
            {**self._statement_values(s, actor_ids), **evidence(s.evidence)} for _, s in new])
        about_rows = []
        for (i, s), statement_id in zip(new, new_ids, strict=True):
            ids[i] = statement_id
            about_rows += [{"statement_id": statement_id, "actor_id": a} for a in self._about(s, actor_ids)]
        if about_rows:
            self.session.execute(insert(statement_about), about_rows)
        return ids, stale

    @staticmethod
    def _statement_values(s, actor_ids) -> dict:
        return dict(speaker_id=actor_ids[s.speaker], kind=s.kind, text=s.text,
                    said_on=date.fromisoformat(s.said_on) if s.said_on else None)

    @staticmethod
    def _about(s, actor_ids) -> list[str]:
        """The ids of the actors a statement is about (two keys may name one stored actor: once)."""
        return sorted({actor_ids[k] for k in s.about if k in actor_ids})

    def _figures(self, doc_id, extraction, actor_ids, statement_ids, quoted, evidence) -> None:
        wanted = []
        for f in extraction.figures:
            if not quoted(f.evidence):
                log.warning("figure dropped (evidence does not quote the text): %.60s", f.evidence.text)
                continue
            values = dict(value=f.value, unit=f.unit, metric=f.metric, qualifier=f.qualifier,
                          subject_id=actor_ids.get(f.subject), source_id=actor_ids.get(f.source),
                          as_of=f.as_of, statement_id=statement_ids.get(f.statement))
            wanted.append((f, values))
        stored = [] if self.new else self.session.scalars(
            select(Figure).where(Figure.document_id == doc_id).order_by(Figure.id)).all()
        pairs, stale, new = pair(stored, wanted, [
            (lambda r: (*_span(r), r.metric, r.subject_id),
             lambda w: (*_new_span(w[0].evidence), w[1]["metric"], w[1]["subject_id"])),
            (_span, lambda w: _new_span(w[0].evidence))])
        for row, (_, values) in pairs:
            assign(row, values, self.revision, extraction.version)
        if pairs:
            self.session.flush()
        insert_rows(self.session, Figure, [{**values, **evidence(f.evidence)} for f, values in new])
        self._delete(Figure, stale)
