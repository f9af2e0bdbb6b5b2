"""Statements, figures and events: filtered, keyset-paged in a documented order."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Row, func, literal, or_, select
from sqlalchemy.orm import Session

from ..models import Actor, Event, EventMention, Figure, Statement
from ..models.facts import event_actors, statement_about
from .paging import Branch, Page, Sort, counter, page_keys, page_order, split_page

NUMBER = (int, float)

# List pages are read as Core rows, not ORM objects: a page is one query for its rows (their actors
# joined in) plus one batched query per list-valued relation, and api/schemas/rows.py turns each
# row into exactly what the marshmallow schema would dump.
FIGURES, STATEMENTS, EVENTS = Figure.__table__, Statement.__table__, Event.__table__
ACTORS, ABOUT, EVENT_ACTORS = Actor.__table__, statement_about, event_actors
MENTIONS = EventMention.__table__


def _words(column, q: str) -> list:
    """Every word of `q` appears in `column`, case-insensitively (LIKE wildcards are escaped)."""
    return [func.lower(column).contains(word.lower(), autoescape=True) for word in q.split()]


def _since(table, where: list, updated_since) -> list:
    return where if updated_since is None else [*where, table.c.revision > updated_since]


def _with_id(sort: Sort, id_column) -> tuple:
    """The sort's keys with the row id read from another column that equals it (a link table's)."""
    return (*sort.keys[:-1], id_column)


def _page(session: Session, branches: list[Branch], sort: Sort, cursor, limit, rows_of) -> Page:
    """One page: its keys from the branches' indexes, then `rows_of(keys subquery)` in sort order."""
    keys = page_keys(branches, sort, cursor, limit)
    rows, next_cursor = split_page(session.execute(rows_of(keys).order_by(*page_order(keys, sort))).all(),
                                   sort, limit)
    return Page(rows, next_cursor, count=counter(session, branches))


def _related(session: Session, stmt, ids: Sequence[int]) -> dict[int, list[Row]]:
    """Rows of a list-valued relation for every item of a page in one query, by item id (the first
    column); the rest of each row is what the item lists."""
    found: dict[int, list] = {i: [] for i in ids}
    if ids:
        for row in session.execute(stmt):
            found[row[0]].append(row[1:])
    return found


# --- statements ---------------------------------------------------------------------------------

STATEMENT_SORTS = {"id": Sort("id", (Statement.id,), (int,))}
SPEAKER = ACTORS.alias("speaker")
STATEMENT_COLUMNS = (STATEMENTS.c.id, STATEMENTS.c.speaker_id, SPEAKER.c.name.label("speaker_name"),
                     STATEMENTS.c.kind, STATEMENTS.c.text, STATEMENTS.c.said_on, STATEMENTS.c.document_id,
                     STATEMENTS.c.start_char, STATEMENTS.c.end_char, STATEMENTS.c.evidence_text,
                     STATEMENTS.c.revision)


def _about_ids(actor: str):
    return select(ABOUT.c.statement_id).where(ABOUT.c.actor_id == actor)


