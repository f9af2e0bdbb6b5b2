"""Statements, figures and events: filtered, keyset-paged in a documented order."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, literal, or_, select
from sqlalchemy.orm import Session

from ..models import Event, EventMention, Figure, Statement
from ..models.facts import event_actors, statement_about
from .paging import Page, Sort, keyset_page

NUMBER = (int, float)


def _page(session: Session, model, where: list, sort: Sort, cursor, limit, updated_since) -> Page:
    if updated_since is not None:
        where = [*where, model.revision > updated_since]
    page = keyset_page(session, select(model).where(*where), sort, cursor, limit)
    total = session.scalar(select(func.count()).select_from(model).where(*where))
    return Page(page.items, page.next_cursor, total)


def _words(column, q: str) -> list:
    """Every word of `q` appears in `column`, case-insensitively (LIKE wildcards are escaped)."""
    return [func.lower(column).contains(word.lower(), autoescape=True) for word in q.split()]


# --- statements ---------------------------------------------------------------------------------

STATEMENT_SORTS = {"id": Sort("id", (Statement.id,), (int,))}


def list_statements(session: Session, *, cursor=None, limit=50, updated_since=None, speaker=None,
                    about=None, kind=None, document=None, actor=None, q=None,
                    said_from: date | None = None, said_to: date | None = None, sort="id") -> Page:
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
    if q:
        where.extend(_words(Statement.text, q))
    if said_from:
        where.append(Statement.said_on >= said_from)
    if said_to:
        where.append(Statement.said_on <= said_to)
    return _page(session, Statement, where, STATEMENT_SORTS[sort], cursor, limit, updated_since)


# --- figures ------------------------------------------------------------------------------------

FIGURE_SORTS = {
    "id": Sort("id", (Figure.id,), (int,)),
    "value": Sort("value", (Figure.value, Figure.id), (NUMBER, int)),
    "-value": Sort("-value", (Figure.value, Figure.id), (NUMBER, int), descending=True),
}


def list_figures(session: Session, *, cursor=None, limit=50, updated_since=None, metric=None,
                 subject=None, source=None, document=None, actor=None, unit=None, qualifier=None,
                 min_value=None, max_value=None, sort="id") -> Page:
    where = []
    for column, wanted in ((Figure.metric, metric), (Figure.subject_id, subject),
                           (Figure.source_id, source), (Figure.document_id, document),
                           (Figure.unit, unit), (Figure.qualifier, qualifier)):
        if wanted:
            where.append(column == wanted)
    if actor:   # whose number it is, or who asserts it
        where.append(or_(Figure.subject_id == actor, Figure.source_id == actor))
    if min_value is not None:
        where.append(Figure.value >= min_value)
    if max_value is not None:
        where.append(Figure.value <= max_value)
    return _page(session, Figure, where, FIGURE_SORTS[sort], cursor, limit, updated_since)


# --- events -------------------------------------------------------------------------------------
# Dates are text of varying precision: "2024", "2024-06", "2024-06-25". An event covers the period
# from its first to its last possible day; padding makes both comparable as ISO strings:
# "2024-06" starts at "2024-06-01" and ends before "2024-06-31" (no real date sorts after it).

EVENT_START = func.substr(func.coalesce(Event.date, "") + literal("-01-01"), 1, 10)
EVENT_END = func.substr(func.coalesce(Event.date, "") + literal("-31-31"), 1, 10)
# Undated events sort last both ways.
EVENT_DATE_KEY_ASC = func.coalesce(func.substr(Event.date + literal("-01-01"), 1, 10), "9999-99-99")
EVENT_DATE_KEY_DESC = func.coalesce(func.substr(Event.date + literal("-01-01"), 1, 10), "0000-00-00")

EVENT_SORTS = {
    "id": Sort("id", (Event.id,), (int,)),
    "date": Sort("date", (EVENT_DATE_KEY_ASC, Event.id), (str, int)),
    "-date": Sort("-date", (EVENT_DATE_KEY_DESC, Event.id), (str, int), descending=True),
}


def list_events(session: Session, *, cursor=None, limit=50, updated_since=None, kind=None,
                document=None, actor=None, date_from: date | None = None, date_to: date | None = None,
                sort="id") -> Page:
    where = []
    if kind:
        where.append(Event.kind == kind)
    if document:
        where.append(Event.mentions.any(EventMention.document_id == document))
    if actor:
        where.append(Event.id.in_(select(event_actors.c.event_id).where(event_actors.c.actor_id == actor)))
    if date_from or date_to:   # the event's period overlaps [from, to]; undated events never do
        where.append(Event.date.is_not(None))
    if date_from:
        where.append(EVENT_END >= date_from.isoformat())
    if date_to:
        where.append(EVENT_START <= date_to.isoformat())
    return _page(session, Event, where, EVENT_SORTS[sort], cursor, limit, updated_since)


# --- one document's facts -----------------------------------------------------------------------

def document_facts(session: Session, document_id: str) -> dict[str, list]:
    """Every statement, figure and event of one article, in the order the text gives them."""
    mentioned = select(EventMention.event_id).where(EventMention.document_id == document_id)
    return {
        "statements": list(session.scalars(select(Statement).where(Statement.document_id == document_id)
                                           .order_by(Statement.start_char, Statement.id))),
        "figures": list(session.scalars(select(Figure).where(Figure.document_id == document_id)
                                        .order_by(Figure.start_char, Figure.id))),
        "events": list(session.scalars(select(Event).where(Event.id.in_(mentioned)).order_by(Event.id))),
    }
