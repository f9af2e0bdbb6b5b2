"""What relates facts across documents, recomputed after a document's facts are written or replaced:
statement clusters (one remark reported by several outlets), claim groups (figures about one
quantity) and threads (stages of one agreement).

`relate_document` runs in after_write.after_document_written, the one step after a document's
facts are written or replaced (ingest, re-extraction). It recomputes only the speakers,
quantities and series the document touches, and the groups that lost a member since they were
stored (a replaced document's facts are gone: their groups' stored counts no longer match), reading
them in a fixed order, so the result does not depend on the order documents arrived in. A group's
id is its smallest member id.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from ..models import ClaimGroup, Document, Event, EventMention, Figure, Statement, StatementCluster, Thread
from . import claims, clusters


@dataclass
class Touched:
    """What a document's facts take part in: the scopes to recompute."""
    speakers: set[str] = field(default_factory=set)
    clusters: set[int] = field(default_factory=set)        # clusters its statements were in
    quantities: set[tuple[str, str, str]] = field(default_factory=set)   # (subject, metric, unit)
    series: set[str] = field(default_factory=set)

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.speakers | other.speakers, self.clusters | other.clusters,
                       self.quantities | other.quantities, self.series | other.series)


def shrunk(session: Session) -> Touched:
    """Groups with fewer members than they were stored with: a document they stood on was replaced
    or removed. One indexed count per group."""
    touched = Touched()
    in_cluster = select(func.count()).where(Statement.cluster_id == StatementCluster.id).scalar_subquery()
    for cluster_id, speaker in session.execute(select(StatementCluster.id, StatementCluster.speaker_id)
                                               .where(StatementCluster.statements != in_cluster)):
        touched.clusters.add(cluster_id)
        touched.speakers.add(speaker)
    in_claim = select(func.count()).where(Figure.claim_id == ClaimGroup.id).scalar_subquery()
    touched.quantities = {tuple(r) for r in session.execute(
        select(ClaimGroup.subject_id, ClaimGroup.metric, ClaimGroup.unit)
        .where(ClaimGroup.figures != in_claim))}
    return touched


def touched_by(session: Session, document_id: str) -> Touched:
    """The scopes of one stored document's facts."""
    touched = Touched()
    for speaker, cluster in session.execute(select(Statement.speaker_id, Statement.cluster_id)
                                            .where(Statement.document_id == document_id)):
        touched.speakers.add(speaker)
        if cluster is not None:
            touched.clusters.add(cluster)
    touched.quantities = {tuple(r) for r in session.execute(
        select(Figure.subject_id, Figure.metric, Figure.unit)
        .where(Figure.document_id == document_id, Figure.subject_id.is_not(None)))}
    touched.series = set(session.scalars(
        select(Event.series).join(EventMention, EventMention.event_id == Event.id)
        .where(EventMention.document_id == document_id, Event.series.is_not(None))))
    return touched


def relate_document(session: Session, revision: int, document_id: str) -> None:
    """Recompute the clusters, claim groups and threads `document_id` takes part in, and those that
    lost a member, inside the caller's transaction."""
    session.flush()
    touched = touched_by(session, document_id) | shrunk(session)
    # Events re-formed by this write carry this revision: their series now, and the thread they were
    # in; and a thread that lost an event merged into another (few rows: agreements only).
    touched.series |= set(session.scalars(select(Event.series).where(Event.revision == revision,
                                                                     Event.series.is_not(None))))
    members = select(func.count()).where(Event.thread_id == Thread.id).scalar_subquery()
    touched.series |= set(session.scalars(select(Thread.name).where(or_(
        Thread.id.in_(select(Event.thread_id).where(Event.revision == revision)), Thread.events != members))))
    relate_statements(session, revision, sorted(touched.speakers), touched.clusters, document_id)
    relate_figures(session, revision, sorted(touched.quantities))
    relate_threads(session, revision, touched.series)


def relate_everything(session: Session, revision: int) -> None:
    """Recompute every cluster, claim group and thread from scratch (a database loaded before they
    existed; tests compare it with the incremental result)."""
    session.execute(update(Statement).values(cluster_id=None))
    speakers = sorted(session.scalars(select(Statement.speaker_id).distinct()))
    relate_statements(session, revision, speakers, set(), None, everything=True)
    quantities = sorted({tuple(r) for r in session.execute(
        select(Figure.subject_id, Figure.metric, Figure.unit).where(Figure.subject_id.is_not(None)))})
    relate_figures(session, revision, quantities)
    relate_threads(session, revision, set(session.scalars(select(Event.series).where(
        Event.series.is_not(None)))))


# --- statements ---------------------------------------------------------------------------------

