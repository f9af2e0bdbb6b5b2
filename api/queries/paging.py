"""Keyset paging: an opaque cursor holds the sort key of the last row served.

Cost does not grow with depth: each page is `WHERE (keys) > (cursor) ORDER BY keys LIMIT n+1`
(`<` and DESC for a descending sort). The keys of a sort are unique together (the id comes last),
and a cursor names its sort, so a cursor from one order is refused by another.
"""
from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, tuple_
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


def _scope(sort: Sort) -> str:
    """What the rows are (their table): a cursor of one list is refused by a list of other things."""
    table = getattr(sort.keys[-1], "table", None)
    return f"{getattr(table, 'name', '')}:{sort.name}"


def encode_cursor(sort: Sort, values: tuple[Any, ...]) -> str:
    raw = json.dumps([_scope(sort), *values], separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _storable(value) -> bool:
    """Fits the database's columns: a 64-bit integer, a finite float, text without NUL."""
    if isinstance(value, int):
        return -(2 ** 63) <= value < 2 ** 63
    if isinstance(value, float):
        return math.isfinite(value)
    return "\x00" not in value


def decode_cursor(cursor: str, sort: Sort) -> tuple[Any, ...]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    if not isinstance(values, list) or len(values) != len(sort.keys) + 1 or values[0] != _scope(sort):
        raise BadCursor("cursor is not one this API issued for this list and sort order")
    # A forged value of the wrong type or size would reach the database; refuse it here.
    for value, kind in zip(values[1:], sort.types, strict=True):
        if isinstance(value, bool) or not isinstance(value, kind) or not _storable(value):
            raise BadCursor("cursor is not one this API issued")
    return tuple(values[1:])


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    total: int | None = None


def keyset_page(session: Session, stmt: Select, sort: Sort, cursor: str | None, limit: int) -> Page:
    """One page of `stmt` in `sort` order, after `cursor`: its entities, or its rows when it selects
    several columns."""
    width = len(stmt.column_descriptions)
    keys = tuple_(*sort.keys)
    if cursor:
        after = tuple_(*decode_cursor(cursor, sort))
        stmt = stmt.where(keys < after if sort.descending else keys > after)
    order = [k.desc() if sort.descending else k.asc() for k in sort.keys]
    rows = list(session.execute(stmt.add_columns(*sort.keys).order_by(*order).limit(limit + 1)).unique())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(sort, tuple(rows[-1][width:])) if more and rows else None
    return Page([r[0] if width == 1 else r[:width] for r in rows], next_cursor)
