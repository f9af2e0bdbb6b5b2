"""Extracted events -> event rows: one real event reported by several documents is one row.

Each mention keeps what its document says of the event (kind, frame, date, participants, place,
series). After a document is written, the events of the frames it touched are re-formed from
all their mentions by merge.cluster_mentions, in a fixed order, so the events do not depend on
the order in which documents were loaded, nor on the database.
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, lazyload

from ..extract import merge
from ..extract.events import TREATY
from ..extract.types import Extraction
from ..models import Actor, Document, Event, EventMention, bury
from ..models.facts import event_actors
from .matching import assign, insert_rows, pair
from .run_cache import MentionRow, RunCache, threads_input_changed


def write_events(session: Session, revision: int, doc_id: str, extraction: Extraction,
                 actor_ids: dict[str, str], evidence, quotes, new: bool = False,
                 cache: RunCache | None = None) -> None:
    """The document's event mentions become the extraction's: a mention found again (same span,
    and kind where one span has several) keeps its row; then the frames any mention entered or
    left are regrouped. `new`: the document had no mentions before; `cache`: the run's (run_cache)."""
    events = [e for e in extraction.events if quotes(e.evidence)]
    stored = [] if new else session.scalars(select(EventMention).where(EventMention.document_id == doc_id)
                                            .order_by(EventMention.id)).all()
    pairs, stale, new = pair(stored, events, [
        (lambda r: (r.start_char, r.end_char, r.evidence_text, r.reported_kind),
         lambda e: (e.evidence.start, e.evidence.end, e.evidence.text, e.kind)),
        (lambda r: (r.start_char, r.end_char, r.evidence_text),
         lambda e: (e.evidence.start, e.evidence.end, e.evidence.text))])
    frames: set[str] = set()
    changed: set[int] = set()
    for row, e in pairs:
        before = row.frame
        if assign(row, _reported(e, actor_ids), revision, extraction.version):
            frames |= {before, row.frame}
            changed.add(row.id)
    if pairs:
        session.flush()
    # A new mention starts as an event of its own (one INSERT batch, ids in the events' order);
    # the regroup below moves it into the event it belongs to.
    event_ids = insert_rows(session, Event, [
        dict(kind=e.kind, title=e.title, location=e.location, series=e.series, date=e.date,
             precision=e.precision, extractor_version=extraction.version, revision=revision) for e in new])
    added = []
    for e, event_id in zip(new, event_ids, strict=True):
        values = _reported(e, actor_ids)
        added.append(dict(event_id=event_id, **values, **evidence(e.evidence)))
        frames.add(values["frame"])
    changed |= set(insert_rows(session, EventMention, added))
    emptied = {m.event_id for m in stale}
    if stale:
        frames |= {m.frame for m in stale}
        ids = [m.id for m in stale]
        for m in stale:
            session.expunge(m)
        session.execute(delete(EventMention).where(EventMention.id.in_(ids)))
    frames.discard(None)
    if frames:
        regroup(session, revision, frames, changed, emptied, doc_id, cache, set(event_ids))


def _reported(e, actor_ids: dict[str, str]) -> dict:
    """What this document says of the event, as its mention row keeps it."""
    ids = list(dict.fromkeys(actor_ids[k] for k in e.actors if k in actor_ids))
    agents = len({actor_ids[k] for k in e.actors[:e.agents] if k in actor_ids})
    return dict(reported_date=e.date, reported_precision=e.precision, reported_kind=e.kind,
                frame=e.frame or e.kind, reported_title=e.title, reported_location=e.location,
                reported_series=e.series, reported_actors=json.dumps(ids), agent_count=agents)


@lru_cache(maxsize=65536)   # a frame's mentions are read again for every document that touches it
def _actor_ids(reported: str | None) -> tuple[str, ...]:
    """A mention's stored participants (a JSON list of actor ids), agents first."""
    return tuple(json.loads(reported or "[]"))


_MENTION = EventMention.__table__.c
_DOCUMENT = Document.__table__.c


_COLUMNS = [_MENTION[name] for name in MentionRow._fields if name != "published"] + [_DOCUMENT.published]


def _mention_rows(session: Session, *where) -> list[MentionRow]:
    # Core columns, no ORM layer in between.
    return [MentionRow(*r) for r in session.execute(
        select(*_COLUMNS).join(Document.__table__, _DOCUMENT.id == _MENTION.document_id).where(*where))]


