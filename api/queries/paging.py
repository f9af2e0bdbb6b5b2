"""Keyset paging: an opaque cursor holds the sort key of the last row served.

Cost does not grow with depth: each page is `WHERE (keys) > (cursor) ORDER BY keys LIMIT n+1`.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, tuple_
from sqlalchemy.orm import Session


class BadCursor(ValueError):
    pass


def encode_cursor(values: tuple[Any, ...]) -> str:
    raw = json.dumps(list(values), separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> tuple[Any, ...]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise BadCursor("cursor is not one this API issued") from exc
    if not isinstance(values, list) or len(values) != arity:
        raise BadCursor("cursor is not one this API issued")
    return tuple(values)


@dataclass(frozen=True)
class Page:
    items: list[Any]
    next_cursor: str | None
    total: int | None = None


def keyset_page(session: Session, stmt: Select, keys: list, cursor: str | None, limit: int,
                key_of) -> Page:
    """`keys`: the ORDER BY columns (unique together); `key_of(row)`: the same values from a row."""
    if cursor:
        stmt = stmt.where(tuple_(*keys) > tuple_(*decode_cursor(cursor, len(keys))))
    rows = list(session.scalars(stmt.order_by(*keys).limit(limit + 1)).unique())
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(key_of(rows[-1])) if more and rows else None)
