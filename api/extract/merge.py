"""Across documents: which stored actor an extracted actor is, which stored event an event is.

Pure functions over plain values; the loader feeds them what the database holds.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .types import Event


def name_key(name: str) -> str:
    """A spelling-insensitive key: case, accents, hyphens, apostrophes and 'the' ignored."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w]+", " ", s.replace("'", ""))
    return " ".join(s.split())


@dataclass(frozen=True)
class StoredEvent:
    id: int
    kind: str
    date: str | None
    actors: frozenset[str]     # stored actor ids
    series: str | None


def match_event(event: Event, actor_ids: frozenset[str],
                stored: list[StoredEvent]) -> tuple[int | None, str | None]:
    """(id of the stored event this one reports, or None; a description of any disagreement)."""
    for cand in stored:
        if cand.kind == event.kind and (not cand.date or not event.date
                                        or cand.date.startswith(event.date) or event.date.startswith(cand.date)):
            return cand.id, None
    return None, None