def list_statements(session: Session, *, cursor=None, limit=50, updated_since=None, speaker=None,
                    about=None, kind=None, document=None, actor=None, q=None,
                    said_from: date | None = None, said_to: date | None = None, sort="id") -> Page:
    """Items: (statement row, [(actor id, name) it is about])."""
    where = []
    if speaker:
        where.append(STATEMENTS.c.speaker_id == speaker)
    if about:
        where.append(STATEMENTS.c.id.in_(_about_ids(about)))
    if kind:
        where.append(STATEMENTS.c.kind == kind)
    if document:
        where.append(STATEMENTS.c.document_id == document)
    if q:
        where.extend(_words(STATEMENTS.c.text, q))
    if said_from:
        where.append(STATEMENTS.c.said_on >= said_from)
    if said_to:
        where.append(STATEMENTS.c.said_on <= said_to)
    where = _since(STATEMENTS, where, updated_since)
    order = STATEMENT_SORTS[sort]
    base = select(STATEMENTS.c.id).where(*where)
    if actor:   # spoke it (one index), or it is about the actor (the link table's index)
        branches = [Branch(base.where(STATEMENTS.c.speaker_id == actor), order.keys),
                    Branch(base.join(ABOUT, ABOUT.c.statement_id == STATEMENTS.c.id)
                           .where(ABOUT.c.actor_id == actor), _with_id(order, ABOUT.c.statement_id))]
    else:
        branches = [Branch(base, order.keys)]

    def rows_of(keys):
        return (select(*STATEMENT_COLUMNS, *keys.c)
                .select_from(keys.join(STATEMENTS, STATEMENTS.c.id == list(keys.c)[-1]))
                .join(SPEAKER, SPEAKER.c.id == STATEMENTS.c.speaker_id))

    page = _page(session, branches, order, cursor, limit, rows_of)
    ids = [row.id for row in page.items]
    about_of = _related(session, select(ABOUT.c.statement_id, ACTORS.c.id, ACTORS.c.name)
                        .join(ACTORS, ACTORS.c.id == ABOUT.c.actor_id).where(ABOUT.c.statement_id.in_(ids))
                        .order_by(ABOUT.c.statement_id, ACTORS.c.id), ids)
    return Page([(row, about_of[row.id]) for row in page.items], page.next_cursor, count=page.count)


# --- figures ------------------------------------------------------------------------------------

FIGURE_SORTS = {
    "id": Sort("id", (Figure.id,), (int,)),
    "value": Sort("value", (Figure.value, Figure.id), (NUMBER, int)),
    "-value": Sort("-value", (Figure.value, Figure.id), (NUMBER, int), descending=True),
}
SUBJECT, SOURCE = ACTORS.alias("subject"), ACTORS.alias("source")
FIGURE_COLUMNS = (FIGURES.c.id, FIGURES.c.value, FIGURES.c.unit, FIGURES.c.metric, FIGURES.c.qualifier,
                  FIGURES.c.subject_id, SUBJECT.c.name.label("subject_name"), FIGURES.c.source_id,
                  SOURCE.c.name.label("source_name"), FIGURES.c.as_of, FIGURES.c.statement_id,
                  FIGURES.c.document_id, FIGURES.c.start_char, FIGURES.c.end_char, FIGURES.c.evidence_text,
                  FIGURES.c.revision)


def list_figures(session: Session, *, cursor=None, limit=50, updated_since=None, metric=None,
                 subject=None, source=None, document=None, actor=None, unit=None, qualifier=None,
                 min_value=None, max_value=None, sort="id") -> Page:
    """Items: figure rows, subject and source names joined in."""
    where = []
    for column, wanted in ((FIGURES.c.metric, metric), (FIGURES.c.subject_id, subject),
                           (FIGURES.c.source_id, source), (FIGURES.c.document_id, document),
                           (FIGURES.c.unit, unit), (FIGURES.c.qualifier, qualifier)):
        if wanted:
            where.append(column == wanted)
    if min_value is not None:
        where.append(FIGURES.c.value >= min_value)
    if max_value is not None:
        where.append(FIGURES.c.value <= max_value)
    where = _since(FIGURES, where, updated_since)
    order = FIGURE_SORTS[sort]
    base = select(FIGURES.c.id).where(*where)
    if actor:   # whose number it is, or who asserts it: each read from its own index
        branches = [Branch(base.where(FIGURES.c.subject_id == actor), order.keys),
                    Branch(base.where(FIGURES.c.source_id == actor), order.keys)]
    else:
        branches = [Branch(base, order.keys)]

    def rows_of(keys):
        return (select(*FIGURE_COLUMNS, *keys.c)
                .select_from(keys.join(FIGURES, FIGURES.c.id == list(keys.c)[-1]))
                .outerjoin(SUBJECT, SUBJECT.c.id == FIGURES.c.subject_id)
                .outerjoin(SOURCE, SOURCE.c.id == FIGURES.c.source_id))

    return _page(session, branches, order, cursor, limit, rows_of)