def _frame_rows(session: Session, frames: set[str], doc_id: str | None,
                cache: RunCache | None) -> list[MentionRow]:
    """Every mention of `frames`: from the run's cache where it holds the frame (all but the
    document's own mentions, read again: they just changed), else from the database."""
    known = cache.known(frames) if cache is not None and doc_id is not None else {}
    rows = [r for f in sorted(known) for r in known[f] if r.document_id != doc_id]
    if known:
        rows += _mention_rows(session, _MENTION.frame.in_(sorted(known)), _MENTION.document_id == doc_id)
    if len(known) < len(frames):
        rows += _mention_rows(session, _MENTION.frame.in_(sorted(frames - known.keys())))
    # Databases collate text differently: the canonical order is Python's, on content (then id).
    rows.sort(key=lambda r: r.id)
    rows.sort(key=lambda r: (r.document_id, r.start_char, r.end_char, r.reported_kind or "", r.frame or "",
                             r.reported_title or ""))
    return rows


def regroup(session: Session, revision: int, frames: set[str], changed: set[int] = frozenset(),
            emptied: set[int] = frozenset(), doc_id: str | None = None,
            cache: RunCache | None = None, fresh: set[int] = frozenset()) -> None:
    """Re-form the events of `frames` from all their mentions; rows change only where they differ
    (an event whose mentions stay the same, none of them new or `changed`, is left alone).
    `emptied`: events that lost a mention just now; one left with none is deleted. `doc_id`,
    `cache`: the document just written, and the run's cache of frames (run_cache); `fresh`: events
    made just now for the document's new mentions."""
    rows = _frame_rows(session, frames, doc_id, cache)
    affiliation = dict(session.execute(select(Actor.id, Actor.affiliation_id)
                                       .where(Actor.affiliation_id.is_not(None)).order_by(Actor.id)).all())
    known = cache.mentions if cache is not None else {}
    mentions = [known.get(r.id) if r.document_id != doc_id else None for r in rows]
    for i, r in enumerate(rows):
        if mentions[i] is None:
            mentions[i] = known[r.id] = _mention(r)
    before = {r.event_id for r in rows} | set(emptied)
    held: dict[int, set[int]] = {}
    for r in rows:
        held.setdefault(r.event_id, set()).add(r.id)
    claimed: set[int] = set()
    moves: list[dict] = []
    unsettled: list[tuple[int, list]] = []
    groups, trace = merge.cluster_traced(mentions, affiliation, [r.id for r in rows],
                                         cache.trace if cache is not None else None)
    if cache is not None:
        cache.stage_trace(trace)
    for group in groups:
        members = [rows[i] for i in group]
        counts = Counter(r.event_id for r in members)
        free = [eid for eid in counts if eid not in claimed]
        if free:
            target = min(free, key=lambda eid: (-counts[eid], eid))
        else:
            target = _new_event(session, revision).id
            fresh = fresh | {target}
        claimed.add(target)
        moved = [r.id for r in members if r.event_id != target]
        moves += [{"mention": m, "target": target} for m in moved]
        ids = {r.id for r in members}
        unchanged = not moved and held.get(target) == ids and target not in emptied and not ids & changed
        if not unchanged:
            unsettled.append((target, members))
    _settle_all(session, revision, unsettled, _names(rows), fresh)
    if moves:                            # one batch, before the events they leave are deleted
        table = EventMention.__table__
        session.execute(update(table).where(table.c.id == bindparam("mention"))
                        .values(event_id=bindparam("target"), revision=revision), moves)
    gone = sorted(before - claimed)
    if set(gone) - fresh:                # an event stored before is gone: it may have been a stage
        threads_input_changed(session)
    if gone:
        bury(session, revision, Event, gone)
        session.execute(delete(event_actors).where(event_actors.c.event_id.in_(gone)))
        session.execute(delete(Event.__table__).where(Event.__table__.c.id.in_(gone)))   # Core: no sync
    session.flush()
    if cache is not None:
        _stage(cache, frames, rows, {m["mention"]: m["target"] for m in moves})


def _mention(r: MentionRow) -> merge.Mention:
    return merge.Mention(r.document_id, r.start_char, r.reported_kind or "other", r.frame, r.reported_date,
                         _actor_ids(r.reported_actors), r.agent_count or 0, r.reported_location,
                         r.reported_series, r.published.isoformat() if r.published else None)


