"""Extracted actors -> actor rows: the same real actor across documents is one row.

Set-based: one query finds every stored actor the document's names point at, one loads them.
An actor keeps its id while any document supports it (names it, or a fact points at it); when a
document's facts are replaced, the actors only it supported and no longer does are deleted.
"""
from __future__ import annotations

import json
import re

from sqlalchemy import delete, insert, select, union, update
from sqlalchemy.orm import Session, lazyload

from ..extract import aliases, merge
from ..extract.types import Extraction
from ..models import Actor, ActorAlias, ActorMention, EventMention, Figure, Statement, bury
from ..models.facts import event_actors, statement_about
from .wikidata import wikidata_of


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", merge.name_key(name)).strip("-")[:100] or "actor"


def write_actors(session: Session, revision: int, doc_id: str, extraction: Extraction,
                 quotes, new: bool = False) -> dict[str, str]:
    """Extraction actor key -> stored actor id, creating or enriching rows as needed (`new`: the
    document had no rows before)."""
    keys = {a.key: aliases.match_keys(a) for a in extraction.actors}
    wanted = set().union(*keys.values()) if keys else set()
    first_alias: dict[str, tuple[int, str]] = {}     # match key -> (alias row id, actor id), oldest first
    for alias_id, key, actor_id in session.execute(
            select(ActorAlias.id, ActorAlias.key, ActorAlias.actor_id).where(ActorAlias.key.in_(wanted))):
        if key not in first_alias or alias_id < first_alias[key][0]:
            first_alias[key] = (alias_id, actor_id)
    found = {first_alias[k][1] for ks in keys.values() for k in ks if k in first_alias}
    # (affiliation_id is all this reads of an affiliation: no join to load it)
    rows = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(found))
                                             .options(lazyload(Actor.affiliation)))}

    ids: dict[str, str] = {}
    for a in extraction.actors:
        hits = sorted(first_alias[k] for k in keys[a.key] if k in first_alias)
        row = rows.get(hits[0][1]) if hits else None
        if row is None:
            row = Actor(id=_free_slug(session, rows, a.name), name=a.name, kind=a.kind, role=a.role,
                        wikidata=wikidata_of(a.name), revision=revision)
            session.add(row)
            rows[row.id] = row
        elif a.role and not row.role:
            row.role, row.revision = a.role, revision
        if row.wikidata is None and (qid := wikidata_of(a.name)):   # a row stored before ids existed
            row.wikidata, row.revision = qid, revision
        _add_aliases(row, [a.name, *a.aliases], revision)
        for k in keys[a.key]:                     # later actors of this document find it too
            first_alias.setdefault(k, (1 << 62, row.id))
        ids[a.key] = row.id
    session.flush()       # rows exist before any points at another (SQLite checks keys per row)
    for a in extraction.actors:
        row = rows[ids[a.key]]
        if a.affiliation in ids and row.affiliation_id is None and ids[a.affiliation] != row.id:
            row.affiliation_id, row.revision = ids[a.affiliation], revision
    session.flush()
    _write_mentions(session, revision, doc_id, {
        (ids[a.key], m.span.start, m.span.end) for a in extraction.actors for m in a.mentions
        if quotes(m.span)}, new)
    return ids


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
    while slug in pending or session.get(Actor, slug) is not None:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _add_aliases(actor: Actor, names: list[str], revision: int) -> None:
    have = {al.name for al in actor.aliases}
    for name in names:
        if name and name not in have:
            actor.aliases.append(ActorAlias(name=name, key=merge.name_key(name), revision=revision))
            have.add(name)
            actor.revision = revision
