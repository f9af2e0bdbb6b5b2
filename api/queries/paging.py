"""Keyset paging: an opaque cursor holds the sort key of the last row served.

Cost does not grow with depth: each page is `WHERE (keys) > (cursor) ORDER BY keys LIMIT n+1`
(`<` and DESC for a descending sort). The keys of a sort are unique together (the id comes last),
and a cursor names its sort, so a cursor from one order is refused by another.

A pinned sort's cursor also carries the data revision its walk began at (the first page's): a list
whose order can change as rows arrive (search ranks) keeps every later page to the rows written at
or before it, so the order the walk follows holds still and no row comes back.
"""
from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, Subquery, bindparam, func, select, tuple_, union, union_all
from sqlalchemy.orm import Session


class BadCursor(ValueError):
    pass


@dataclass(frozen=True)
class Sort:
    """An order: its public name, the key expressions, the Python type of each key value."""
    name: str
    keys: tuple
    types: tuple[type, ...]
    descending: bool = False
    pinned: bool = False   # the cursor carries the revision the walk began at


def _scope(sort: Sort) -> str:
    """What the rows are (their table): a cursor of one list is refused by a list of other things."""
    table = getattr(sort.keys[-1], "table", None)
    return f"{getattr(table, 'name', '')}:{sort.name}"


