"""What the evidence viewer (/view/) reads beyond the API's own queries: documents newest first,
fact counts per document, and where actors are named (offsets the JSON does not list)."""
from __future__ import annotations

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, defer

from ..models import Actor, ActorMention, Document, EventMention, Figure, Statement
from .paging import Page, Sort, keyset_page


def _published_text(session: Session):
    """The publication date as 'YYYY-MM-DD' text ('' when undated), so a cursor can carry it.
    SQLite stores dates as that text already; PostgreSQL formats it explicitly (no DateStyle)."""
    if session.get_bind().dialect.name == "postgresql":
        as_text = func.to_char(Document.published, "YYYY-MM-DD")
    else:
        as_text = type_coerce(Document.published, String)
    return func.coalesce(as_text, "")


def documents_newest_first(session: Session, *, cursor: str | None, limit: int) -> Page:
    """Documents by publication date, newest first (undated last), then by id; keyset-paged."""
    sort = Sort("newest", (_published_text(session), Document.id), (str, str), descending=True)
    page = keyset_page(session, select(Document).options(defer(Document.text)), sort, cursor, limit)
    return Page(page.items, page.next_cursor, session.scalar(select(func.count()).select_from(Document)))


def fact_counts(session: Session, document_ids: list[str]) -> dict[str, dict[str, int]]:
    """Per document: its statements, figures, the events it reports, and how often it names actors."""
    counts = {d: {"statements": 0, "figures": 0, "events": 0, "actors": 0} for d in document_ids}
    for name, column, counted in (
            ("statements", Statement.document_id, func.count()),
            ("figures", Figure.document_id, func.count()),
            ("events", EventMention.document_id, func.count(func.distinct(EventMention.event_id))),
            ("actors", ActorMention.document_id, func.count())):
        rows = session.execute(select(column, counted).where(column.in_(document_ids)).group_by(column))
        for document_id, count in rows:
            counts[document_id][name] = count
    return counts


def document_mentions(session: Session, document_id: str) -> list[tuple[ActorMention, Actor]]:
    """Where one article names actors, in text order."""
    stmt = (select(ActorMention, Actor).join(Actor, Actor.id == ActorMention.actor_id)
            .where(ActorMention.document_id == document_id)
            .order_by(ActorMention.start_char, ActorMention.end_char, ActorMention.actor_id))
    return [(mention, actor) for mention, actor in session.execute(stmt)]


def actor_mentions(session: Session, actor_id: str, *, limit: int) -> list[ActorMention]:
    """The first `limit` places that name one actor, by document then position."""
    stmt = (select(ActorMention).where(ActorMention.actor_id == actor_id)
            .order_by(ActorMention.document_id, ActorMention.start_char).limit(limit))
    return list(session.scalars(stmt))


def documents_by_id(session: Session, document_ids: set[str]) -> dict[str, Document]:
    """Documents with their text, for showing evidence in context."""
    if not document_ids:
        return {}
    return {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(document_ids)))}