def _stage(cache: RunCache, frames: set[str], rows: list[MentionRow], moved: dict[int, int]) -> None:
    """The frames' mentions as this transaction leaves them, for the run's next documents."""
    by_frame: dict[str, list[MentionRow]] = {f: [] for f in frames}
    for r in rows:
        by_frame[r.frame].append(r._replace(event_id=moved[r.id]) if r.id in moved else r)
    for frame, kept in by_frame.items():
        cache.stage(frame, kept)


def _names(rows: list[MentionRow]) -> dict[int, set[str]]:
    """The agreement names each event's mentions give it."""
    names: dict[int, set[str]] = {}
    for r in rows:
        if r.reported_series:
            names.setdefault(r.event_id, set()).add(r.reported_series)
    return names


def _settle_all(session: Session, revision: int, unsettled: list[tuple[int, list]],
                names: dict[int, set[str]], fresh: set[int]) -> None:
    """Settle the events whose mentions changed; only those are read (in one query, with their
    participants in another), not every event of the frames. `names`: the agreement names the
    events had before; `fresh`: events made in this transaction."""
    if not unsettled:
        return
    ids = sorted(eid for eid, _ in unsettled)
    stored = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(ids))
                                               .options(lazyload("*")))}
    participants: dict[int, set[str]] = {}
    for eid, aid in session.execute(select(event_actors.c.event_id, event_actors.c.actor_id)
                                    .where(event_actors.c.event_id.in_(ids))
                                    .order_by(event_actors.c.event_id, event_actors.c.actor_id)):
        participants.setdefault(eid, set()).add(aid)
    for eid, members in unsettled:
        stage = _settle(session, revision, stored[eid], participants.get(eid, set()), members)
        if stage and (eid in fresh or stage != (True, names.get(eid, set()))):
            threads_input_changed(session)


def _new_event(session: Session, revision: int) -> Event:
    row = Event(kind="other", title="", extractor_version="", revision=revision)
    session.add(row)
    session.flush()
    return row


def _settle(session: Session, revision: int, row: Event, have: set[str], members) -> tuple | None:
    """The event's fields from its mentions: the most specific kind, the best-supported date
    (and who says what where they disagree), the title of the mention that carries that date,
    the first place and series named, every participant. For an agreement stage (before or
    after: a series, or a treaty kind): (whether what threads read of it stayed the same, the
    names its mentions give it); else None."""
    stage_before = (row.kind, row.date, row.series)
    kinds = [r.reported_kind for r in members if r.reported_kind and r.reported_kind != "other"]
    kind = kinds[0] if kinds else "other"
    date, precision = merge.pick_date([(r.reported_date, r.reported_precision) for r in members])
    dated = [r for r in members if r.reported_date]
    conflict = None
    # Every two dates agree (one is a prefix of the other) exactly when all are prefixes of the longest.
    longest = max((r.reported_date for r in dated), key=len, default="")
    if any(not longest.startswith(d) for d in {r.reported_date for r in dated}):
        conflict = "date differs: " + ", ".join(f"{r.document_id} says {r.reported_date}" for r in dated)
    lead = next((r for r in members if date and r.reported_date == date), members[0])
    values = dict(kind=kind, date=date, precision=precision, conflict=conflict,
                  title=lead.reported_title or kind,
                  location=next((r.reported_location for r in members if r.reported_location), None),
                  series=next((r.reported_series for r in members if r.reported_series), None))
    if any(getattr(row, k) != v for k, v in values.items()):
        for k, v in values.items():
            setattr(row, k, v)
        row.revision = revision
    if not row.extractor_version:
        row.extractor_version = members[0].extractor_version
    want = list(dict.fromkeys(a for r in members for a in _actor_ids(r.reported_actors)))
    event_id = row.id
    extra = sorted(have - set(want))
    missing = [a for a in want if a not in have]
    if extra or missing:                 # who took part is part of the event
        row.revision = revision
    if extra:
        session.execute(delete(event_actors).where(event_actors.c.event_id == event_id,
                                                   event_actors.c.actor_id.in_(extra)))
    if missing:
        session.execute(insert(event_actors), [{"event_id": event_id, "actor_id": a} for a in missing])
    if not (stage_before[2] or stage_before[0] in TREATY or values["series"] or kind in TREATY):
        return None
    same = stage_before == (kind, date, values["series"]) and not extra and not missing
    return same, {r.reported_series for r in members if r.reported_series}
