"""Extracted events -> event rows: one real event reported by several documents is one row.

Each mention keeps what its document says the date is; the event shows the date most mentions
support, and names who says what where they disagree.
"""
from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..extract import merge
from ..extract.types import Extraction
from ..models import Event, EventMention
from ..models.facts import event_actors


def _stored(session: Session, kinds: set[str]) -> dict[int, merge.StoredEvent]:
    rows = session.execute(select(Event.id, Event.kind, Event.date, Event.series, Event.location)
                           .where(Event.kind.in_(kinds))).all()
    actors: dict[int, set[str]] = {r.id: set() for r in rows}
    for event_id, actor_id in session.execute(
            select(event_actors.c.event_id, event_actors.c.actor_id)
            .join(Event, Event.id == event_actors.c.event_id).where(Event.kind.in_(kinds))):
        actors[event_id].add(actor_id)
    return {r.id: merge.StoredEvent(r.id, r.kind, r.date, frozenset(actors[r.id]), r.series, r.location)
            for r in rows}


def write_events(session: Session, revision: int, doc_id: str, extraction: Extraction,
                 actor_ids: dict[str, str], evidence, quotes) -> None:
    events = [e for e in extraction.events if quotes(e.evidence)]
    stored = _stored(session, {e.kind for e in events}) if events else {}
    for e in events:
        ids = frozenset(actor_ids[k] for k in e.actors if k in actor_ids)
        speaker = actor_ids.get(e.actors[0]) if e.actors else None
        match_id, conflict = merge.match_event(e, ids, [s for s in stored.values() if s.kind == e.kind],
                                               speaker)
        if match_id is None:
            row = Event(kind=e.kind, title=e.title, location=e.location, series=e.series,
                        extractor_version=extraction.version, revision=revision)
            session.add(row)
            session.flush()
            match_id, have = row.id, frozenset()
        else:
            have = stored[match_id].actors
        if ids - have:
            session.execute(insert(event_actors), [{"event_id": match_id, "actor_id": i}
                                                   for i in sorted(ids - have)])
        session.add(EventMention(event_id=match_id, reported_date=e.date, reported_precision=e.precision,
                                 **evidence(e.evidence)))
        session.flush()
        stored[match_id] = _settle(session, match_id, revision, conflict, e, ids | have)


def _settle(session: Session, event_id: int, revision: int, conflict: str | None, e,
            actors: frozenset[str]) -> merge.StoredEvent:
    """The event's date from all its mentions, its conflict note, location and series filled in."""
    row = session.execute(select(Event.kind, Event.series, Event.location, Event.conflict)
                          .where(Event.id == event_id)).one()
    said = session.execute(select(EventMention.document_id, EventMention.reported_date,
                                  EventMention.reported_precision)
                           .where(EventMention.event_id == event_id).order_by(EventMention.id)).all()
    date, precision = merge.pick_date([(m.reported_date, m.reported_precision) for m in said])
    note = row.conflict
    if conflict or note:
        note = "date differs: " + ", ".join(f"{m.document_id} says {m.reported_date}"
                                            for m in said if m.reported_date)
    series, location = row.series or e.series, row.location or e.location
    session.execute(update(Event).where(Event.id == event_id).values(
        date=date, precision=precision, conflict=note, series=series, location=location,
        revision=revision))
    return merge.StoredEvent(event_id, row.kind, date, actors, series, location)