# --- events -------------------------------------------------------------------------------------
# Dates are text of varying precision: "2024", "2024-06", "2024-06-25". An event covers the period
# from its first to its last possible day. Sorting pads them to comparable ISO strings ("2024-06"
# sorts as "2024-06-01"). Filtering compares the column itself, so the (date, id) index serves it:
# a period starts on or before day `to` exactly when its text sorts <= `to` (a prefix sorts
# first), and ends on or after day `from` exactly when it is from's year, from's month, or sorts
# >= `from`.

# Undated events sort last both ways.
EVENT_DATE_KEY_ASC = func.coalesce(func.substr(Event.date + literal("-01-01"), 1, 10), "9999-99-99")
EVENT_DATE_KEY_DESC = func.coalesce(func.substr(Event.date + literal("-01-01"), 1, 10), "0000-00-00")

EVENT_SORTS = {
    "id": Sort("id", (Event.id,), (int,)),
    "date": Sort("date", (EVENT_DATE_KEY_ASC, Event.id), (str, int)),
    "-date": Sort("-date", (EVENT_DATE_KEY_DESC, Event.id), (str, int), descending=True),
}
EVENT_COLUMNS = (EVENTS.c.id, EVENTS.c.kind, EVENTS.c.title, EVENTS.c.date, EVENTS.c.precision,
                 EVENTS.c.location, EVENTS.c.series, EVENTS.c.conflict, EVENTS.c.revision)


def period_overlaps(date_from: date | None, date_to: date | None) -> list:
    """The event's period meets [from, to]; undated events never do."""
    where = [EVENTS.c.date.is_not(None)]
    if date_from:
        day = date_from.isoformat()
        where.append(or_(EVENTS.c.date.in_([day[:4], day[:7]]), EVENTS.c.date >= day))
    if date_to:
        where.append(EVENTS.c.date <= date_to.isoformat())
    return where


def list_events(session: Session, *, cursor=None, limit=50, updated_since=None, kind=None,
                document=None, actor=None, date_from: date | None = None, date_to: date | None = None,
                sort="id") -> Page:
    """Items: (event row, [(actor id, name)], [(document id, start, end, text) of each mention])."""
    where = []
    if kind:
        where.append(EVENTS.c.kind == kind)
    if document:
        where.append(EVENTS.c.id.in_(select(MENTIONS.c.event_id).where(MENTIONS.c.document_id == document)))
    if date_from or date_to:
        where.extend(period_overlaps(date_from, date_to))
    where = _since(EVENTS, where, updated_since)
    order = EVENT_SORTS[sort]
    base = select(EVENTS.c.id).where(*where)
    if actor:   # read in order from the link table's (actor_id, event_id) index
        branches = [Branch(base.join(EVENT_ACTORS, EVENT_ACTORS.c.event_id == EVENTS.c.id)
                           .where(EVENT_ACTORS.c.actor_id == actor),
                           _with_id(order, EVENT_ACTORS.c.event_id))]
    else:
        branches = [Branch(base, order.keys)]

    def rows_of(keys):
        return select(*EVENT_COLUMNS, *keys.c).select_from(keys.join(EVENTS, EVENTS.c.id == list(keys.c)[-1]))

    page = _page(session, branches, order, cursor, limit, rows_of)
    ids = [row.id for row in page.items]
    actors_of = _related(session, select(EVENT_ACTORS.c.event_id, ACTORS.c.id, ACTORS.c.name)
                         .join(ACTORS, ACTORS.c.id == EVENT_ACTORS.c.actor_id)
                         .where(EVENT_ACTORS.c.event_id.in_(ids))
                         .order_by(EVENT_ACTORS.c.event_id, ACTORS.c.id), ids)
    mentions_of = _related(session, select(MENTIONS.c.event_id, MENTIONS.c.document_id, MENTIONS.c.start_char,
                                           MENTIONS.c.end_char, MENTIONS.c.evidence_text)
                           .where(MENTIONS.c.event_id.in_(ids))
                           .order_by(MENTIONS.c.event_id, MENTIONS.c.document_id, MENTIONS.c.start_char), ids)
    return Page([(row, actors_of[row.id], mentions_of[row.id]) for row in page.items], page.next_cursor,
                count=page.count)


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
