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

from sqlalchemy import String, cast, func, literal, or_, select, union
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


def _statement_pairs(by: str, where: list):
    ids = select(Statement.id).where(*where)
    if by == "actor":    # spoke it, or is what it is about: the list's actor filter
        return union(select(Statement.id.label("fid"), Statement.speaker_id.label("key")).where(*where),
                     select(statement_about.c.statement_id, statement_about.c.actor_id)
                     .where(statement_about.c.statement_id.in_(ids)))
    key = {"speaker": Statement.speaker_id, "kind": Statement.kind, "document": Statement.document_id,
           "month": _month(Statement.said_on)}[by]
    return select(Statement.id.label("fid"), key.label("key")).where(*where)


def _figure_pairs(by: str, where: list):
    extra = (Figure.value.label("value"), func.coalesce(Figure.as_of, NO_KEY).label("as_of"))
    if by == "actor":    # whose number, or who asserts it
        return union(*(select(Figure.id.label("fid"), column.label("key"), *extra)
                       .where(*where, column.is_not(None))
                       for column in (Figure.subject_id, Figure.source_id)))
    key = {"subject": Figure.subject_id, "source": Figure.source_id, "metric": Figure.metric,
           "unit": Figure.unit, "document": Figure.document_id, "month": _month(Figure.as_of)}[by]
    return select(Figure.id.label("fid"), func.coalesce(key, NO_KEY).label("key"), *extra).where(*where)


def _event_pairs(by: str, where: list):
    ids = select(Event.id).where(*where)
    if by == "actor":
        return select(event_actors.c.event_id.label("fid"), event_actors.c.actor_id.label("key")) \
            .where(event_actors.c.event_id.in_(ids))
    if by == "document":
        return select(EventMention.event_id.label("fid"), EventMention.document_id.label("key")) \
            .where(EventMention.event_id.in_(ids)).distinct()
    key = {"kind": Event.kind, "month": _month(Event.date)}[by]
    return select(Event.id.label("fid"), key.label("key")).where(*where)


SUMMARY_KEYS = {
    "statements": ("speaker", "actor", "kind", "month", "document"),
    "figures": ("subject", "source", "actor", "metric", "unit", "month", "document"),
    "events": ("actor", "kind", "month", "document"),
}
ACTOR_KEYS = {"speaker", "actor", "subject", "source"}


def summarize(session: Session, resource: str, *, by: str, cursor: str | None, limit: int,
              sort: str = "key", updated_since: int | None = None, **filters) -> Page:
    model, where_of, pairs_of = {"statements": (Statement, statement_where, _statement_pairs),
                                 "figures": (Figure, figure_where, _figure_pairs),
                                 "events": (Event, event_where, _event_pairs)}[resource]
    where = where_of(**filters)
    if updated_since is not None:
        where.append(model.revision > updated_since)
    pairs = pairs_of(by, where).subquery("pairs")
    columns = [pairs.c.key.label("key"), func.count().label("count")]
    if resource == "figures":
        columns += [func.min(pairs.c.value).label("min_value"), func.max(pairs.c.value).label("max_value")]
    groups = select(*columns).group_by(pairs.c.key).subquery(f"{resource}_by_{by}")
    sorts = {"key": Sort(f"{by}:key", (groups.c.key,), (str,)),
             "-count": Sort(f"{by}:-count", (groups.c.count, groups.c.key), (int, str), descending=True)}
    page = keyset_page(session, select(groups), sorts[sort], cursor, limit)
    total = session.scalar(select(func.count()).select_from(groups))
    items = [dict(zip(groups.c.keys(), row, strict=True)) for row in page.items]
    if resource == "figures" and items:
        latest = _latest_values(session, pairs, [i["key"] for i in items])
        for item in items:
            item["latest_value"] = latest.get(item["key"])
    names = {}
    if by in ACTOR_KEYS and items:
        keys = [i["key"] for i in items]
        names = dict(session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(keys))).all())
    for item in items:
        item["name"] = names.get(item["key"])
        item["key"] = item["key"] or None
    return Page(items, page.next_cursor, total)


def _latest_values(session: Session, pairs, keys: list[str]) -> dict:
    ranked = select(pairs.c.key, pairs.c.value, func.row_number().over(
        partition_by=pairs.c.key, order_by=(pairs.c.as_of.desc(), pairs.c.fid.desc())).label("n")) \
        .where(pairs.c.key.in_(keys)).subquery("ranked")
    return dict(session.execute(select(ranked.c.key, ranked.c.value).where(ranked.c.n == literal(1))).all())
