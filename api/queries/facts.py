"""Statements, figures and events: filtered, keyset-paged in a documented order."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from sqlalchemy import Boolean, Connection, Integer, Row, Select, bindparam, func, literal, or_, select
from sqlalchemy.orm import Session

from ..models import Actor, Event, EventMention, Figure, Statement, StatementCluster
from ..models.facts import event_actors, statement_about
from . import driver
from .paging import (
    Branch,
    Page,
    Sort,
    count_of,
    counted,
    merged_keys,
    page_keys,
    page_order,
    page_values,
    split_page,
)

NUMBER = (int, float)

# List pages are read as Core rows, not ORM objects: a page is one query for its rows (their actors
# joined in) plus one batched query per list-valued relation, and api/schemas/rows.py turns each
# row into exactly what the marshmallow schema would dump. Each list's statements are built once
# per shape (which filters are given, which order, first page or a later one), with the filter
# values as bound parameters: a request only binds values to a statement SQLAlchemy has compiled.
FIGURES, STATEMENTS, EVENTS = Figure.__table__, Statement.__table__, Event.__table__
ACTORS, ABOUT, EVENT_ACTORS = Actor.__table__, statement_about, event_actors
MENTIONS = EventMention.__table__
CLUSTERS = StatementCluster.__table__
SHAPES = 512   # statements kept per list: every combination of filters a client has used
IDS = bindparam("ids", expanding=True)


def _given(**filters) -> dict:
    """The filters a request gives: text that is not empty, numbers and dates that are not None."""
    return {name: value for name, value in filters.items()
            if value is not None and not (isinstance(value, str) and not value)}


def _shape(given: dict) -> frozenset:
    return frozenset(given)


def _like(word: str) -> str:
    """A LIKE pattern for text containing `word`, its wildcards escaped with '/'."""
    escaped = word.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def _words(given: dict) -> dict:
    """q="two words" becomes q0, q1: every word must appear (case-insensitively)."""
    q = given.pop("q", None)
    return {**given, **{f"q{i}": _like(word) for i, word in enumerate(q.split())}} if q else given


def _word_filters(column, names) -> list:
    count = sum(1 for name in names if re.fullmatch(r"q\d+", name))
    return [func.lower(column).like(bindparam(f"q{i}"), escape="/") for i in range(count)]


def _with_id(sort: Sort, id_column) -> tuple:
    """The sort's keys with the row id read from another column that equals it (a link table's)."""
    return (*sort.keys[:-1], id_column)


def _page(conn: Connection, statements: tuple[Select, Select], given: dict, sort: Sort, cursor,
          limit) -> Page:
    """A page read on `conn`: the request's connection, asked of the session once per list (each
    ask walks the session's transaction state)."""
    page_stmt, count_stmt = statements
    rows = driver.rows(conn, page_stmt, {**given, **page_values(sort, cursor, limit)})
    items, next_cursor = split_page(rows, sort, limit)
    return Page(items, next_cursor, count=lambda: conn.scalar(count_stmt, given) or 0)


def _related(conn: Connection, stmt: Select, ids: Sequence[int]) -> dict[int, list[Row]]:
    """Rows of a list-valued relation for every item of a page in one query, by item id (the first
    column); the rest of each row is what the item lists."""
    found: dict[int, list] = {i: [] for i in ids}
    if ids:
        for row in driver.rows(conn, stmt, {"ids": list(ids)}):
            found[row[0]].append(row[1:])
    return found


def _statements(branches: list[Branch], sort: Sort, after: bool, rows_of, keys=None) -> tuple[Select, Select]:
    """(the page's rows in sort order, the count of every match); `keys`: the page's keys when they
    are read otherwise than from `branches`."""
    keys = page_keys(branches, sort, after) if keys is None else keys
    return rows_of(keys).order_by(*page_order(keys, sort)), count_of(branches)


# --- statements ---------------------------------------------------------------------------------

