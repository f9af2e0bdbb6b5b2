"""Counts of statements, figures and events per group (speaker, actor, kind, month, document...),
under the same filters as their lists, keyset-paged over the groups.

A group's count is exactly the `meta.total` of the list it summarizes (its `list` link): a fact
with several actors (a statement's speaker and what it is about, an event's participants) or
documents (an event reported by several) counts once in each of their groups. Facts without a
value for the key (an undated statement by month) form one group whose key is null.
Figures also get the smallest, largest and latest value of each group (latest: the latest
`as_of`, then the last written).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Integer, String, and_, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ..models import Actor, Event, EventMention, Figure, Statement, StatementCluster
from ..models.facts import event_actors, statement_about
from .paging import Page, Sort, keyset_page

NO_KEY = ""     # a null key, as sorted and paged: no actor id, document id, kind or month is empty


# The lists' filters as conditions on the models (the lists build the same filters for their own
# cached statements in api/queries/facts.py; tests/web/test_summary.py holds the two equal).

def _words(column, q: str) -> list:
    return [func.lower(column).contains(word.lower(), autoescape=True) for word in q.split()]


EVENT_START = func.substr(func.coalesce(Event.date, "") + literal("-01-01"), 1, 10)
EVENT_END = func.substr(func.coalesce(Event.date, "") + literal("-31-31"), 1, 10)


def statement_where(*, speaker=None, about=None, kind=None, document=None, actor=None, q=None,
                    said_from: date | None = None, said_to: date | None = None, corroborated=None,
                    min_outlets=None) -> list:
    """The list's filters as conditions (the summary of statements takes the same)."""
    where = []
    if corroborated is not None:
        where.append(Statement.cluster_id.is_not(None) if corroborated else Statement.cluster_id.is_(None))
    if min_outlets and min_outlets > 1:   # one outlet reports every statement
        where.append(Statement.cluster_id.in_(select(StatementCluster.id)
                                              .where(StatementCluster.outlets >= min_outlets)))
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
    return where


def figure_where(*, metric=None, subject=None, source=None, document=None, actor=None, unit=None,
                 qualifier=None, min_value=None, max_value=None) -> list:
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
    return where


def event_where(*, kind=None, document=None, actor=None, date_from: date | None = None,
                date_to: date | None = None) -> list:
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
    return where


def _month(column):
    """YYYY-MM of a date or of YYYY[-MM[-DD]] text; NO_KEY when it has no month."""
    text = cast(column, String)
    return func.coalesce(func.nullif(func.substr(text, 1, 7), func.substr(text, 1, 4)), NO_KEY)


# Each grouping is read as parts grouped by a stored column (so an index on that column, with the
# value and as_of for figures, serves it without reading the rows), then regrouped by the key: a
# month from its dates, null as NO_KEY, and a fact counted once per key it has (an actor who both
# says a statement and is what it is about counts it once).

def _part(raw, *where, extra=(), count=None):
    return select(raw.label("raw"), (count if count is not None else func.count()).label("n"), *extra) \
        .where(*where).group_by(raw)


def _statement_parts(by: str, where: list) -> list:
    if by == "actor":    # spoke it, or is what it is about (and did not also speak it)
        about = statement_about.c
        return [_part(Statement.speaker_id, *where),
                _part(about.actor_id, *where, or_(Statement.speaker_id.is_(None),
                                                  Statement.speaker_id != about.actor_id))
                .select_from(statement_about.join(Statement, Statement.id == about.statement_id))]
    column = {"speaker": Statement.speaker_id, "kind": Statement.kind, "document": Statement.document_id,
              "month": Statement.said_on}[by]
    return [_part(column, *where)]


FIGURE_COLUMNS = {"subject": Figure.subject_id, "source": Figure.source_id, "metric": Figure.metric,
                  "unit": Figure.unit, "document": Figure.document_id, "month": Figure.as_of}


def _figure_parts(by: str, where: list) -> list:
    extra = (func.min(Figure.value).label("lo"), func.max(Figure.value).label("hi"))
    if by == "actor":    # whose number, or who asserts it (when not the same actor)
        return [_part(Figure.subject_id, *where, Figure.subject_id.is_not(None), extra=extra),
                _part(Figure.source_id, *where, Figure.source_id.is_not(None),
                      or_(Figure.subject_id.is_(None), Figure.source_id != Figure.subject_id), extra=extra)]
    return [_part(FIGURE_COLUMNS[by], *where, extra=extra)]


