"""Read side of what relates facts across documents: statement clusters, claim groups, threads.

Groups are stored rows (computed at ingest, api/ingest/relate.py); their members are read with
one query per page, with each member's document and outlet (the document's publisher).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..ingest import claims
from ..models import Actor, ClaimGroup, Document, Event, Figure, Statement, StatementCluster, Thread
from ..models.facts import event_actors
from .paging import Page, Sort, keyset_page

CLUSTER_SORT = Sort("id", (StatementCluster.id,), (int,))


def outlet(publisher: str | None, document_id: str) -> str:
    """Who published it: the publisher, or the document itself when none is known."""
    return publisher or f"document {document_id}"


def _reports(session: Session, cluster_ids: list[int]) -> dict[int, list[dict]]:
    """Each cluster's statements with their document, outlet and evidence, in document order."""
    rows = session.execute(
        select(Statement, Document.publisher, Document.published)
        .join(Document, Document.id == Statement.document_id)
        .where(Statement.cluster_id.in_(cluster_ids))
        .order_by(Statement.cluster_id, Statement.document_id, Statement.start_char, Statement.id)).all()
    out: dict[int, list[dict]] = {}
    for statement, publisher, published in rows:
        out.setdefault(statement.cluster_id, []).append({
            "id": statement.id, "text": statement.text, "said_on": statement.said_on,
            "outlet": outlet(publisher, statement.document_id), "published": published,
            "evidence": statement})
    return out


def _with_reports(session: Session, clusters: list[StatementCluster]) -> list[dict]:
    reports = _reports(session, [c.id for c in clusters])
    return [{"cluster": c, "statements": reports.get(c.id, []),
             "outlet_names": sorted({r["outlet"] for r in reports.get(c.id, [])})} for c in clusters]


def list_clusters(session: Session, *, cursor=None, limit=50, updated_since=None, speaker=None,
                  min_outlets=None, document=None) -> Page:
    where = []
    if speaker:
        where.append(StatementCluster.speaker_id == speaker)
    if min_outlets:
        where.append(StatementCluster.outlets >= min_outlets)
    if document:
        where.append(StatementCluster.id.in_(select(Statement.cluster_id)
                                             .where(Statement.document_id == document)))
    if updated_since is not None:
        where.append(StatementCluster.revision > updated_since)
    page = keyset_page(session, select(StatementCluster).where(*where), CLUSTER_SORT, cursor, limit)
    total = session.scalar(select(func.count()).select_from(StatementCluster).where(*where))
    return Page(_with_reports(session, page.items), page.next_cursor, total)


def get_cluster(session: Session, cluster_id: int) -> dict | None:
    cluster = session.get(StatementCluster, cluster_id)
    return _with_reports(session, [cluster])[0] if cluster else None


@dataclass
class StatementDetail:
    """A statement and the other reports of the same remark."""
    statement: Statement
    corroborated_by: list[dict]

    def __getattr__(self, name):
        return getattr(self.statement, name)


def statement_detail(session: Session, statement_id: int) -> StatementDetail | None:
    statement = session.get(Statement, statement_id)
    if statement is None:
        return None
    others = []
    if statement.cluster_id is not None:
        others = [r for r in _reports(session, [statement.cluster_id]).get(statement.cluster_id, [])
                  if r["id"] != statement.id]
    return StatementDetail(statement, others)


# --- claim groups -------------------------------------------------------------------------------

CLAIM_SORT = Sort("id", (ClaimGroup.id,), (int,))


def _claims(session: Session, group_ids: list[int]) -> dict[int, list[dict]]:
    """Each group's figures with their bounds, source, date, document and outlet, in date order."""
    rows = session.execute(
        select(Figure, Document.publisher, Document.published, Statement.speaker_id)
        .join(Document, Document.id == Figure.document_id)
        .outerjoin(Statement, Statement.id == Figure.statement_id)
        .where(Figure.claim_id.in_(group_ids)).order_by(Figure.claim_id, Figure.id)).all()
    said_by = {r[3] for r in rows if r[3]}
    speakers = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(said_by)))}
    out: dict[int, list[dict]] = {}
    for figure, publisher, published, speaker in rows:
        low, high = claims.bounds(figure.value, figure.qualifier)
        out.setdefault(figure.claim_id, []).append({
            "figure": figure, "id": figure.id, "value": figure.value, "qualifier": figure.qualifier,
            "low": low if low != -math.inf else None, "high": high if high != math.inf else None,
            # Who asserts it: its source, else the speaker of the statement whose words hold it.
            "source": figure.source or speakers.get(speaker), "as_of": figure.as_of, "published": published,
            "date": figure.as_of or (published.isoformat() if published else None),
            "outlet": outlet(publisher, figure.document_id), "evidence": figure})
    for members in out.values():
        members.sort(key=lambda m: (m["date"] or "", m["evidence"].document_id, m["evidence"].start_char))
    return out


