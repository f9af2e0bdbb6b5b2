"""Numbers as news writes them -> values in base units.

"15,000" -> 15000; "$20 billion" -> 20000000000 USD; "2K" -> 2000; "ten thousand" -> 10000;
"up to half of" -> 0.5 fraction; "40%" -> 0.4 fraction. Word lists live in data/numbers_*.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .types import Span

DATA = Path(__file__).with_name("data")


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


WORDS = {w: (float(v), k) for w, v, k in _tsv("numbers_words.tsv")}
CURRENCY = {w: u for w, u in _tsv("numbers_currency.tsv")}
UNITS = {w: v for w, (v, k) in WORDS.items() if k == "unit"}
SCALES = {w: v for w, (v, k) in WORDS.items() if k == "scale"}
FRACTIONS = {w: v for w, (v, k) in WORDS.items() if k == "fraction"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SYMBOLS = _alt(w for w in CURRENCY if not w.isalpha())
_CUR_WORDS = _alt(w for w in CURRENCY if w.isalpha())
_LONG_SCALES = _alt(w for w in SCALES if len(w) > 1)
_WORD = _alt(w for w in list(UNITS) + [s for s in SCALES if len(s) > 2])
_NUMERATOR = _alt(w for w in UNITS if UNITS[w] < 10)

DIGIT_RE = re.compile(
    rf"(?P<cur>{_SYMBOLS})?\s?"
    # not inside a model name ("Kh-59", "KN-23/24"), a time or a decimal; "1-2" is a range
    r"(?P<num>(?:(?<![\w.,/+-])|(?<=\d-))\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:(?<![\w.,:/+-])|(?<=\d-))\d+(?:\.\d+)?)"
    r"(?![\d:/]|(?:st|nd|rd|th|s)\b)"
    rf"(?:(?:\s|-)?(?P<scale>{_LONG_SCALES})\b|(?P<short>[kKmMbB])\b)?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?"
    rf"(?:\s(?P<cur2>{_CUR_WORDS})\b)?",
)
WORDS_RE = re.compile(
    rf"\b(?:(?P<a>an?)\s+)?(?P<w>(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*)\b"
    r"(?!-(?!(?:day|week|month|year|hour|minute)s?\b))", re.I)   # "six-week" yes, "one-sided" no
FRACTION_RE = re.compile(
    rf"\b(?:(?P<n>{_NUMERATOR}|an?)[\s-]+)?(?P<f>{_alt(FRACTIONS)})\s+(?=of\b|the\b)", re.I)
# "one in three", "two out of every five": a share written as a ratio
_CARD = rf"(?:{_alt(UNITS)}|\d+)"
RATIO_RE = re.compile(rf"\b(?P<n>{_CARD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>{_CARD})\b", re.I)
# Two numbers joined as a range: "11,000 to 12,000", "3-4 million", "between 500 and 600"
RANGE_GAP = re.compile(r"\s*(?:to|-|–|and)\s*")
_SCALE_IN = re.compile(rf"(?:{_LONG_SCALES})\b|[kKmMbB]$", re.I)
# "the second half of", "the first quarter of": periods, not shares
_NOT_SHARE = re.compile(r"\b(?:first|second|third|fourth|final|last|latter|other|the)\s*$", re.I)


@dataclass(frozen=True)
class NumberMention:
    span: Span
    value: float
    unit: str | None       # "USD", "fraction", ... or None for a bare count
    spelled: bool = False  # written in words ("two", "ten thousand")
    high: float | None = None   # upper bound of a range ("11,000 to 12,000"): value is the lower


def words_value(phrase: str) -> float | None:
    """Value of a run of number words: "ten thousand" -> 10000, "two hundred and five" -> 205."""
    total = current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", phrase.lower()):
        if w in ("and", "a", "an"):
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in SCALES:
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digit(m: re.Match) -> tuple[float, str | None]:
    value = float(m.group("num").replace(",", ""))
    scale = (m.group("scale") or m.group("short") or "").lower()
    if scale:
        value *= SCALES[scale]
    unit = CURRENCY.get(m.group("cur") or "") or CURRENCY.get((m.group("cur2") or "").lower())
    if m.group("pct"):
        value, unit = value / 100.0, "fraction"
    return value, unit


@lru_cache(maxsize=256)
def find_numbers(text: str) -> tuple[NumberMention, ...]:
    """Every number in the text, left to right, without overlaps (longest form wins)."""
    found: list[NumberMention] = []
    for m in DIGIT_RE.finditer(text):
        if m.group("short") and not (m.group("cur") or m.group("short") in "kK"):
            continue   # "5m" could be metres: a bare m/b counts only after a currency sign
        value, unit = _digit(m)
        s = m.start("cur") if m.group("cur") else m.start("num")
        found.append(NumberMention(Span.of(text, s, m.end()), value, unit))
    for m in FRACTION_RE.finditer(text):
        if _NOT_SHARE.search(text[max(0, m.start() - 12):m.start()]) and not m.group("n"):
            continue
        n = m.group("n")
        num = 1.0 if not n or n.lower() in ("a", "an") else UNITS[n.lower()]
        end = m.start() + len(m.group(0).rstrip())
        found.append(NumberMention(Span.of(text, m.start(), end), num * FRACTIONS[m.group("f").lower()],
                                   "fraction", spelled=True))
    for m in WORDS_RE.finditer(text):
        value = words_value(m.group("w"))
        if value is None:
            continue
        with_article = m.group("a") and value >= 12      # "a dozen", "a hundred"; "a six-week" is six
        s = m.start("a") if with_article else m.start("w")
        found.append(NumberMention(Span.of(text, s, m.end()), value, None, spelled=True))
    for m in RATIO_RE.finditer(text):
        n, d = (_cardinal(m.group(g)) for g in ("n", "d"))
        if d and n < d:
            found.append(NumberMention(Span.of(text, m.start(), m.end()), n / d, "fraction", spelled=True))
    found.sort(key=lambda n: (n.span.start, -(n.span.end - n.span.start)))
    out: list[NumberMention] = []
    for n in found:
        if not out or n.span.start >= out[-1].span.end:
            out.append(n)
    return tuple(_ranges(text, out))


def _cardinal(word: str) -> float:
    return float(word) if word.isdigit() else UNITS[word.lower()]


def _ranges(text: str, nums: list[NumberMention]) -> list[NumberMention]:
    """Join "A to B" (and "between A and B") into one mention valued A with high B."""
    out: list[NumberMention] = []
    for n in nums:
        low = out[-1] if out else None
        gap = text[low.span.end:n.span.start] if low else ""
        joined = low and low.high is None and RANGE_GAP.fullmatch(gap) and low.unit in (None, n.unit)
        if joined and gap.strip() == "and":
            joined = re.search(r"\bbetween\s+\S*$", text[max(0, low.span.start - 12):low.span.start + 1])
        if joined and n.unit == "fraction" and low.unit is None and not low.spelled:
            low = NumberMention(low.span, low.value / 100.0, "fraction")   # "20 and 30 percent"
        if not joined or n.value <= low.value:
            out.append(n)
            continue
        value = low.value
        scale = _SCALE_IN.search(n.span.text)
        if scale and not _SCALE_IN.search(low.span.text) and n.value / value >= 100:
            value *= SCALES[scale.group(0).lower()]   # "3 to 4 million": the scale is shared
        out[-1] = NumberMention(Span.of(text, low.span.start, n.span.end), value, n.unit or low.unit,
                                low.spelled and n.spelled, high=n.value)
    return out


__all__ = ["NumberMention", "find_numbers", "words_value"]
