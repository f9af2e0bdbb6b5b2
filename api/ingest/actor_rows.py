"""Extracted actors -> actor rows: the same real actor across documents is one row.

Set-based: one query finds every stored actor the document's names point at, one loads them.
An actor keeps its id while any document supports it (names it, or a fact points at it); when a
document's facts are replaced, the actors only it supported and no longer does are deleted.
"""
from __future__ import annotations

import json
import re

from sqlalchemy import bindparam, delete, insert, select, union, update
from sqlalchemy.orm import Session

from ..extract import aliases, merge
from ..extract.types import Extraction
from ..models import Actor, ActorAlias, ActorMention, EventMention, Figure, Statement, bury
from ..models.facts import event_actors, statement_about
from .run_cache import threads_input_changed
from .wikidata import wikidata_of


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", merge.name_key(name)).strip("-")[:100] or "actor"


def write_actors(session: Session, revision: int, doc_id: str, extraction: Extraction,
                 quotes, new: bool = False) -> dict[str, str]:
    """Extraction actor key -> stored actor id, creating or enriching rows as needed (`new`: the
    document had no rows before). Core statements: the actors and alias names it needs are read
    as plain rows, and what changes is written in a batch per table (no ORM objects to load)."""
    keys = {a.key: aliases.match_keys(a) for a in extraction.actors}
    wanted = set().union(*keys.values()) if keys else set()
    first_alias: dict[str, tuple[int, str]] = {}     # match key -> (alias row id, actor id), oldest first
    for alias_id, key, actor_id in session.execute(
            select(ActorAlias.id, ActorAlias.key, ActorAlias.actor_id).where(ActorAlias.key.in_(wanted))):
        if key not in first_alias or alias_id < first_alias[key][0]:
            first_alias[key] = (alias_id, actor_id)
    found = sorted({first_alias[k][1] for ks in keys.values() for k in ks if k in first_alias})
    rows: dict[str, _Actor] = {}
    if found:
        for r in session.execute(select(_ACTOR.c.id, _ACTOR.c.role, _ACTOR.c.wikidata,
                                        _ACTOR.c.affiliation_id).where(_ACTOR.c.id.in_(found))):
            rows[r.id] = _Actor(r.id, r.role, r.wikidata, r.affiliation_id)
        for actor_id, name in session.execute(select(_ALIAS.c.actor_id, _ALIAS.c.name)
                                              .where(_ALIAS.c.actor_id.in_(found))):
            rows[actor_id].names.add(name)

    ids: dict[str, str] = {}
    created: list[_Actor] = []
    new_aliases: list[dict] = []
    for a in extraction.actors:
        hits = sorted(first_alias[k] for k in keys[a.key] if k in first_alias)
        row = rows.get(hits[0][1]) if hits else None
        if row is None:
            row = _Actor(_free_slug(session, rows, a.name), a.role, wikidata_of(a.name), None,
                         created=dict(name=a.name, kind=a.kind))
            rows[row.id] = row
            created.append(row)
        elif a.role and not row.role:
            row.set("role", a.role)
        if row.wikidata is None and (qid := wikidata_of(a.name)):   # a row stored before ids existed
            row.set("wikidata", qid)
        for name in [a.name, *a.aliases]:
            if name and name not in row.names:
                new_aliases.append(dict(actor_id=row.id, name=name, key=merge.name_key(name),
                                        revision=revision))
                row.names.add(name)
                row.touched = True
        for k in keys[a.key]:                     # later actors of this document find it too
            first_alias.setdefault(k, (1 << 62, row.id))
        ids[a.key] = row.id
    # Rows exist before any points at another (SQLite checks keys per row): actors, then aliases.
    if created:
        session.execute(insert(_ACTOR), [dict(id=r.id, role=r.role, wikidata=r.wikidata, revision=revision,
                                              **r.created) for r in created])
    if new_aliases:
        session.execute(insert(_ALIAS), new_aliases)
    _update(session, revision, [r for r in rows.values() if r.created is None and r.touched])
    for r in rows.values():
        r.changed.clear()
        r.touched = False
    for a in extraction.actors:
        row = rows[ids[a.key]]
        if a.affiliation in ids and row.affiliation_id is None and ids[a.affiliation] != row.id:
            row.set("affiliation_id", ids[a.affiliation])
            threads_input_changed(session)    # a participant's country counts in agreement threads
    _update(session, revision, [r for r in rows.values() if r.touched])
    _write_mentions(session, revision, doc_id, {
        (ids[a.key], m.span.start, m.span.end) for a in extraction.actors for m in a.mentions
        if quotes(m.span)}, new)
    return ids


