"""Evidence in context: the sentence(s) around a span, cut at sentence ends within its paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! or ? (with any closing quote or bracket) before white space, or at a line end.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")
REACH = 400   # at most this many characters of context on each side


@dataclass(frozen=True)
class Context:
    before: str
    match: str
    after: str
    cut_before: bool   # the sentence is longer than REACH on that side
    cut_after: bool


def in_context(text: str, start: int, end: int) -> Context:
    low = max(0, start - REACH)
    begin = low
    for m in SENTENCE_END.finditer(text, low, start):
        begin = m.end()
    high = min(len(text), end + REACH)
    # Punctuation that ends the evidence itself ends its sentence too.
    m = SENTENCE_END.search(text, max(start, end - 1), high)
    finish = m.start() + len(m.group().rstrip()) if m else high
    finish = max(finish, end)
    return Context(text[begin:start], text[start:end], text[end:finish],
                   begin == low > 0, finish == high < len(text))
