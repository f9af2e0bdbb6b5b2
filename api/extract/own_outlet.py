"""The article's own outlet, from its wire credit: "BEIRUT (AP) — ...", "... — AFP".

CONVENTIONS: the publisher or wire credit of the article itself is no actor, so where the text
later names it ("according to an AP tally") that is the article's own word, not a cited source.
"""
from __future__ import annotations

import re

from . import gazetteer as gz
from .mentions import _CREDIT_TAIL, _DATELINE
from .text import ParsedText

_PARTS = re.compile(r"[^()/,;&—–-]+")


def own_outlets(parsed: ParsedText) -> frozenset[str]:
    """Gazetteer keys of the news outlets credited in a dateline or a closing credit."""
    credits = []
    for para in parsed.paragraphs:
        m = _DATELINE.match(para.text)
        if m and m.group("credit"):
            credits.append(m.group("credit"))
        tail = _CREDIT_TAIL.search(para.text)
        if tail and len(para.text) > len(tail.group(0)) + 20 \
                and para.text[:tail.start()].rstrip().endswith((".", "”", '"')):
            credits.append(tail.group(0))
    keys = set()
    for credit in credits:
        for part in _PARTS.findall(credit):
            key = gz.surface_index().get(part.strip())
            if key and gz.entries()[key].kind == "media":
                keys.add(key)
    return frozenset(keys)
