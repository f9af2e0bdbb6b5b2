"""Dates in news text, resolved against the publication date to the precision the text gives.

One resolver for the whole package. Regexes find candidate phrases; absolute dates with a
month name go to dateparser (cached, phrase only, never whole sentences); relative phrases
("last August", "on Monday", "earlier this month") are resolved here, because dateparser
returns nothing or a spurious day for them.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .types import Span

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
       r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_N_AGO = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_NUM = {w: i for i, w in
        enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_REL = r"(?:(?:earlier|later|late|early)\s+)?(?:last|this|next|past)"

# Alternatives are tried longest first; each one names its shape.
DATE_RE = re.compile(
    rf"(?P<monrel>\b(?:(?:in|since|until|by|during|from|of|early|late|mid-?)\s+)?(?P<rmon>{_MON})\s+(?:of\s+)?"
    rf"(?P<ryear>last|this|next)\s+year\b)"
    rf"|(?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)"
    rf"|(?P<dmy>\b{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?(?![\w-]))"
    rf"|(?P<mdy>\b{_MON}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b)"
    rf"|(?P<my>\b{_MON}(?:,)?\s+{_YEAR}\b)"
    rf"|(?P<md>\b{_MON}\s+{_DAY}\b(?![,.]?\d))"
    rf"|(?P<rel>\b{_REL}\s+(?:{_MON}|{_WD}|week|month|year)\b)"
    rf"|(?P<ago>\b(?:an?|{_N_AGO})\s+(?:day|week|month|year)s?\s+ago\b)"
    rf"|(?P<weekday>\b{_WD}\b)"
    rf"|(?P<inmonth>\b(?:in|since|until|by|during|from|of|early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?"
    rf"(?P<bare>{_MON})(?!\.?\s*\d))"
    r"|(?P<word>\b(?:today|yesterday|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:the\s+)?past\s+(?:day|24\s+hours))\b)"
    rf"|(?P<year>(?<![\d,.$€£])(?<!\d[-–])\b{_YEAR}\b(?![\d%]|,\d|[-–]\d|\.\d| ?(?:percent|per cent)))",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: str          # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    precision: str      # "day" | "month" | "year"


def fmt(d: date, precision: str) -> str:
    return {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(precision, d.isoformat())


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _before(published: date, month: int, strict: bool) -> date:
    """The most recent given month on or before publication (strictly before with `strict`)."""
    year = published.year
    if month > published.month or (strict and month == published.month):
        year -= 1
    return date(year, month, 1)


def _weekday(published: date, wd: int, modifier: str) -> date:
    """News convention: a bare weekday is the latest such day on or before publication."""
    back = (published.weekday() - wd) % 7
    if modifier == "last" and back == 0:
        back = 7
    if modifier == "next":
        return published + timedelta(days=(wd - published.weekday()) % 7 or 7)
    return published - timedelta(days=back)


def _relative(phrase: str, published: date) -> tuple[str, str] | None:
    words = phrase.lower().split()
    unit, mod = words[-1].rstrip("."), words[-2]
    if unit == "year":
        year = published.year + {"last": -1, "past": -1, "next": 1}.get(mod, 0)
        return f"{year:04d}", "year"
    if unit == "month":
        d = published.replace(day=1)
        if mod in ("last", "past"):
            d = (d - timedelta(days=1)).replace(day=1)
        elif mod == "next":
            d = (d + timedelta(days=32)).replace(day=1)
        return fmt(d, "month"), "month"
    if unit == "week":
        # A week has no precision of its own: the month when the whole week lies in one.
        shift = {"last": -7, "past": -7, "next": 7}.get(mod, 0)
        mid = published + timedelta(days=shift)
        lo, hi = mid - timedelta(days=mid.weekday()), mid + timedelta(days=6 - mid.weekday())
        if shift < 0:
            hi = min(hi, published)
        if lo.month == hi.month:
            return fmt(lo, "month"), "month"
        return (f"{lo.year:04d}", "year") if lo.year == hi.year else None
    if unit in WEEKDAYS:
        return _weekday(published, WEEKDAYS[unit], mod).isoformat(), "day"
    month = _month_num(unit)
    if mod in ("last", "past"):
        return fmt(_before(published, month, strict=True), "month"), "month"
    if mod == "next":
        year = published.year + (month <= published.month)
        return f"{year:04d}-{month:02d}", "month"
    return f"{published.year:04d}-{month:02d}", "month"   # "this June", "earlier this June"


def _ago(phrase: str, published: date) -> tuple[str, str] | None:
    """'two weeks ago' -> as precise as the count allows: days give a day, weeks a month."""
    n_word, unit = phrase.lower().split()[:2]
    n = 1 if n_word in ("a", "an") else int(n_word) if n_word.isdigit() else _NUM[n_word]
    unit = unit.rstrip("s")
    if unit == "day":
        return (published - timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return fmt(published - timedelta(days=7 * n), "month"), "month"
    if unit == "month":
        m = published.year * 12 + published.month - 1 - n
        return f"{m // 12:04d}-{m % 12 + 1:02d}", "month"
    return f"{published.year - n:04d}", "year"


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, published: date | None) -> datetime | None:
    import dateparser  # slow to import and to run: phrases only, cached

    base = datetime.combine(published or date.today(), datetime.min.time())
    return dateparser.parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"})


def _classify(phrase: str) -> re.Match | None:
    m = DATE_RE.fullmatch(phrase.strip())
    return m


def resolve(phrase: str, published: date | None) -> tuple[str, str] | None:
    """(value, precision) for one date phrase, or None when it does not resolve."""
    m = _classify(phrase)
    if not m:
        return None
    return _resolve_match(m, published)


def _resolve_match(m: re.Match, published: date | None) -> tuple[str, str] | None:
    kind, text = m.lastgroup, m.group(0)
    if kind == "bare":
        kind = "inmonth"
    if kind == "iso":
        return text, "day"
    if kind == "monrel":   # "in June last year" is one phrase: a month of the named year
        if published is None:
            return None
        year = published.year + {"last": -1, "next": 1}.get(m.group("ryear").lower(), 0)
        return f"{year:04d}-{_month_num(m.group('rmon')):02d}", "month"
    if kind == "year":
        return text, "year"
    if kind == "my":
        year = re.search(r"\d{4}", text).group(0)
        return f"{year}-{_month_num(text.split()[0].rstrip(',')):02d}", "month"
    if kind in ("dmy", "mdy"):
        d = _dateparser(text, published)
        return (d.date().isoformat(), "day") if d else None
    if published is None:
        return None
    if kind == "md":
        d = _dateparser(text, published)
        return (d.date().isoformat(), "day") if d else None
    if kind == "inmonth":
        month = _month_num(m.group("bare"))
        return fmt(_before(published, month, strict=False), "month"), "month"
    if kind == "rel":
        return _relative(text, published)
    if kind == "ago":
        return _ago(text, published)
    if kind == "weekday":
        return _weekday(published, WEEKDAYS[text.lower()], "").isoformat(), "day"
    if kind == "word":
        low = text.lower()
        # "overnight" and "the past day" end on the publication day; "last night" is the evening before
        d = published - timedelta(days=1) if low.startswith(("yesterday", "last")) else published
        return d.isoformat(), "day"
    return None


# "May" is also a verb: a bare-month alternative needs a preposition, so only "may" + day remains risky.
_MAY_VERB = re.compile(r"^may\s+\d", re.I)


def find_dates(text: str, start: int = 0, end: int | None = None,
               published: date | None = None) -> list[DateMention]:
    """Every date phrase in text[start:end] that resolves, with document offsets."""
    return list(_find_dates(text, start, len(text) if end is None else end, published))


@lru_cache(maxsize=1024)   # statements, figures and events each ask about the same sentences
def _find_dates(text: str, start: int, end: int, published: date | None) -> tuple[DateMention, ...]:
    out = []
    for m in DATE_RE.finditer(text, start, end):
        if m.lastgroup == "md" and _MAY_VERB.match(m.group(0)) and not m.group(0)[0].isupper():
            continue
        got = _resolve_match(m, published)
        if got:
            s, e = m.span()
            if m.lastgroup in ("bare", "inmonth"):   # keep the preposition out of the span
                s = m.start("bare") if m.group(0)[:3].lower() in ("in ", "by ", "of ") else s
            if m.lastgroup == "monrel" and m.group(0)[:3].lower() in ("in ", "by ", "of "):
                s = m.start("rmon")
            out.append(DateMention(Span.of(text, s, e), got[0], got[1]))
    return tuple(out)


__all__ = ["DateMention", "find_dates", "resolve", "fmt"]
