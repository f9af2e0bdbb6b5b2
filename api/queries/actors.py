from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from ..models import Actor, ActorAlias, ActorMention, Figure, Statement
from ..models.facts import event_actors, statement_about
from . import driver
from .paging import Page, Sort, keyset_page

ACTOR_SORT = Sort("id", (Actor.id,), (str,))


def list_actors(session: Session, *, cursor: str | None, limit: int, kind: str | None = None,
                q: str | None = None, wikidata: str | None = None, updated_since: int | None = None) -> Page:
    where = []
    if wikidata:
        where.append(Actor.wikidata == wikidata)
    if kind:
        where.append(Actor.kind == kind)
    if q:
        needle = q.lower()
        where.append(or_(func.lower(Actor.name).contains(needle, autoescape=True),
                         Actor.aliases.any(func.lower(ActorAlias.name).contains(needle, autoescape=True))))
    if updated_since is not None:
        where.append(Actor.revision > updated_since)
    page = keyset_page(session, select(Actor).where(*where), ACTOR_SORT, cursor, limit)
    return Page(page.items, page.next_cursor,
                count=lambda: session.scalar(select(func.count()).select_from(Actor).where(*where)) or 0)


def get_actor(session: Session, actor_id: str) -> Actor | None:
    return session.get(Actor, actor_id)


_EXISTS = select(Actor.__table__.c.id).where(Actor.__table__.c.id == bindparam("id"))


def actor_exists(session: Session, actor_id: str) -> bool:
    """One indexed lookup, no actor loaded (an Actor brings its aliases and affiliation)."""
    return driver.first(session.connection(), _EXISTS, {"id": actor_id}) is not None


@dataclass
class ActorDetail:
    """An actor plus what a profile page shows next to it: how many facts of each kind."""
    actor: Actor
    counts: dict[str, int]

    def __getattr__(self, name):
        return getattr(self.actor, name)


def get_actor_detail(session: Session, actor_id: str) -> ActorDetail | None:
    actor = get_actor(session, actor_id)
    if actor is None:
        return None
    about = select(statement_about.c.statement_id).where(statement_about.c.actor_id == actor_id)

    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    counts = {
        "statements_made": count(Statement, Statement.speaker_id == actor_id),
        "statements_about": count(Statement, Statement.id.in_(about)),
        "figures": count(Figure, or_(Figure.subject_id == actor_id, Figure.source_id == actor_id)),
        "events": count(event_actors, event_actors.c.actor_id == actor_id),
        "documents": session.scalar(select(func.count(func.distinct(ActorMention.document_id)))
                                    .where(ActorMention.actor_id == actor_id)) or 0,
    }
    return ActorDetail(actor, counts)


def document_actors(session: Session, document_id: str) -> list[Actor]:
    """Actors an article names, by id."""
    named = select(ActorMention.actor_id).where(ActorMention.document_id == document_id)
    return list(session.scalars(select(Actor).where(Actor.id.in_(named)).order_by(Actor.id)))


