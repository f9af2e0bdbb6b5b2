"""What relates facts across documents, recomputed after a document's facts are written or replaced:
statement clusters (one remark reported by several outlets), claim groups (figures about one
quantity) and threads (stages of one agreement).

`relate_document` runs in after_write.after_document_written, the one step after a document's
facts are written or replaced (ingest, re-extraction). It recomputes only the speakers,
quantities and clusters the document touches, and the groups that lost a member since they were
stored (a replaced document's facts are gone: their groups' stored counts no longer match), reading
them in a fixed order, so the result does not depend on the order documents arrived in; threads
(agreements only: few rows) are formed again whole, since names join across documents
(api/ingest/threads.py). A group's id is its smallest member id.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from ..models import (
    Actor,
    ClaimGroup,
    Document,
    Event,
    EventMention,
    Figure,
    Statement,
    StatementCluster,
    Thread,
    bury,
)
from ..models.facts import event_actors
from . import claims, clusters, threads
from .run_cache import threads_input_unchanged


@dataclass
class Touched:
    """What a document's facts take part in: the scopes to recompute."""
    speakers: set[str] = field(default_factory=set)
    clusters: set[int] = field(default_factory=set)        # clusters its statements were in
    quantities: set[tuple[str, str, str]] = field(default_factory=set)   # (subject, metric, unit)

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.speakers | other.speakers, self.clusters | other.clusters,
                       self.quantities | other.quantities)


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
    return touched


def relate_document(session: Session, revision: int, document_id: str, settled: bool = False) -> None:
    """Recompute the clusters and claim groups `document_id` takes part in, those that lost a
    member (none when `settled`: not looked for), and the threads (when `settled`, only if the
    transaction noted a change to what they are formed from), inside the caller's transaction."""
    session.flush()
    touched = touched_by(session, document_id)
    if not settled:
        touched |= shrunk(session)
    relate_statements(session, revision, document_id, touched.clusters)
    relate_figures(session, revision, sorted(touched.quantities))
    if not (settled and threads_input_unchanged(session)):
        relate_threads(session, revision)


def relate_everything(session: Session, revision: int) -> None:
    """Recompute every cluster, claim group and thread from scratch (a database loaded before they
    existed; tests compare it with the incremental result)."""
    relate_all_statements(session, revision)
    quantities = sorted({tuple(r) for r in session.execute(
        select(Figure.subject_id, Figure.metric, Figure.unit).where(Figure.subject_id.is_not(None)))})
    relate_figures(session, revision, quantities)
    relate_threads(session, revision)


# --- statements ---------------------------------------------------------------------------------

def _statement_rows(session: Session, *where) -> list:
    return session.execute(
        select(Statement.id, Statement.speaker_id, Statement.document_id, Statement.text,
               Statement.cluster_id, Statement.said_on, Document.published, Document.publisher)
        .join(Document, Document.id == Statement.document_id).where(*where).order_by(Statement.id)).all()


def relate_statements(session: Session, revision: int, document_id: str, stale: set[int]) -> None:
    """The document's statements join the remarks they repeat. Only candidates are read: the same
    speakers' statements in documents published near it (clusters.SAME_REMARK_DAYS), then the whole
    of each cluster a new statement joins or that lost a member."""
    new = _statement_rows(session, Statement.document_id == document_id)
    speakers = sorted({r.speaker_id for r in new})
    candidates = []
    if speakers:
        where = [Statement.speaker_id.in_(speakers), Statement.document_id != document_id]
        published = new[0].published             # the document's, read with its statements
        if published:
            window = timedelta(days=clusters.SAME_REMARK_DAYS)
            where.append(or_(Document.published.is_(None),
                             Document.published.between(published - window, published + window)))
        candidates = _statement_rows(session, *where)
    edges = []
    for speaker in speakers:
        edges += clusters.edges([r for r in new if r.speaker_id == speaker],
                                [r for r in candidates if r.speaker_id == speaker])
    matched = {i for pair in edges for i in pair}
    affected = set(stale) | {r.cluster_id for r in candidates if r.id in matched and r.cluster_id is not None}
    members = _statement_rows(session, Statement.cluster_id.in_(sorted(affected))) if affected else []
    rows = list({r.id: r for r in [*new, *[r for r in candidates if r.id in matched], *members]}.values())
    _store_clusters(session, revision, rows, clusters.regroup(rows, edges, stale), affected)


