"""Write one document's Extraction into the database, merging actors and events across documents.

Runs inside the caller's transaction. Facts whose evidence does not quote the document are
dropped here: a fact that cannot point at its words is not served.
"""
from __future__ import annotations

import logging
from datetime import date

from sqlalchemy.orm import Session

from ..extract.types import Extraction, Span
from ..models import Actor, Figure, Statement
from .actor_rows import write_actors
from .event_rows import write_events

log = logging.getLogger(__name__)


def quotes(text: str, span: Span) -> bool:
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


class Writer:
    def __init__(self, session: Session, revision: int):
        self.session, self.revision = session, revision

    def write(self, doc_id: str, text: str, extraction: Extraction) -> None:
        def quoted(span: Span) -> bool:
            return quotes(text, span)

        def evidence(span: Span) -> dict:
            return dict(document_id=doc_id, start_char=span.start, end_char=span.end, evidence_text=span.text,
                        extractor_version=extraction.version, revision=self.revision)

        with self.session.no_autoflush:
            actor_ids = write_actors(self.session, self.revision, doc_id, extraction, quoted)
            statement_rows = self._statements(extraction, actor_ids, quoted, evidence)
            self._figures(extraction, actor_ids, statement_rows, quoted, evidence)
            write_events(self.session, self.revision, doc_id, extraction, actor_ids, evidence, quoted)

    def _statements(self, extraction, actor_ids, quoted, evidence) -> dict[int, Statement]:
        rows = {}
        for i, s in enumerate(extraction.statements):
            if s.speaker not in actor_ids or not quoted(s.evidence):
                log.warning("statement dropped (speaker or evidence unresolved): %.60s", s.text)
                continue
            row = Statement(speaker_id=actor_ids[s.speaker], kind=s.kind, text=s.text,
                            said_on=date.fromisoformat(s.said_on) if s.said_on else None,
                            **evidence(s.evidence))
            row.about = [self.session.get(Actor, actor_ids[k]) for k in dict.fromkeys(s.about)
                         if k in actor_ids]
            self.session.add(row)
            rows[i] = row
        self.session.flush()
        return rows

    def _figures(self, extraction, actor_ids, statement_rows, quoted, evidence) -> None:
        for f in extraction.figures:
            if not quoted(f.evidence):
                log.warning("figure dropped (evidence does not quote the text): %.60s", f.evidence.text)
                continue
            said = statement_rows.get(f.statement) if f.statement is not None else None
            self.session.add(Figure(
                value=f.value, unit=f.unit, metric=f.metric, qualifier=f.qualifier,
                subject_id=actor_ids.get(f.subject), source_id=actor_ids.get(f.source), as_of=f.as_of,
                statement_id=said.id if said else None, **evidence(f.evidence)))
