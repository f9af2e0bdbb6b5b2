"""Which stored fact a new extraction's fact is: the same document, type and evidence span.

A fact is identified by its document, its evidence (start, end and the text there) and, where one
span carries several facts, what tells them apart (a statement's speaker and kind, a figure's
metric and subject, an event mention's kind). Pairs are made in tiers, most specific first, so
a fact whose speaker was corrected is still the same fact (same span), updated in place.
Deterministic: stored facts are taken in id order, new ones in extraction order.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import insert
from sqlalchemy.orm import Session

Old = TypeVar("Old")
New = TypeVar("New")
Key = Callable[[object], tuple]


def pair(old: Sequence[Old], new: Sequence[New], tiers: Sequence[tuple[Key, Key]]
         ) -> tuple[list[tuple[Old, New]], list[Old], list[New]]:
    """(matched pairs, stored facts left over, new facts left over). `tiers`: (key of a stored
    fact, key of a new fact), from the most to the least specific; each tier pairs equal keys in
    order among what earlier tiers left."""
    pairs: list[tuple[Old, New]] = []
    old_left, new_left = list(old), list(new)
    for old_key, new_key in tiers:
        waiting: dict[tuple, list[int]] = {}
        for i, row in enumerate(old_left):
            waiting.setdefault(old_key(row), []).append(i)
        taken: set[int] = set()
        unmatched = []
        for fact in new_left:
            queue = waiting.get(new_key(fact))
            if queue:
                i = queue.pop(0)
                taken.add(i)
                pairs.append((old_left[i], fact))
            else:
                unmatched.append(fact)
        old_left = [row for i, row in enumerate(old_left) if i not in taken]
        new_left = unmatched
    return pairs, old_left, new_left


def assign(row, values: dict, revision: int, version: str | None = None) -> bool:
    """Set what differs; a row that changes takes the revision (and the extractor version)."""
    if all(getattr(row, k) == v for k, v in values.items()):
        return False
    for k, v in values.items():
        setattr(row, k, v)
    row.revision = revision
    if version is not None:
        row.extractor_version = version
    return True


def insert_rows(session: Session, model, rows: list[dict]) -> list[int]:
    """New facts in one INSERT batch (Core: no ORM objects to track and flush): their ids, in the
    order of `rows`. Column defaults (timestamps, created_revision) apply as for any insert."""
    if not rows:
        return []
    table = model.__table__
    if session.get_bind().dialect.name == "sqlite":
        # SQLite does not order a batch's RETURNING rows (SQLAlchemy would send one INSERT per row
        # to keep the order), but it gives each new row the id above the largest, in insertion
        # order, and the transaction holds the write lock: the ids sorted are the rows' order.
        return sorted(session.execute(insert(table).returning(table.c.id), rows).scalars())
    return list(session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                rows).scalars())