STATEMENT_SORTS = {"id": Sort("id", (Statement.id,), (int,))}
SPEAKER = ACTORS.alias("speaker")
STATEMENT_COLUMNS = (STATEMENTS.c.id, STATEMENTS.c.speaker_id, SPEAKER.c.name.label("speaker_name"),
                     STATEMENTS.c.kind, STATEMENTS.c.text, STATEMENTS.c.said_on, STATEMENTS.c.document_id,
                     STATEMENTS.c.start_char, STATEMENTS.c.end_char, STATEMENTS.c.evidence_text,
                     STATEMENTS.c.revision, STATEMENTS.c.cluster_id)
STATEMENT_EQUALS = {"speaker": STATEMENTS.c.speaker_id, "kind": STATEMENTS.c.kind,
                    "document": STATEMENTS.c.document_id}
ABOUT_OF_PAGE = (select(ABOUT.c.statement_id, ACTORS.c.id, ACTORS.c.name)
                 .join(ACTORS, ACTORS.c.id == ABOUT.c.actor_id).where(ABOUT.c.statement_id.in_(IDS))
                 .order_by(ABOUT.c.statement_id, ACTORS.c.id))


@lru_cache(maxsize=SHAPES)
def _statement_statements(names: frozenset, sort: str, after: bool) -> tuple[Select, Select]:
    where = [column == bindparam(name) for name, column in STATEMENT_EQUALS.items() if name in names]
    if "about" in names:
        where.append(STATEMENTS.c.id.in_(select(ABOUT.c.statement_id)
                                         .where(ABOUT.c.actor_id == bindparam("about"))))
    where += _word_filters(STATEMENTS.c.text, names)
    if "said_from" in names:
        where.append(STATEMENTS.c.said_on >= bindparam("said_from"))
    if "said_to" in names:
        where.append(STATEMENTS.c.said_on <= bindparam("said_to"))
    if "corroborated" in names:   # another document reports the same remark (a cluster), or not
        where.append(STATEMENTS.c.cluster_id.is_not(None) == bindparam("corroborated", type_=Boolean))
    if "min_outlets" in names:    # one outlet reports every statement; more, only clustered ones
        where.append(or_(bindparam("min_outlets", type_=Integer) <= 1, STATEMENTS.c.cluster_id.in_(
            select(CLUSTERS.c.id).where(CLUSTERS.c.outlets >= bindparam("min_outlets", type_=Integer)))))
    if "updated_since" in names:
        where.append(STATEMENTS.c.revision > bindparam("updated_since"))
    order = STATEMENT_SORTS[sort]
    base = select(STATEMENTS.c.id).where(*where)
    if "actor" in names:   # spoke it (one index), or it is about the actor (the link table's index)
        branches = [Branch(base.where(STATEMENTS.c.speaker_id == bindparam("actor")), order.keys),
                    Branch(base.join(ABOUT, ABOUT.c.statement_id == STATEMENTS.c.id)
                           .where(ABOUT.c.actor_id == bindparam("actor")),
                           _with_id(order, ABOUT.c.statement_id))]
    else:
        branches = [Branch(base, order.keys)]

    def rows_of(keys):
        return (select(*STATEMENT_COLUMNS, *keys.c)
                .select_from(keys.join(STATEMENTS, STATEMENTS.c.id == list(keys.c)[-1]))
                .join(SPEAKER, SPEAKER.c.id == STATEMENTS.c.speaker_id))
    return _statements(branches, order, after, rows_of)


