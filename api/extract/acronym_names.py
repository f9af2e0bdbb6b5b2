"""Organisation names the text introduces with their acronym: "the Economic Community of Central
African States (ECCAS)", "the Sonora State Attorney General's Office (FGJES)", "the Social
Democratic party (PSD)".

Text that spells an acronym out in brackets tells where the name begins and ends, which the
model often does not know (it cuts "Economic Community of", reads "Sonora" as a person). The run
of capitalised words (joined by of/for/the/and/'s, and ending on a capitalised word or a
lower-case institution noun, data/name_heads.txt) before "(ABC)" is one organisation name, when
its initials share enough letters with the acronym (which may be in another language's word
order: "CNSR" for "National Council for the Safeguarding of the Republic").
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from . import gazetteer as gz

_JOINERS = frozenset({"of", "for", "the", "and", "on", "in", "'s", "’s", "de", "du", "des", "la"})
_MAX_WORDS = 12


@cache
def lower_heads() -> frozenset[str]:
    """Institution nouns a name may end on in lower case ("National Liberal party")."""
    return gz.words("name_heads.txt")


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or tok.text[:1].isupper() and "-" in tok.text


def _acronym_at(doc, i: int) -> bool:
    """Tokens i..i+2 are "(", an acronym of 2 to 7 capitals, ")"."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return False
    t = doc[i + 1].text
    return 2 <= len(t) <= 7 and t.isalpha() and t.isupper()


def _run_start(doc, end: int) -> int | None:
    """First token of the name that ends just before token `end`, None when there is none."""
    last = doc[end - 1]
    if not (_capitalised(last) or last.lower_ in lower_heads() and end >= 2 and _capitalised(doc[end - 2])):
        return None
    start = end - 1
    while start > 0 and end - start < _MAX_WORDS and not doc[start].is_sent_start:
        j = start - 1
        while j > 0 and doc[j].lower_ in _JOINERS and start - j < 3:   # "for the", "of the"
            j -= 1
        if _capitalised(doc[j]) and doc[j].lower_ != "the" and not doc[j + 1].is_sent_start:
            start = j
        else:
            break
    return start if end - start >= 2 else None


def _letters_agree(words: list[str], acronym: str) -> bool:
    """At least two letters of the acronym (or all of a two-letter one) are initials of the name's
    capitalised words, in any order."""
    initials = Counter(w[0] for w in words if w[:1].isupper())
    shared = sum((Counter(acronym) & initials).values())
    return shared >= min(2, len(acronym))


def acronym_names(doc) -> list[tuple[int, int, str]]:
    """(first token, end token, acronym) of every name introduced with its acronym in brackets."""
    out = []
    for tok in doc:
        if tok.text != "(" or not _acronym_at(doc, tok.i):
            continue
        start = _run_start(doc, tok.i)
        if start is None:
            continue
        words = [t.text for t in doc[start:tok.i]]
        if _letters_agree(words, doc[tok.i + 1].text):
            out.append((start, tok.i, doc[tok.i + 1].text))
    return out


def with_acronym_names(doc, ents: list) -> list:
    """The entities with each acronym-introduced name made one organisation: entities inside it
    (or cut across it) give way, unless one known entity is exactly the name."""
    ents = _with_lower_heads(doc, ents)
    found = acronym_names(doc)
    if not found:
        return ents
    for start, end, _ in found:
        if any(e.start == start and e.end == end and e.ent_id_ and gz.surface_index().get(e.text) == e.ent_id_
               for e in ents):
            continue                       # a known body's own name ("Armed Forces of Ukraine (AFU)")
        span = doc[start:end]
        span = doc.char_span(span.start_char, span.end_char, label="ORG")
        if span is None:
            continue
        for tok in span:       # a known name's word inside it ("the Alliance") is not that body here
            tok.ent_id_ = ""
        ents = [e for e in ents if e.end <= start or e.start >= end] + [span]
        if not any(e.start == end + 1 for e in ents):     # the acronym itself: a name of the body
            ents.append(doc.char_span(doc[end + 1].idx, doc[end + 1].idx + len(doc[end + 1]), label="ORG"))
    return sorted(ents, key=lambda e: e.start)


def _with_lower_heads(doc, ents: list) -> list:
    """"the National Liberal party": a name the model ends before the lower-case institution noun
    that some outlets print after it runs through that noun."""
    out = []
    for e in ents:
        nxt = doc[e.end] if e.end < len(doc) else None
        if e.label_ == "ORG" and not e.ent_id_ and nxt is not None and nxt.is_lower \
                and nxt.lower_ in lower_heads() and _capitalised(doc[e.end - 1]):
            e = doc.char_span(e.start_char, nxt.idx + len(nxt), label="ORG") or e
        out.append(e)
    return out