def encode_cursor(sort: Sort, values: tuple[Any, ...], pin: int | None = None) -> str:
    head = [_scope(sort), pin] if sort.pinned else [_scope(sort)]
    raw = json.dumps([*head, *values], separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _storable(value) -> bool:
    """Fits the database's columns: a 64-bit integer, a finite float, text without NUL."""
    if isinstance(value, int):
        return -(2 ** 63) <= value < 2 ** 63
    if isinstance(value, float):
        return math.isfinite(value)
    return "\x00" not in value


def _decode(cursor: str, sort: Sort) -> tuple[int | None, tuple[Any, ...]]:
    """(the pinned revision or None, the sort key values)."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    head = 2 if sort.pinned else 1
    if not isinstance(values, list) or len(values) != len(sort.keys) + head or values[0] != _scope(sort):
        raise BadCursor("cursor is not one this API issued for this list and sort order")
    # A forged value of the wrong type or size would reach the database; refuse it here.
    kinds = ((int,) if sort.pinned else ()) + sort.types
    for value, kind in zip(values[1:], kinds, strict=True):
        if isinstance(value, bool) or not isinstance(value, kind) or not _storable(value):
            raise BadCursor("cursor is not one this API issued")
    if sort.pinned and values[1] < 0:
        raise BadCursor("cursor is not one this API issued")
    return (values[1] if sort.pinned else None), tuple(values[head:])


def decode_cursor(cursor: str, sort: Sort) -> tuple[Any, ...]:
    return _decode(cursor, sort)[1]


def cursor_pin(cursor: str, sort: Sort) -> int:
    """The revision a pinned sort's walk began at."""
    pin = _decode(cursor, sort)[0]
    assert pin is not None, "not a pinned sort"
    return pin


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    total: int | None = None
    # How to count every matching row, when `total` is left to the caller (who may keep it per
    # data revision rather than count on every page).
    count: Callable[[], int] | None = None


def keyset_page(session: Session, stmt: Select, sort: Sort, cursor: str | None, limit: int,
                pin: int | None = None) -> Page:
    """One page of `stmt` in `sort` order, after `cursor`: its entities, or its rows when it selects
    several columns. A pinned sort's next cursor carries `pin` (the caller keeps `stmt` to it)."""
    width = len(stmt.column_descriptions)
    keys = tuple_(*sort.keys)
    if cursor:
        after = tuple_(*decode_cursor(cursor, sort))
        stmt = stmt.where(keys < after if sort.descending else keys > after)
    order = [k.desc() if sort.descending else k.asc() for k in sort.keys]
    rows = list(session.execute(stmt.add_columns(*sort.keys).order_by(*order).limit(limit + 1)).unique())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(sort, tuple(rows[-1][width:]), pin) if more and rows else None
    return Page([r[0] if width == 1 else r[:width] for r in rows], next_cursor)


def counted(page: Page) -> Page:
    """The page with its total counted, when that was left to the caller."""
    if page.total is not None or page.count is None:
        return page
    return Page(page.items, page.next_cursor, page.count())


@dataclass(frozen=True)
class Branch:
    """One way a row can match: a SELECT with its filters (and joins), and its expressions for the
    sort's keys. Rows matching any of several branches (an OR over two indexed columns) are paged
    as the union of each branch's own page, each read in order from its own index."""
    stmt: Select
    keys: Sequence

    def keyed(self, sort: Sort, after: bool) -> Select:
        """Its rows' sort keys (k0, k1...), after the cursor's row when `after`."""
        part = self.stmt.with_only_columns(*(k.label(f"k{i}") for i, k in enumerate(self.keys)))
        if after:
            keys, cursor = tuple_(*self.keys), tuple_(*after_params(sort))
            part = part.where(keys < cursor if sort.descending else keys > cursor)
        return part

    def page(self, sort: Sort, after: bool) -> Select:
        order = (k.desc() if sort.descending else k.asc() for k in self.keys)
        return self.keyed(sort, after).order_by(*order).limit(PAGE_SIZE)


# Pages are built once per shape (which filters, which sort, first page or not) with these
# parameters, and executed with values: SQLAlchemy then reuses the statement and its compiled SQL.
PAGE_SIZE = bindparam("page_size", type_=Integer)


def after_params(sort: Sort) -> tuple:
    return tuple(bindparam(f"after{i}") for i in range(len(sort.keys)))


def page_values(sort: Sort, cursor: str | None, limit: int) -> dict:
    """The values of the page parameters: one row more than the page (is there a next page?), and
    the keys of the cursor's row."""
    after = decode_cursor(cursor, sort) if cursor else ()
    return {"page_size": limit + 1, **{f"after{i}": value for i, value in enumerate(after)}}


def page_keys(branches: Sequence[Branch], sort: Sort, after: bool) -> Subquery:
    """The sort keys (k0, k1...) of the page (after a cursor's row), as a subquery to join the rows
    to. Its cost is one page per branch, at any depth and however many rows match, when an index
    serves each branch's filter and order."""
    parts = [branch.page(sort, after) for branch in branches]
    if len(parts) == 1:
        return parts[0].subquery("page")
    merged = union(*(select(*p.subquery().c) for p in parts)).subquery("merged")
    columns = list(merged.c)
    order = [c.desc() if sort.descending else c.asc() for c in columns]
    return select(*columns).order_by(*order).limit(PAGE_SIZE).subquery("page")


def merged_keys(branches: Sequence[Branch], sort: Sort, after: bool) -> Subquery:
    """The page's sort keys when no row matches two branches and each branch is read in the sort's
    order from its index (an equality on the index's leading column). SQLite merges such a
    compound of plain SELECTs in order (a co-routine per branch, stopped at the LIMIT): the page
    costs one index seek per branch and the page's own rows, however many rows each branch holds
    (page_keys reads a page from every branch; one range read would sort the range whole).
    PostgreSQL reads every branch whole and sorts (it merges only branches that end in their own
    ORDER BY and LIMIT, at a cost of its own per branch)."""
    merged = union_all(*(branch.keyed(sort, after) for branch in branches)).subquery("merged")
    columns = list(merged.c)
    order = [c.desc() if sort.descending else c.asc() for c in columns]
    return select(*columns).order_by(*order).limit(PAGE_SIZE).subquery("page")


def page_order(page: Subquery, sort: Sort) -> list:
    return [c.desc() if sort.descending else c.asc() for c in page.c]


def split_page(rows: Sequence, sort: Sort, limit: int, pin: int | None = None) -> tuple[list, str | None]:
    """(the page's rows, the cursor after it or None) from rows ending with the sort keys; a
    pinned sort's cursor carries `pin`."""
    more = len(rows) > limit
    rows = list(rows[:limit])
    width = len(sort.keys)
    return rows, encode_cursor(sort, tuple(rows[-1][-width:]), pin) if more and rows else None


def count_of(branches: Sequence[Branch]) -> Select:
    """How many rows match any branch (once each)."""
    ids = [b.stmt.with_only_columns(b.keys[-1].label("id")) for b in branches]
    matching = (ids[0] if len(ids) == 1 else union(*ids)).subquery()
    return select(func.count()).select_from(matching)