def list_statements(session: Session, *, cursor=None, limit=50, updated_since=None, speaker=None,
                    about=None, kind=None, document=None, actor=None, q=None,
                    said_from: date | None = None, said_to: date | None = None, corroborated=None,
                    min_outlets=None, sort="id") -> Page:
    """Items: (statement row, [(actor id, name) it is about])."""
    given = _words(_given(updated_since=updated_since, speaker=speaker, about=about, kind=kind,
                          document=document, actor=actor, q=q, said_from=said_from, said_to=said_to,
                          corroborated=corroborated, min_outlets=min_outlets))
    statements = _statement_statements(_shape(given), sort, cursor is not None)
    conn = session.connection()
    page = _page(conn, statements, given, STATEMENT_SORTS[sort], cursor, limit)
    about_of = _related(conn, ABOUT_OF_PAGE, [row[0] for row in page.items])
    return Page([(row, about_of[row[0]]) for row in page.items], page.next_cursor, count=page.count)


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
                  FIGURES.c.revision, FIGURES.c.claim_id)
FIGURE_EQUALS = {"metric": FIGURES.c.metric, "subject": FIGURES.c.subject_id, "source": FIGURES.c.source_id,
                 "document": FIGURES.c.document_id, "unit": FIGURES.c.unit, "qualifier": FIGURES.c.qualifier}


@lru_cache(maxsize=SHAPES)
def _figure_statements(names: frozenset, sort: str, after: bool) -> tuple[Select, Select]:
    where = [column == bindparam(name) for name, column in FIGURE_EQUALS.items() if name in names]
    if "min_value" in names:
        where.append(FIGURES.c.value >= bindparam("min_value"))
    if "max_value" in names:
        where.append(FIGURES.c.value <= bindparam("max_value"))
    if "updated_since" in names:
        where.append(FIGURES.c.revision > bindparam("updated_since"))
    order = FIGURE_SORTS[sort]
    base = select(FIGURES.c.id).where(*where)
    if "actor" in names:   # whose number it is, or who asserts it: each read from its own index
        branches = [Branch(base.where(FIGURES.c.subject_id == bindparam("actor")), order.keys),
                    Branch(base.where(FIGURES.c.source_id == bindparam("actor")), order.keys)]
    else:
        branches = [Branch(base, order.keys)]

    def rows_of(keys):
        return (select(*FIGURE_COLUMNS, *keys.c)
                .select_from(keys.join(FIGURES, FIGURES.c.id == list(keys.c)[-1]))
                .outerjoin(SUBJECT, SUBJECT.c.id == FIGURES.c.subject_id)
                .outerjoin(SOURCE, SOURCE.c.id == FIGURES.c.source_id))
    return _statements(branches, order, after, rows_of)


def list_figures(session: Session, *, cursor=None, limit=50, updated_since=None, metric=None,
                 subject=None, source=None, document=None, actor=None, unit=None, qualifier=None,
                 min_value=None, max_value=None, sort="id") -> Page:
    """Items: figure rows, subject and source names joined in."""
    given = _given(updated_since=updated_since, metric=metric, subject=subject, source=source,
                   document=document, actor=actor, unit=unit, qualifier=qualifier, min_value=min_value,
                   max_value=max_value)
    statements = _figure_statements(_shape(given), sort, cursor is not None)
    return _page(session.connection(), statements, given, FIGURE_SORTS[sort], cursor, limit)


# --- events -------------------------------------------------------------------------------------
# Dates are text of varying precision: "2024", "2024-06", "2024-06-25". An event covers the period
# from its first to its last possible day. Sorting pads them to comparable ISO strings ("2024-06"
# sorts as "2024-06-01"). Filtering compares the column itself, so the (date, id) index serves it:
# a period starts on or before day `to` exactly when its text sorts <= `to` (a prefix sorts
# first), and ends on or after day `from` exactly when it is from's year, from's month, or sorts
# >= `from`.
# On SQLite a window of a few weeks in id order (a dashboard's "this month") reads neither: it holds
# few date texts (each of its days, the months and years that start in it, from's month and year),
# each one run of the (date, id) index already in id order, and the runs are merged
# (paging.merged_keys): a page costs a seek per text, not a sort of every event of the window.

