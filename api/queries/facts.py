"""Statements, figures and events: filtered, keyset-paged by id."""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..models import Event, EventMention, Figure, Statement
from ..models.facts import event_actors, statement_about
from .paging import Page, keyset_page


def _page(session: Session, model, where: list, cursor, limit, updated_since) -> Page:
    if updated_since is not None:
        where = [*where, model.revision > updated_since]
    page = keyset_page(session, select(model).where(*where), [model.id], cursor, limit, lambda r: (r.id,))
    total = session.scalar(select(func.count()).select_from(model).where(*where))
    return Page(page.items, page.next_cursor, total)


def list_statements(session: Session, *, cursor=None, limit=50, updated_since=None, speaker=None,
                    about=None, kind=None, document=None, actor=None) -> Page:
    where = []
    if speaker:
        where.append(Statement.speaker_id == speaker)
    if about:
        where.append(Statement.about.any(id=about))
    if actor:   # spoke it, or is what it is about
        where.append(or_(Statement.speaker_id == actor, Statement.id.in_(
            select(statement_about.c.statement_id).where(statement_about.c.actor_id == actor))))
    if kind:
        where.append(Statement.kind == kind)
    if document:
        where.append(Statement.document_id == document)
    return _page(session, Statement, where, cursor, limit, updated_since)


def list_figures(session: Session, *, cursor=None, limit=50, updated_since=None, metric=None,
                 subject=None, source=None, document=None, actor=None) -> Page:
    where = []
    if metric:
        where.append(Figure.metric == metric)
    if subject:
        where.append(Figure.subject_id == subject)
    if source:
        where.append(Figure.source_id == source)
    if actor:   # whose number it is, or who asserts it
        where.append(or_(Figure.subject_id == actor, Figure.source_id == actor))
    if document:
        where.append(Figure.document_id == document)
    return _page(session, Figure, where, cursor, limit, updated_since)


def list_events(session: Session, *, cursor=None, limit=50, updated_since=None, kind=None,
                document=None, actor=None) -> Page:
    where = []
    if kind:
        where.append(Event.kind == kind)
    if document:
        where.append(Event.mentions.any(EventMention.document_id == document))
    if actor:
        where.append(Event.id.in_(select(event_actors.c.event_id).where(event_actors.c.actor_id == actor)))
    return _page(session, Event, where, cursor, limit, updated_since)