def _store_clusters(session: Session, revision: int, rows: list, groups: list[list], old: set[int]) -> None:
    wanted: dict[int, dict] = {}
    assign: dict[int, int | None] = {}
    for group in groups:
        cluster_id = min(r.id for r in group) if len(group) > 1 else None
        for r in group:
            assign[r.id] = cluster_id
        if cluster_id is not None:
            wanted[cluster_id] = dict(speaker_id=group[0].speaker_id, **clusters.summary(group))
    _write_groups(session, revision, StatementCluster, old, wanted)
    changes = [{"sid": r.id, "cid": assign[r.id]} for r in rows if assign[r.id] != r.cluster_id]
    if changes:
        table = Statement.__table__
        session.execute(update(table).where(table.c.id == bindparam("sid"))
                        .values(cluster_id=bindparam("cid"), revision=revision), changes)


def relate_all_statements(session: Session, revision: int) -> None:
    """Every speaker's clusters from scratch, speaker by speaker."""
    rows = _statement_rows(session)
    old = set(session.scalars(select(StatementCluster.id)))
    by_speaker: dict[str, list] = {}
    for r in rows:
        by_speaker.setdefault(r.speaker_id, []).append(r)
    groups = [g for speaker in sorted(by_speaker)
              for g in clusters.regroup(by_speaker[speaker], clusters.edges(by_speaker[speaker],
                                                                            by_speaker[speaker]), set(),
                                        stored=False)]
    _store_clusters(session, revision, rows, groups, old)


# --- figures ------------------------------------------------------------------------------------

