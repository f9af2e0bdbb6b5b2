"""Write one document's Extraction into the database, merging actors and events across documents.

Runs inside the caller's transaction. Facts whose evidence does not quote the document are
dropped here: a fact that cannot point at its words is not served.
"""
from __future__ import annotations

import logging
import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..extract import aliases, merge
from ..extract.types import Extraction, Span
from ..models import Actor, ActorAlias, ActorMention, Event, EventMention, Figure, Statement

log = logging.getLogger(__name__)


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", merge.name_key(name)).strip("-")[:100] or "actor"


def quotes(text: str, span: Span) -> bool:
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


def stored_event(row: Event) -> merge.StoredEvent:
    return merge.StoredEvent(id=row.id, kind=row.kind, date=row.date, series=row.series,
                             actors=frozenset(a.id for a in row.actors), location=row.location)


def settle_event(row: Event, conflict: str | None) -> None:
    """After a new mention: the date most mentions support, and where they disagree, who says what."""
    row.date, row.precision = merge.pick_date([(m.reported_date, m.reported_precision) for m in row.mentions])
    if conflict or row.conflict:
        said = [f"{m.document_id} says {m.reported_date}" for m in row.mentions if m.reported_date]
        row.conflict = "date differs: " + ", ".join(said)


class Writer:
    def __init__(self, session: Session, revision: int):
        self.session, self.revision = session, revision

    def write(self, doc_id: str, text: str, extraction: Extraction) -> None:
        actor_ids = self._actors(doc_id, text, extraction)
        statement_rows = self._statements(doc_id, text, extraction, actor_ids)
        self._figures(doc_id, text, extraction, actor_ids, statement_rows)
        self._events(doc_id, text, extraction, actor_ids)

    # ---------------------------------------------------------------- actors
    def _find_actor(self, keys: set[str]) -> Actor | None:
        if not keys:
            return None
        found = self.session.scalars(
            select(ActorAlias.actor_id).where(ActorAlias.key.in_(keys)).order_by(ActorAlias.id)).first()
        return self.session.get(Actor, found) if found else None

    def _new_actor_id(self, name: str) -> str:
        base = slug = slugify(name)
        n = 2
        while self.session.get(Actor, slug) is not None:
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _actors(self, doc_id: str, text: str, extraction: Extraction) -> dict[str, str]:
        ids: dict[str, str] = {}
        rows: dict[str, Actor] = {}
        for a in extraction.actors:
            row = self._find_actor(aliases.match_keys(a))
            if row is None:
                row = Actor(id=self._new_actor_id(a.name), name=a.name, kind=a.kind, role=a.role,
                            revision=self.revision)
                self.session.add(row)
                self.session.flush()
            elif a.role and not row.role:
                row.role, row.revision = a.role, self.revision
            self._add_aliases(row, [a.name, *a.aliases])
            ids[a.key], rows[a.key] = row.id, row
            for m in a.mentions:
                if quotes(text, m.span):
                    self.session.add(ActorMention(actor_id=row.id, document_id=doc_id,
                                                  start_char=m.span.start, end_char=m.span.end))
        for a in extraction.actors:
            row = rows[a.key]
            if a.affiliation in ids and row.affiliation_id is None and ids[a.affiliation] != row.id:
                row.affiliation_id, row.revision = ids[a.affiliation], self.revision
        return ids

    def _add_aliases(self, actor: Actor, names: list[str]) -> None:
        have = {al.name for al in actor.aliases}
        added = False
        for name in names:
            if name and name not in have:
                actor.aliases.append(ActorAlias(name=name, key=merge.name_key(name), revision=self.revision))
                have.add(name)
                added = True
        if added:
            actor.revision = self.revision

    # ---------------------------------------------------------------- facts
    def _evidence(self, doc_id: str, span: Span, version: str) -> dict:
        return dict(document_id=doc_id, start_char=span.start, end_char=span.end,
                    evidence_text=span.text, extractor_version=version, revision=self.revision)

    def _statements(self, doc_id, text, extraction, actor_ids) -> dict[int, Statement]:
        rows = {}
        for i, s in enumerate(extraction.statements):
            if s.speaker not in actor_ids or not quotes(text, s.evidence):
                log.warning("%s: statement dropped (speaker or evidence unresolved): %.60s", doc_id, s.text)
                continue
            row = Statement(speaker_id=actor_ids[s.speaker], kind=s.kind, text=s.text,
                            said_on=date.fromisoformat(s.said_on) if s.said_on else None,
                            **self._evidence(doc_id, s.evidence, extraction.version))
            row.about = [self.session.get(Actor, actor_ids[k]) for k in dict.fromkeys(s.about)
                         if k in actor_ids]
            self.session.add(row)
            rows[i] = row
        self.session.flush()
        return rows

    def _figures(self, doc_id, text, extraction, actor_ids, statement_rows) -> None:
        for f in extraction.figures:
            if not quotes(text, f.evidence):
                log.warning("%s: figure dropped (evidence does not quote the text)", doc_id)
                continue
            said = statement_rows.get(f.statement) if f.statement is not None else None
            self.session.add(Figure(
                value=f.value, unit=f.unit, metric=f.metric, qualifier=f.qualifier,
                subject_id=actor_ids.get(f.subject), source_id=actor_ids.get(f.source), as_of=f.as_of,
                statement_id=said.id if said else None,
                **self._evidence(doc_id, f.evidence, extraction.version)))

    def _events(self, doc_id, text, extraction, actor_ids) -> None:
        for e in extraction.events:
            if not quotes(text, e.evidence):
                log.warning("%s: event dropped (evidence does not quote the text)", doc_id)
                continue
            ids = frozenset(actor_ids[k] for k in e.actors if k in actor_ids)
            stored = self.session.scalars(select(Event).where(Event.kind == e.kind)).all()
            match_id, conflict = merge.match_event(e, ids, [stored_event(row) for row in stored])
            row = self.session.get(Event, match_id) if match_id is not None else None
            if row is None:
                row = Event(kind=e.kind, title=e.title, location=e.location, series=e.series,
                            extractor_version=extraction.version, revision=self.revision)
                self.session.add(row)
            else:
                row.location = row.location or e.location
                row.series = row.series or e.series
                row.revision = self.revision
            have = {a.id for a in row.actors}
            row.actors.extend(self.session.get(Actor, i) for i in sorted(ids - have))
            mention = self._evidence(doc_id, e.evidence, extraction.version)
            del mention["revision"]   # mentions are written once; the event carries the revision
            row.mentions.append(EventMention(reported_date=e.date, reported_precision=e.precision, **mention))
            settle_event(row, conflict)
            self.session.flush()
