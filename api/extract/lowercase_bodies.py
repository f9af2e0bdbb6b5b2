"""Institutions named in lower case, as wire style writes them: "the interior ministry said",
"the national vote-counting commission", "the Gaza health ministry", "Morocco's health ministry".

The model rarely tags these as organisations, so they are read from the parse: a definite noun
phrase whose head is an institution noun (data/lowercase_bodies.tsv) and whose modifiers are
lower-case words of its remit (not describing words such as "new", "local":
data/describing_modifiers.txt) or place names. The name is the phrase in title case
("Interior Ministry"), so that a later "the ministry said" finds it by its head noun.
"""
from __future__ import annotations

from functools import cache

from . import gazetteer as gz
from .mentions import Raw
from .text import ParsedText

_MODIFIER_DEPS = ("compound", "amod", "npadvmod", "nmod")


@cache
def _heads() -> dict[str, str]:
    return {cells[0].strip(): cells[1].strip() for cells in gz._rows("lowercase_bodies.tsv")}


def kind_of(name: str) -> str | None:
    """The actor kind of a body this module named, from its head noun."""
    return _heads().get(name.split()[-1].lower())


def _modifier_start(doc, head) -> int | None:
    """First token of the remit words before `head` ("national vote-counting"), None when a word
    there describes rather than names, or when no lower-case remit word is there."""
    i, lower_words = head.i, 0
    while i > head.sent.start:
        tok = doc[i - 1]
        inside = tok.i < tok.head.i <= head.i and (tok.head == head or head in tok.head.ancestors)
        if tok.text in ("-", "‑") and tok.whitespace_ == "" and doc[i - 2].whitespace_ == "":
            i -= 1                               # "vote-counting": a hyphen inside a word
            continue
        if not inside or tok.dep_ not in _MODIFIER_DEPS:
            break
        if tok.is_lower and tok.is_alpha:
            if tok.lower_ in gz.words("describing_modifiers.txt"):
                return None
            lower_words += 1
        elif not (tok.tag_ in ("NNP", "NNPS", "JJ") and tok.text[:1].isupper()):
            return None                          # a place or a name ("Gaza", "SBU"): actors.py decides
        i -= 1
    return i if lower_words else None


def _opening(doc, start: int) -> int | None:
    """Start of the phrase: "the" before the remit words, or a named country's possessive
    ("Morocco's"); None for other determiners ("a ministry", "its ministry")."""
    if start == 0:
        return None
    before = doc[start - 1]
    if before.lower_ == "the":
        return start
    if before.text in ("'s", "’s") and start >= 2 and doc[start - 2].ent_id_ \
            and gz.entries()[doc[start - 2].ent_id_].kind == "country":
        j = start - 2
        while j > 0 and doc[j - 1].ent_id_ == doc[start - 2].ent_id_:
            j -= 1
        return j
    return None


def _title(text: str) -> str:
    return " ".join(w if w[:1].isupper() else w.title() for w in text.split())


def from_lowercase_bodies(parsed: ParsedText) -> list[Raw]:
    doc, heads, out = parsed.doc, _heads(), []
    for tok in doc:
        if tok.lower_ not in heads or not tok.is_lower or tok.tag_ not in ("NN", "NNP"):
            continue
        start = _modifier_start(doc, tok)
        opening = _opening(doc, start) if start is not None else None
        if opening is None:
            continue
        begin, end = doc[opening].idx, tok.idx + len(tok)
        surface = parsed.text[begin:end]
        name = _title(surface)
        if surface in gz.descriptions() or name in gz.descriptions():
            continue
        out.append(Raw(begin, end, name, "BODY", gz.surface_index().get(name), alias=False))
    return out