def relate_figures(session: Session, revision: int, quantities: list[tuple[str, str, str]]) -> None:
    if not quantities:
        return
    subjects = sorted({q[0] for q in quantities})
    rows = session.execute(
        select(Figure.id, Figure.subject_id, Figure.metric, Figure.unit, Figure.value, Figure.qualifier,
               Figure.as_of, Figure.document_id, Figure.start_char, Figure.claim_id, Document.published)
        .join(Document, Document.id == Figure.document_id)
        .where(or_(*(and_(Figure.subject_id == s, Figure.metric == m, Figure.unit == u)
                     for s, m, u in quantities))).order_by(Figure.id)).all()
    wanted_keys = set(quantities)
    by_key: dict[tuple, list] = {}
    for r in rows:
        key = (r.subject_id, r.metric, r.unit)
        if key in wanted_keys:
            by_key.setdefault(key, []).append(r)
    old = {g.id for g in session.execute(select(ClaimGroup.id, ClaimGroup.subject_id, ClaimGroup.metric,
                                                    ClaimGroup.unit).where(ClaimGroup.subject_id.in_(subjects)))
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


def _stages(session: Session) -> list[threads.Stage]:
    """Every named agreement stage (few rows: agreements only, read through the series index), with
    every name its reports give it; and the nameless stages that share a participant with them."""
    named = session.execute(select(Event.id, Event.date).where(Event.series.is_not(None))).all()
    ids = [r.id for r in named]
    names: dict[int, set[str]] = {i: set() for i in ids}
    for chunk in _chunks(ids):
        for event_id, series in session.execute(
                select(EventMention.event_id, EventMention.reported_series)
                .where(EventMention.event_id.in_(chunk), EventMention.reported_series.is_not(None))):
            names[event_id].add(series)
    participants = _participants(session, ids)
    known = sorted({p for ps in participants.values() for p in ps})
    nameless = []
    if known:
        people = select(Actor.id).where(Actor.affiliation_id.in_(known))
        nameless = session.execute(
            select(Event.id, Event.date).join(event_actors, event_actors.c.event_id == Event.id)
            .where(Event.kind.in_(threads_kinds()), Event.series.is_(None),
                   or_(event_actors.c.actor_id.in_(known), event_actors.c.actor_id.in_(people)))
            .distinct()).all()
        participants |= _participants(session, [r.id for r in nameless])
    stages = [threads.Stage(r.id, tuple(sorted(names[r.id])), r.date, participants.get(r.id, frozenset()))
              for r in named]
    return stages + [threads.Stage(r.id, (), r.date, participants.get(r.id, frozenset())) for r in nameless]


def threads_kinds() -> tuple[str, ...]:
    from ..extract.events import TREATY
    return TREATY


def _participants(session: Session, event_ids: list[int]) -> dict[int, frozenset[str]]:
    """Each event's actors and the countries or groups they belong to."""
    out: dict[int, set[str]] = {}
    for chunk in _chunks(event_ids):
        for event_id, actor, affiliation in session.execute(
                select(event_actors.c.event_id, Actor.id, Actor.affiliation_id)
                .join(Actor, Actor.id == event_actors.c.actor_id).where(event_actors.c.event_id.in_(chunk))):
            out.setdefault(event_id, set()).update(x for x in (actor, affiliation) if x)
    return {k: frozenset(v) for k, v in out.items()}


def _chunks(ids: list[int], size: int = 900):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def relate_threads(session: Session, revision: int) -> None:
    """Every thread from its stages: few rows (agreements only), and names join across documents,
    so all of them are formed again; an unchanged thread is left alone."""
    stages = _stages(session)
    current = {r.id: r.thread_id for r in session.execute(
        select(Event.id, Event.thread_id).where(Event.thread_id.is_not(None)))}
    old = set(session.scalars(select(Thread.id)))
    wanted: dict[int, dict] = {}
    assign: dict[int, int | None] = {s.id: None for s in stages} | {i: None for i in current}
    for name, members in threads.threads(stages):
        thread_id = min(s.id for s in members)
        for s in members:
            assign[s.id] = thread_id
        dates = sorted(s.date for s in members if s.date)
        wanted[thread_id] = dict(key=thread_key(name), name=name, events=len(members),
                                 first_date=dates[0] if dates else None,
                                 last_date=dates[-1] if dates else None)
    # A key moving to another id: the old row goes first (the key is unique).
    _write_groups(session, revision, Thread, old, wanted)
    changes = [{"eid": i, "tid": t} for i, t in sorted(assign.items()) if t != current.get(i)]
    if changes:
        table = Event.__table__
        session.execute(update(table).where(table.c.id == bindparam("eid"))
                        .values(thread_id=bindparam("tid"), revision=revision), changes)


# --- storing groups -----------------------------------------------------------------------------

def _write_groups(session: Session, revision: int, model, old: set[int], wanted: dict[int, dict]) -> None:
    """Rows become `wanted` (id -> fields) where they were `old` (the ids in scope): the others
    deleted first, changed ones updated (stamped with this revision), new ones inserted; an
    unchanged group is left alone. Core statements: no ORM objects to load or flush."""
    table = model.__table__
    gone = sorted(set(old) - set(wanted))
    if gone:
        bury(session, revision, model, gone)     # the change feed tells pollers the group is gone
        session.execute(delete(table).where(table.c.id.in_(gone)))
    stored = {r.id: r._mapping
              for r in session.execute(select(table).where(table.c.id.in_(sorted(wanted))))}
    inserts, updates = [], []
    for group_id, values in sorted(wanted.items()):
        row = stored.get(group_id)
        if row is None:
            inserts.append({"id": group_id, "revision": revision, **values})
        elif any(row[k] != v for k, v in values.items()):
            updates.append({"gid": group_id, "v_revision": revision,
                            **{f"v_{k}": v for k, v in values.items()}})
    if updates:   # before inserts: a thread's key may move from an updated row to a new one
        columns = [k[2:] for k in updates[0] if k.startswith("v_")]
        session.execute(update(table).where(table.c.id == bindparam("gid"))
                        .values({c: bindparam(f"v_{c}") for c in columns}), updates)
    if inserts:
        session.execute(insert(table), inserts)
