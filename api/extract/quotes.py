"""Quotation marks: pairing straight and curly marks inside one paragraph, and what a quote is.

A quote never runs past its paragraph, so one stray mark cannot swallow an article. A quote is
*standalone* (a direct statement) when the words around it in its sentence are only an
attribution ("X said", "He added,", "...responded:", "...stressed that"); otherwise it is a
fragment inside reported speech and belongs to the indirect statement around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import verbs

OPENERS = "“\"«„‘"
_DOUBLE = "“”\"«»„"
_TRAIL = ",.;: \u00a0"
_LEAD_IN = re.compile(r"(?:[:,]|\bthat|\b(?:said|says|added|stated|remarked|wrote|declared))\s*$", re.I)


@dataclass(frozen=True)
class Quote:
    start: int          # inside the marks
    end: int
    outer: tuple[int, int]   # including the marks

    def trimmed(self, text: str) -> tuple[int, int]:
        """The words without the punctuation that ends them before the closing mark."""
        s, e = self.start, self.end
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return s, e


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotes inside text[start:end] (one paragraph); any mix of straight and curly marks.

    An opening mark with no closing mark before the next opening mark is ignored, unless it opens
    the paragraph (a quote running to the paragraph's end).
    """
    if not any(ch in _DOUBLE for ch in text[start:end]):
        return _single_quotes(text, start, end)
    out, i = [], start
    while i < end:
        ch = text[i]
        opens = ch in "“«„" or ch == '"' and (i == start or not text[i - 1].isalnum())
        if not opens:
            i += 1
            continue
        j = i + 1
        while j < end and text[j] not in "”»“„" and not (
                text[j] == '"' and not (j + 1 < end and text[j + 1].isalnum())):
            j += 1
        if j < end and text[j] in "“„":
            # a second opening curly mark before any closing one: the first was stray
            i = j
            continue
        if j >= end:
            if i == start:
                out.append(Quote(i + 1, end, (i, end)))
            break
        if j > i + 1:
            out.append(Quote(i + 1, j, (i, j + 1)))
        i = j + 1
    return out


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotes in single marks (‘…’ or '…'), the house style of many outlets, in a paragraph with no
    double marks. A mark inside a word, or after a plural before a lowercase word ("the soldiers’
    families"), is an apostrophe."""
    out, i = [], start
    while i < end:
        ch = text[i]
        opens = ch in "‘'" and (i == start or not text[i - 1].isalnum()) and i + 1 < end and \
            (text[i + 1].isalnum() or text[i + 1] in "(['")
        if not opens:
            i += 1
            continue
        j = i + 1
        while j < end and not (text[j] in "’'" and text[j - 1] not in " \u00a0" and not (
                j + 1 < end and text[j + 1].isalnum()) and not (
                text[j - 1] == "s" and j + 2 < end and text[j + 1] == " " and text[j + 2].islower())):
            j += 1
        if j >= end:
            break
        if j > i + 1:
            out.append(Quote(i + 1, j, (i, j + 1)))
        i = j + 1
    return out


def is_standalone(text: str, q: Quote, left: int, right: int, attribution: bool) -> bool:
    """Whether the quote holds the whole reported content of its sentence.

    left/right bound the quote's sentence; `attribution` says whether a reporting verb stands
    in the words around it.
    """
    before = text[left:q.outer[0]].strip()
    after = text[q.outer[1]:right].strip()
    last = before.split()[-1].lower() if before.split() else ""
    before_ok = not before or bool(_LEAD_IN.search(before)) or "c" in verbs().get(last, ())
    ends = text[q.start:q.end].rstrip()[-1:] in tuple(",.?!")
    after_ok = not after or (after[0] in ",.;:!?—–-" or ends) and (attribution or len(after) <= 2)
    if before and not after:
        return before_ok
    return before_ok and after_ok


_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


def first_person(text: str) -> bool:
    """Block quotes are printed in the speaker's own voice: "I would like...", "We will always..."."""
    return bool(_FIRST_PERSON.search(text))
