"""Across documents: which stored actor an extracted actor is, which stored event an event is.

Pure functions over plain values; the loader feeds them what the database holds.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

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
    date: str | None           # the date the stored event carries now (see pick_date)
    actors: frozenset[str]     # stored actor ids of every mention merged so far
    series: str | None
    location: str | None = None


# Reports of one occasion may disagree by a day ("Sunday" vs "Monday": time zones, late copy).
DAY_TOLERANCE = 1


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) != 10 or len(b) != 10:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


SPEECH_KINDS = ("pledge", "confirmation")


def match_event(event: Event, actor_ids: frozenset[str], stored: list[StoredEvent],
                speaker: str | None = None) -> tuple[int | None, str | None]:
    """(id of the stored event this one reports, or None; a description of any disagreement).

    Same kind, and the same series where both have one (a treaty's stages), and shared
    participants unless one side names none; dates must be compatible (one a prefix of the
    other: "2024" fits "2024-06") or at most a day apart, which is merged and reported.
    A pledge or confirmation is also someone's: where either side is undated, the candidate
    must already count `speaker` (the stored id of the event's first actor) among its participants.
    The best candidate is dated where the event is, then shares most participants, then has
    the closest date.
    """
    best, best_key, best_conflict = None, None, None
    for cand in stored:
        if cand.kind != event.kind:
            continue
        speech = event.kind in SPEECH_KINDS   # their series is the speaker: binding only when undated
        if cand.series and event.series and cand.series != event.series and (
                not speech or not (cand.date and event.date)):
            continue
        shared = len(cand.actors & actor_ids)
        # Dated to the month or better on both sides and compatible: the same occasion, however
        # differently the documents name its participants ("Ukraine" / "Ukrainian forces").
        same_date = bool(cand.date and event.date and min(len(cand.date), len(event.date)) >= 7
                         and _compatible(cand.date, event.date))
        if not shared and cand.actors and actor_ids and not same_date:
            continue
        if (speaker and event.kind in SPEECH_KINDS and cand.actors and speaker not in cand.actors
                and not (cand.date and event.date)):
            continue
        conflict = None
        if not _compatible(cand.date, event.date):
            apart = _days_apart(cand.date, event.date)
            if apart is None or apart > DAY_TOLERANCE:
                continue
            conflict = f"date: {cand.date} vs {event.date}"
        exact = bool(cand.date and cand.date == event.date)
        dated = bool(cand.date and event.date)   # a dated report joins a dated event first
        key = (dated, shared + (2 if cand.series and cand.series == event.series else 0), exact,
               conflict is None)
        if best_key is None or key > best_key:
            best, best_key, best_conflict = cand.id, key, conflict
    return best, best_conflict


def pick_date(dates: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """The date a merged event shows, from its mentions' (date, precision): the most precise
    date that most mentions agree with (a less precise date that is its prefix agrees)."""
    known = [d for d in dates if d[0]]
    if not known:
        return None, None

    def support(d):
        return (sum(1 for o in known if d[0].startswith(o[0])), len(d[0]))

    return max(known, key=support)
