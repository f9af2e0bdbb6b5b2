from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..models import Actor, ActorAlias
from .paging import Page, keyset_page


def list_actors(session: Session, *, cursor: str | None, limit: int, kind: str | None = None,
                q: str | None = None, updated_since: int | None = None) -> Page:
    where = []
    if kind:
        where.append(Actor.kind == kind)
    if q:
        pattern = f"%{q.lower()}%"
        where.append(or_(func.lower(Actor.name).like(pattern),
                         Actor.aliases.any(func.lower(ActorAlias.name).like(pattern))))
    if updated_since is not None:
        where.append(Actor.revision > updated_since)
    page = keyset_page(session, select(Actor).where(*where), [Actor.id], cursor, limit, lambda a: (a.id,))
    total = session.scalar(select(func.count()).select_from(Actor).where(*where))
    return Page(page.items, page.next_cursor, total)


def get_actor(session: Session, actor_id: str) -> Actor | None:
    return session.get(Actor, actor_id)