def _with_claims(session: Session, groups: list[ClaimGroup]) -> list[dict]:
    members = _claims(session, [g.id for g in groups])
    return [{"group": g, "claims": members.get(g.id, [])} for g in groups]


def list_claims(session: Session, *, cursor=None, limit=50, updated_since=None, subject=None, metric=None,
                unit=None, disagree=None, document=None) -> Page:
    where = []
    for column, wanted in ((ClaimGroup.subject_id, subject), (ClaimGroup.metric, metric),
                           (ClaimGroup.unit, unit)):
        if wanted:
            where.append(column == wanted)
    if disagree is not None:
        where.append(ClaimGroup.disagree.is_(disagree))
    if document:
        where.append(ClaimGroup.id.in_(select(Figure.claim_id).where(Figure.document_id == document)))
    if updated_since is not None:
        where.append(ClaimGroup.revision > updated_since)
    page = keyset_page(session, select(ClaimGroup).where(*where), CLAIM_SORT, cursor, limit)
    total = session.scalar(select(func.count()).select_from(ClaimGroup).where(*where))
    return Page(_with_claims(session, page.items), page.next_cursor, total)


def get_claim(session: Session, claim_id: int) -> dict | None:
    group = session.get(ClaimGroup, claim_id)
    return _with_claims(session, [group])[0] if group else None


@dataclass
class FigureDetail:
    """A figure and the other claims about the same quantity."""
    figure: Figure
    competing: list[dict]

    def __getattr__(self, name):
        return getattr(self.figure, name)


def figure_detail(session: Session, figure_id: int) -> FigureDetail | None:
    figure = session.get(Figure, figure_id)
    if figure is None:
        return None
    others = []
    if figure.claim_id is not None:
        others = [c for c in _claims(session, [figure.claim_id]).get(figure.claim_id, [])
                  if c["id"] != figure.id]
    return FigureDetail(figure, others)


# --- threads ------------------------------------------------------------------------------------

THREAD_SORT = Sort("id", (Thread.id,), (int,))


def _stages(session: Session, thread_ids: list[int]) -> dict[int, list[Event]]:
    """Each thread's events in date order (undated last), then by id."""
    events = session.scalars(select(Event).where(Event.thread_id.in_(thread_ids)).order_by(Event.id)).all()
    out: dict[int, list[Event]] = {}
    for e in sorted(events, key=lambda e: (e.date is None, e.date or "", e.id)):
        out.setdefault(e.thread_id, []).append(e)
    return out


def _with_stages(session: Session, threads: list[Thread]) -> list[dict]:
    stages = _stages(session, [t.id for t in threads])
    return [{"thread": t, "stages": stages.get(t.id, [])} for t in threads]


def list_threads(session: Session, *, cursor=None, limit=50, updated_since=None, actor=None, q=None) -> Page:
    where = []
    if actor:
        where.append(Thread.id.in_(select(Event.thread_id)
                                   .join(event_actors, event_actors.c.event_id == Event.id)
                                   .where(event_actors.c.actor_id == actor)))
    if q:
        where.extend(func.lower(Thread.name).contains(w.lower(), autoescape=True) for w in q.split())
    if updated_since is not None:
        where.append(Thread.revision > updated_since)
    page = keyset_page(session, select(Thread).where(*where), THREAD_SORT, cursor, limit)
    total = session.scalar(select(func.count()).select_from(Thread).where(*where))
    return Page(_with_stages(session, page.items), page.next_cursor, total)


def get_thread(session: Session, thread_id: int) -> dict | None:
    thread = session.get(Thread, thread_id)
    return _with_stages(session, [thread])[0] if thread else None


@dataclass
class EventDetail:
    """An event and the thread it is a stage of, with the other stages."""
    event: Event
    thread_detail: dict | None

    def __getattr__(self, name):
        return getattr(self.event, name)


def event_detail(session: Session, event_id: int) -> EventDetail | None:
    event = session.get(Event, event_id)
    if event is None:
        return None
    thread = get_thread(session, event.thread_id) if event.thread_id is not None else None
    if thread:
        thread = {**thread, "stages": [e for e in thread["stages"] if e.id != event.id]}
    return EventDetail(event, thread)