# Undated events sort last both ways.
EVENT_DATE_KEY_ASC = func.coalesce(func.substr(Event.date + literal("-01-01"), 1, 10), "9999-99-99")
EVENT_DATE_KEY_DESC = func.coalesce(func.substr(Event.date + literal("-01-01"), 1, 10), "0000-00-00")

EVENT_SORTS = {
    "id": Sort("id", (Event.id,), (int,)),
    "date": Sort("date", (EVENT_DATE_KEY_ASC, Event.id), (str, int)),
    "-date": Sort("-date", (EVENT_DATE_KEY_DESC, Event.id), (str, int), descending=True),
}
EVENT_COLUMNS = (EVENTS.c.id, EVENTS.c.kind, EVENTS.c.title, EVENTS.c.date, EVENTS.c.precision,
                 EVENTS.c.location, EVENTS.c.series, EVENTS.c.conflict, EVENTS.c.revision,
                 EVENTS.c.thread_id)
ACTORS_OF_PAGE = (select(EVENT_ACTORS.c.event_id, ACTORS.c.id, ACTORS.c.name)
                  .join(ACTORS, ACTORS.c.id == EVENT_ACTORS.c.actor_id)
                  .where(EVENT_ACTORS.c.event_id.in_(IDS))
                  # the link's key (event_id, actor_id) is already in this order: no sort
                  .order_by(EVENT_ACTORS.c.event_id, EVENT_ACTORS.c.actor_id))
MENTIONS_OF_PAGE = (select(MENTIONS.c.event_id, MENTIONS.c.document_id, MENTIONS.c.start_char,
                           MENTIONS.c.end_char, MENTIONS.c.evidence_text)
                    .where(MENTIONS.c.event_id.in_(IDS))
                    .order_by(MENTIONS.c.event_id, MENTIONS.c.document_id, MENTIONS.c.start_char))


def period_values(date_from: date | None, date_to: date | None) -> dict:
    """The bound values of period_branches() for [from, to]."""
    values = {}
    if date_from:
        day = date_from.isoformat()
        values.update(from_year=day[:4], from_month=day[:7], from_day=day)
    if date_to:
        values["to_day"] = date_to.isoformat()
    return values


WINDOW_DAYS = 62   # a longer window is read as ranges of the index (period_branches)


def _months(start: date, end: date) -> list[str]:
    year, month, months = start.year, start.month, []
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@lru_cache(maxsize=SHAPES)
def window_texts(date_from: date, date_to: date) -> Mapping[str, str]:
    """Every date text whose period meets [from, to], as period_branches() selects them, bound as
    date_text0, date_text1...; none for a window longer than WINDOW_DAYS days.

    Dates are ISO text of a year, a month or a day (api/extract/dates.py writes them from dates):
    the days listed are 01 to 31 of each month, so a day no calendar has still matches as the
    range would match it."""
    if (date_to - date_from).days > WINDOW_DAYS:
        return MappingProxyType({})
    bounds = period_values(date_from, date_to)
    months = _months(date_from, date_to)
    texts = {bounds["from_year"], bounds["from_month"], *months,
             *(f"{year:04d}" for year in range(date_from.year, date_to.year + 1)),
             *(f"{month}-{day:02d}" for month in months for day in range(1, 32))}
    inside = sorted(t for t in texts if t <= bounds["to_day"] and (
        t >= bounds["from_day"] or t in (bounds["from_year"], bounds["from_month"])))
    return MappingProxyType({f"date_text{i}": text for i, text in enumerate(inside)})


def period_branches(names) -> list[list]:
    """The event's period meets [from, to] (bound by period_values; undated events never do), as
    conditions that never hold together, each one range of the (date, id) index: the year of
    `from`, its month, or a day from `from` on. Each gives its own page, merged after: an OR of
    them would collect every event of the window before sorting it (ten times the cost of a page
    for one month of a million facts)."""
    to = [EVENTS.c.date <= bindparam("to_day")] if "to_day" in names else []
    if "from_day" not in names:
        return [[EVENTS.c.date.is_not(None), *to]]
    return [[EVENTS.c.date == bindparam("from_year"), *to], [EVENTS.c.date == bindparam("from_month"), *to],
            [EVENTS.c.date >= bindparam("from_day"), *to]]