def _event_parts(by: str, where: list) -> list:
    def of_events(column) -> list:     # no filter: every row, without asking the events table
        return [column.in_(select(Event.id).where(*where))] if where else []
    if by == "actor":
        return [_part(event_actors.c.actor_id, *of_events(event_actors.c.event_id))]
    if by == "document":   # an event reported twice in one document counts once there
        return [_part(EventMention.document_id, *of_events(EventMention.event_id),
                      count=func.count(func.distinct(EventMention.event_id)))]
    return [_part({"kind": Event.kind, "month": Event.date}[by], *where)]


PARTS = {"statements": _statement_parts, "figures": _figure_parts, "events": _event_parts}


def _groups(resource: str, by: str, where: list):
    """key, count (and for figures min_value, max_value) of every group."""
    parts = PARTS[resource](by, where)
    rows = (parts[0] if len(parts) == 1 else union_all(*parts)).subquery("parts")
    key = _month(rows.c.raw) if by == "month" else func.coalesce(rows.c.raw, NO_KEY)
    columns = [key.label("key"), cast(func.sum(rows.c.n), Integer).label("count")]
    if resource == "figures":
        columns += [func.min(rows.c.lo).label("min_value"), func.max(rows.c.hi).label("max_value")]
    return select(*columns).group_by(key).subquery(f"{resource}_by_{by}")


SUMMARY_KEYS = {
    "statements": ("speaker", "actor", "kind", "month", "document"),
    "figures": ("subject", "source", "actor", "metric", "unit", "month", "document"),
    "events": ("actor", "kind", "month", "document"),
}
ACTOR_KEYS = {"speaker", "actor", "subject", "source"}


def summarize(session: Session, resource: str, *, by: str, cursor: str | None, limit: int,
              sort: str = "key", updated_since: int | None = None, **filters) -> Page:
    model, where_of = {"statements": (Statement, statement_where), "figures": (Figure, figure_where),
                       "events": (Event, event_where)}[resource]
    where = where_of(**filters)
    if updated_since is not None:
        where.append(model.revision > updated_since)
    groups = _groups(resource, by, where)
    sorts = {"key": Sort(f"{by}:key", (groups.c.key,), (str,)),
             "-count": Sort(f"{by}:-count", (groups.c.count, groups.c.key), (int, str), descending=True)}
    page = keyset_page(session, select(groups), sorts[sort], cursor, limit)
    items = [dict(zip(groups.c.keys(), row, strict=True)) for row in page.items]
    if resource == "figures":
        for item in items:
            item["latest_value"] = _latest_value(session, by, where, item["key"])
    names = {}
    if by in ACTOR_KEYS and items:
        keys = [i["key"] for i in items]
        names = dict(session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(keys))).all())
    for item in items:
        item["name"] = names.get(item["key"])
        item["key"] = item["key"] or None
    # The number of groups, counted by the caller once per data revision (api/web/totals.py).
    return Page(items, page.next_cursor,
                count=lambda: session.scalar(select(func.count()).select_from(groups)))


def _latest_value(session: Session, by: str, where: list, key: str):
    """The value of the group's figure with the latest as_of (then the last written): read from the
    end of the group's index, one row per column the key is in."""
    if by == "actor":
        conditions = [Figure.subject_id == key, Figure.source_id == key]
    elif by == "month" and key != NO_KEY:
        conditions = [and_(Figure.as_of >= key, Figure.as_of < key + "~")]
    elif by == "month":          # undated, or dated to a year only
        conditions = [or_(Figure.as_of.is_(None), func.length(Figure.as_of) < 7)]
    else:
        column = FIGURE_COLUMNS[by]
        conditions = [column.is_(None) if key == NO_KEY else column == key]
    latest = None
    for condition in conditions:
        as_of = Figure.as_of.desc()
        if session.get_bind().dialect.name == "postgresql":   # SQLite puts nulls last when descending
            as_of = as_of.nulls_last()
        row = session.execute(select(Figure.as_of, Figure.id, Figure.value).where(*where, condition)
                              .order_by(as_of, Figure.id.desc()).limit(1)).first()
        if row and (latest is None or (row.as_of or "", row.id) > (latest.as_of or "", latest.id)):
            latest = row
    return latest.value if latest else None