def relate_statements(session: Session, revision: int, speakers: list[str], stale: set[int],
                      document_id: str | None, everything: bool = False) -> None:
    if not speakers:
        return
    rows = session.execute(
        select(Statement.id, Statement.speaker_id, Statement.document_id, Statement.text,
               Statement.cluster_id, Statement.said_on, Document.published, Document.publisher)
        .join(Document, Document.id == Statement.document_id)
        .where(Statement.speaker_id.in_(speakers)).order_by(Statement.speaker_id, Statement.id)).all()
    by_speaker: dict[str, list] = {}
    for r in rows:
        by_speaker.setdefault(r.speaker_id, []).append(r)
    old = {c.id: c for c in session.scalars(select(StatementCluster)
                                            .where(StatementCluster.speaker_id.in_(speakers)))}
    wanted: dict[int, dict] = {}
    assign: dict[int, int | None] = {}
    for speaker in speakers:
        members = by_speaker.get(speaker, [])
        fresh = {r.id for r in members if everything or r.document_id == document_id}
        for group in clusters.components(members, fresh, stale):
            cluster_id = min(r.id for r in group) if len(group) > 1 else None
            for r in group:
                assign[r.id] = cluster_id
            if cluster_id is not None:
                wanted[cluster_id] = dict(speaker_id=speaker, **clusters.summary(group))
    _write_groups(session, revision, StatementCluster, old, wanted)
    changes = [{"sid": r.id, "cid": assign[r.id]} for r in rows
               if assign.get(r.id, r.cluster_id) != r.cluster_id]
    if changes:
        table = Statement.__table__
        session.execute(update(table).where(table.c.id == bindparam("sid"))
                        .values(cluster_id=bindparam("cid"), revision=revision), changes)


# --- figures ------------------------------------------------------------------------------------

def relate_figures(session: Session, revision: int, quantities: list[tuple[str, str, str]]) -> None:
    if not quantities:
        return
    subjects = sorted({q[0] for q in quantities})
    rows = session.execute(
        select(Figure.id, Figure.subject_id, Figure.metric, Figure.unit, Figure.value, Figure.qualifier,
               Figure.as_of, Figure.document_id, Figure.start_char, Figure.claim_id, Document.published)
        .join(Document, Document.id == Figure.document_id)
        .where(Figure.subject_id.in_(subjects)).order_by(Figure.id)).all()
    wanted_keys = set(quantities)
    by_key: dict[tuple, list] = {}
    for r in rows:
        key = (r.subject_id, r.metric, r.unit)
        if key in wanted_keys:
            by_key.setdefault(key, []).append(r)
    old = {g.id: g for g in session.scalars(select(ClaimGroup).where(ClaimGroup.subject_id.in_(subjects)))
           if (g.subject_id, g.metric, g.unit) in wanted_keys}
    wanted: dict[int, dict] = {}
    assign: dict[int, int | None] = {}
    for key in quantities:
        for group in claims.groups(by_key.get(key, [])):
            claim_id = min(r.id for r in group) if len(group) > 1 else None
            for r in group:
                assign[r.id] = claim_id
            if claim_id is not None:
                wanted[claim_id] = dict(subject_id=key[0], metric=key[1], unit=key[2],
                                        **claims.summary(group))
    _write_groups(session, revision, ClaimGroup, old, wanted)
    changes = [{"fid": r.id, "gid": assign[r.id]} for rs in by_key.values() for r in rs
               if assign[r.id] != r.claim_id]
    if changes:
        table = Figure.__table__
        session.execute(update(table).where(table.c.id == bindparam("fid"))
                        .values(claim_id=bindparam("gid"), revision=revision), changes)


# --- events -------------------------------------------------------------------------------------

def thread_key(series: str) -> str:
    from ..extract.merge import name_key
    return name_key(series)[:200]


def relate_threads(session: Session, revision: int, series: set[str]) -> None:
    keys = {thread_key(s) for s in series if s}
    if not keys:
        return
    # Only agreements carry a series: few rows, read through the series index.
    rows = [r for r in session.execute(select(Event.id, Event.series, Event.date, Event.thread_id)
                                       .where(Event.series.is_not(None)).order_by(Event.id))
            if thread_key(r.series) in keys]
    by_key: dict[str, list] = {}
    for r in rows:
        by_key.setdefault(thread_key(r.series), []).append(r)
    old = {t.id: t for t in session.scalars(select(Thread).where(Thread.key.in_(sorted(keys))))}
    wanted: dict[int, dict] = {}
    assign: dict[int, int | None] = {}
    for key, members in by_key.items():
        thread_id = min(r.id for r in members) if len(members) > 1 else None
        for r in members:
            assign[r.id] = thread_id
        if thread_id is not None:
            names = sorted(r.series for r in members)
            # The name most reports use; ties go to the longer (more specific), then alphabetical.
            name = min(set(names), key=lambda n: (-names.count(n), -len(n), n))
            dates = sorted(r.date for r in members if r.date)
            wanted[thread_id] = dict(key=key, name=name, events=len(members),
                                     first_date=dates[0] if dates else None,
                                     last_date=dates[-1] if dates else None)
    # A key moving to another id: the old row goes first (the key is unique).
    _write_groups(session, revision, Thread, old, wanted)
    changes = [{"eid": r.id, "tid": assign[r.id]} for r in rows if assign[r.id] != r.thread_id]
    if changes:
        table = Event.__table__
        session.execute(update(table).where(table.c.id == bindparam("eid"))
                        .values(thread_id=bindparam("tid"), revision=revision), changes)


# --- storing groups -----------------------------------------------------------------------------

def _write_groups(session: Session, revision: int, model, old: dict[int, object],
                  wanted: dict[int, dict]) -> None:
    """Rows become `wanted` (id -> fields): missing ones deleted first, changed ones updated (and
    stamped with this revision), new ones added; an unchanged group is left alone."""
    gone = sorted(set(old) - set(wanted))
    if gone:
        session.execute(delete(model).where(model.id.in_(gone)))
    stored = {i: old[i] for i in wanted if i in old}
    for group_id, values in sorted(wanted.items()):
        row = stored.get(group_id) or session.get(model, group_id)
        if row is None:
            session.add(model(id=group_id, revision=revision, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.revision = revision
    session.flush()
