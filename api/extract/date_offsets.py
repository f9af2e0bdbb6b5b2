"""Dates told as a length of time from another happening: "four days after the vote", "10 days
before Sunday's election", "an airstrike that killed him a day earlier".

The parse says which clause the length places and from what: a length (an npadvmod such as "four
days", data/date_offsets.tsv) on a link word ("after", "before": data/event_context.tsv) that
either introduces a clause under another one ("X voted four days after Y vetoed": Y is placed
from X), takes an object that carries a date ("released 10 days before Sunday's vote"), or stands
alone ("a day earlier": from the clause above). The reference's date moves by the length, to the
precision both allow: days from a day, months from a month or a day; nothing from a vaguer date.
"""
from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from .dates import DateMention
from .event_clauses import _rows, lexicon
from .numbers import WORDS
from .types import Span

LINK_DEPS = ("mark", "prep", "advmod")


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[int, int]]:
    return {word: (int(days), int(months)) for word, days, months in _rows("date_offsets.tsv")}


def length(tok) -> tuple[int, int] | None:
    """(days, months) that a phrase like "four days", "a week" or "10 days" names, or None."""
    unit = _units().get(tok.lower_)
    if unit is None:
        return None
    count = None
    for ch in tok.children:
        if ch.dep_ == "nummod":
            count = int(ch.text) if ch.text.isdigit() else (
                int(WORDS[ch.lower_][0]) if WORDS.get(ch.lower_, (0, ""))[1] == "unit" else None)
            if count is None:
                return None
        elif ch.dep_ == "det" and ch.lower_ in ("a", "an", "one"):
            count = 1
    if count is None:
        return None   # "days later": no length told
    return unit[0] * count, unit[1] * count


def shifted(d: DateMention, by: tuple[int, int], sign: int, at: Span) -> DateMention | None:
    days, months = by
    if days and d.precision == "day":
        moved = date.fromisoformat(d.value) + timedelta(days=sign * days)
        return DateMention(at, moved.isoformat(), "day")
    if months and d.precision in ("day", "month"):
        year, month = int(d.value[:4]), int(d.value[5:7])
        index = year * 12 + month - 1 + sign * months
        year, month = divmod(index, 12)
        if d.precision == "day":
            day = min(int(d.value[8:10]), calendar.monthrange(year, month + 1)[1])
            return DateMention(at, date(year, month + 1, day).isoformat(), "day")
        return DateMention(at, f"{year:04d}-{month + 1:02d}", "month")
    return None


def _direction(word: str) -> int:
    """+1 when the placed clause comes after its reference, -1 before, 0 for no link."""
    context = lexicon()[2]
    if word in context["after"] and word != "since":
        return 1
    if word in context["before"]:
        return -1
    return 0


def offset_date(anchor, date_of: Callable, date_in: Callable,
                last_told: DateMention | None = None) -> tuple[DateMention, set[int]] | None:
    """The date of the clause headed by `anchor` told as a length from another happening, and the
    tokens of that reference (a date among them is the reference's, not this clause's).

    date_of(tok): the date known for the clause or event noun `tok` heads, or None;
    date_in(tokens): a date told among these token indices, or None;
    last_told: the latest date told before this sentence, the reference of a clause that has no
    date of its own ("Two days later, ...", "The vote came four days after ...")."""
    context = lexicon()[2]
    for link in anchor.children:
        if link.dep_ not in LINK_DEPS or (told := _length_on(link, anchor)) is None:
            continue
        by, at = told
        word = link.lower_
        if link.dep_ == "mark" and anchor.dep_ == "advcl":
            # "X voted four days after Y vetoed": this clause (Y) is placed from its head (X)
            sign = _direction(word)
            ref = _up_date(anchor.head, date_of) or last_told
            if sign and ref is not None and (d := shifted(ref, by, -sign, at)):
                return d, set()
        elif link.dep_ == "prep":
            # "released 10 days before Sunday's vote": from what the preposition takes
            sign = _direction(word)
            objects = [o for o in link.children if o.dep_ in ("pobj", "pcomp")]
            for o in objects:
                inside = {t.i for t in o.subtree}
                ref = date_of(o) or date_in(inside)
                if sign and ref is not None and (d := shifted(ref, by, sign, at)):
                    return d, inside
        elif link.dep_ == "advmod" and (word in context["earlier"] or word in context["later"]):
            # "an airstrike that killed him a day earlier": from the clause this one sits in
            sign = -1 if word in context["earlier"] else 1
            above = anchor.head
            while above.head.i != above.i and not above.tag_.startswith("VB"):
                above = above.head
            ref = date_of(above) if above.i != anchor.i else last_told
            if ref is not None and (d := shifted(ref, by, sign, at)):
                return d, set()
    for sub in anchor.children:
        # "Two weeks after the truce took effect on 1 February, the envoys met": from the clause
        # that the link introduces under this one
        if sub.dep_ != "advcl":
            continue
        for link in sub.children:
            sign = _direction(link.lower_) if link.dep_ == "mark" else 0
            told = _length_on(link, sub) if sign else None
            ref = date_of(sub) if told is not None else None
            if ref is not None and (d := shifted(ref, told[0], sign, told[1])):
                return d, {t.i for t in sub.subtree}
    return None


def _length_on(link, clause) -> tuple[tuple[int, int], Span] | None:
    """The length told on a link word or on its clause ("four days after"), and where it is."""
    for t in (*link.children, *clause.children):
        if t.dep_ == "npadvmod" and (by := length(t)) is not None:
            return by, Span(t.idx, link.idx + len(link.text), "")
    return None


def _up_date(tok, date_of: Callable) -> DateMention | None:
    """The date of the clause `tok` heads, or of the clause it completes ("voted on Tuesday to
    condemn ...": condemn's time is the vote's)."""
    for _ in range(3):
        found = date_of(tok)
        if found is not None or tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return found
        tok = tok.head
    return None