_ACTOR = Actor.__table__
_ALIAS = ActorAlias.__table__


class _Actor:
    """What writing a document's actors reads of a stored actor (or makes of a new one), and what
    it changes."""

    def __init__(self, id: str, role: str | None, wikidata: str | None, affiliation_id: str | None,
                 created: dict | None = None):
        self.id, self.role, self.wikidata, self.affiliation_id = id, role, wikidata, affiliation_id
        self.created = created            # a new row's other columns; None: a stored row
        self.names: set[str] = set()      # its alias names
        self.changed: dict[str, object] = {}
        self.touched = False              # it takes the revision

    def set(self, column: str, value) -> None:
        setattr(self, column, value)
        self.changed[column] = value
        self.touched = True


def _update(session: Session, revision: int, rows: list[_Actor]) -> None:
    """Each row's changed columns (and the revision), one UPDATE per set of columns."""
    by_columns: dict[tuple, list[dict]] = {}
    for r in rows:
        columns = tuple(sorted(r.changed))
        by_columns.setdefault(columns, []).append({"aid": r.id, **{f"v_{c}": r.changed[c] for c in columns}})
    for columns, params in by_columns.items():
        values = {c: bindparam(f"v_{c}") for c in columns}
        session.execute(update(_ACTOR).where(_ACTOR.c.id == bindparam("aid"))
                        .values(revision=revision, **values), params)


def _write_mentions(session: Session, revision: int, doc_id: str, wanted: set[tuple[str, int, int]],
                    new: bool) -> None:
    """The document's actor mentions become `wanted`: what is there already stays untouched."""
    stored = {} if new else {(a, s, e): i for i, a, s, e in session.execute(
        select(ActorMention.id, ActorMention.actor_id, ActorMention.start_char, ActorMention.end_char)
        .where(ActorMention.document_id == doc_id))}
    stale = sorted(i for key, i in stored.items() if key not in wanted)
    if stale:
        session.execute(delete(ActorMention).where(ActorMention.id.in_(stale)))
    new = sorted(wanted - stored.keys())
    if new:
        session.execute(insert(ActorMention), [
            {"actor_id": i, "document_id": doc_id, "start_char": s, "end_char": e, "revision": revision}
            for i, s, e in new])


def actors_of_document(session: Session, doc_id: str) -> set[str]:
    """Every stored actor the document's rows point at: names, speakers, what statements are about,
    figures' subjects and sources, event participants."""
    in_doc = Statement.document_id == doc_id
    ids = set(session.scalars(union(
        select(ActorMention.actor_id).where(ActorMention.document_id == doc_id),
        select(Statement.speaker_id).where(in_doc),
        select(statement_about.c.actor_id).join(Statement).where(in_doc),
        select(Figure.subject_id).where(Figure.document_id == doc_id, Figure.subject_id.is_not(None)),
        select(Figure.source_id).where(Figure.document_id == doc_id, Figure.source_id.is_not(None)))))
    for reported in session.scalars(select(EventMention.reported_actors)
                                    .where(EventMention.document_id == doc_id)):
        ids.update(json.loads(reported or "[]"))
    return ids


def forget_unsupported(session: Session, revision: int, candidates: set[str]) -> None:
    """Delete (with a tombstone) those of `candidates` that no document supports any more. An actor
    that named one of them as its affiliation loses it, and takes the revision."""
    if not candidates:
        return
    wanted = sorted(candidates)
    supported = set(session.scalars(union(
        select(ActorMention.actor_id).where(ActorMention.actor_id.in_(wanted)),
        select(Statement.speaker_id).where(Statement.speaker_id.in_(wanted)),
        select(statement_about.c.actor_id).where(statement_about.c.actor_id.in_(wanted)),
        select(Figure.subject_id).where(Figure.subject_id.in_(wanted)),
        select(Figure.source_id).where(Figure.source_id.in_(wanted)),
        select(event_actors.c.actor_id).where(event_actors.c.actor_id.in_(wanted)))))
    doomed = sorted(candidates - supported)
    if not doomed:
        return
    bury(session, revision, Actor, doomed)
    session.execute(update(Actor).where(Actor.affiliation_id.in_(doomed), Actor.id.not_in(doomed))
                    .values(affiliation_id=None, revision=revision))
    session.execute(delete(Actor).where(Actor.id.in_(doomed)))


def _free_slug(session: Session, pending: dict, name: str) -> str:
    base = slug = slugify(name)
    n = 2
    while slug in pending or session.execute(select(_ACTOR.c.id).where(_ACTOR.c.id == slug)).first():
        slug, n = f"{base}-{n}", n + 1
    return slug