@lru_cache(maxsize=SHAPES)
def _event_statements(names: frozenset, sort: str, after: bool) -> tuple[Select, Select]:
    where = []
    if "kind" in names:
        where.append(EVENTS.c.kind == bindparam("kind"))
    if "document" in names:
        where.append(EVENTS.c.id.in_(select(MENTIONS.c.event_id)
                                     .where(MENTIONS.c.document_id == bindparam("document"))))
    if "updated_since" in names:
        where.append(EVENTS.c.revision > bindparam("updated_since"))
    order = EVENT_SORTS[sort]
    base, keys = select(EVENTS.c.id).where(*where), order.keys
    if "actor" in names:   # read in order from the link table's (actor_id, event_id) index
        base = (base.join(EVENT_ACTORS, EVENT_ACTORS.c.event_id == EVENTS.c.id)
                .where(EVENT_ACTORS.c.actor_id == bindparam("actor")))
        keys = _with_id(order, EVENT_ACTORS.c.event_id)
    periods = period_branches(names) if "from_day" in names or "to_day" in names else [[]]
    branches = [Branch(base.where(*period), keys) for period in periods]
    texts = sum(1 for name in names if name.startswith("date_text"))   # bound by window_texts()
    runs = [Branch(base.where(EVENTS.c.date == bindparam(f"date_text{i}")), keys) for i in range(texts)]

    def rows_of(keys):
        return select(*EVENT_COLUMNS, *keys.c).select_from(keys.join(EVENTS, EVENTS.c.id == list(keys.c)[-1]))
    # The count reads the window's ranges: it needs no order.
    return _statements(branches, order, after, rows_of, merged_keys(runs, order, after) if runs else None)


def list_events(session: Session, *, cursor=None, limit=50, updated_since=None, kind=None,
                document=None, actor=None, date_from: date | None = None, date_to: date | None = None,
                sort="id") -> Page:
    """Items: (event row, [(actor id, name)], [(document id, start, end, text) of each mention])."""
    filters = _given(updated_since=updated_since, kind=kind, document=document, actor=actor)
    given = {**filters, **period_values(date_from, date_to)}
    conn = session.connection()
    # A short window alone, in id order, on SQLite: its date texts merged. (Another filter could lead
    # the planner to read each text's run from that filter's index, once per text; PostgreSQL's
    # top-N sort of a month's ids costs less than starting an index scan per text.)
    if date_from and date_to and sort == "id" and not filters and conn.dialect.name == "sqlite":
        given.update(window_texts(date_from, date_to))
    statements = _event_statements(_shape(given), sort, cursor is not None)
    page = _page(conn, statements, given, EVENT_SORTS[sort], cursor, limit)
    ids = [row[0] for row in page.items]
    actors_of = _related(conn, ACTORS_OF_PAGE, ids)
    mentions_of = _related(conn, MENTIONS_OF_PAGE, ids)
    return Page([(row, actors_of[row[0]], mentions_of[row[0]]) for row in page.items], page.next_cursor,
                count=page.count)


# --- a page as ORM objects ----------------------------------------------------------------------

def as_models(session: Session, model, page: Page) -> Page:
    """The same page with its items as ORM objects (for HTML pages that read relations), in page
    order, and its total counted."""
    # Figures are rows (their id first); statements and events (row, related lists...).
    ids = [item[0] if isinstance(item[0], int) else item[0][0] for item in page.items]
    by_id = {obj.id: obj for obj in session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}
    return counted(Page([by_id[i] for i in ids], page.next_cursor, count=page.count))


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
