"""Names of bodies that the model cuts at a joining word or reads as another body.

- A body of a named organisation: "the African Union's Peace and Security Council" is one
  name, not "African Union", "Peace and" and the UN's "Security Council".
- A name joined by "and": "the Ministry of Disaster Management and Relief said", where the
  model ends the name before "and".
- A national society of a federation (data/national_branches.txt): "the Chadian Red Cross" is
  Chad's own society, not the International Committee of the Red Cross.
"""
from __future__ import annotations

from functools import cache

from . import gazetteer as gz

_JOIN = frozenset({"and", "of", "for", "the", "on"})
_POSSESSIVE = ("'s", "’s")


def _titled(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


@cache
def _branches() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in gz._data("national_branches.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


def _run_end(doc, i: int, limit: int = 8) -> int:
    """End of a run of capitalised words joined by and/of/for/the, starting at token i."""
    end, j = i, i
    while j < len(doc) and j < i + limit and not (j > i and doc[j].is_sent_start):
        if _titled(doc[j]):
            end = j + 1
        elif doc[j].lower_ not in _JOIN:
            break
        j += 1
    return end


def _unknown(doc, start: int, end: int) -> None:
    """The words of a new name are no known body's ("Security Council" inside it is not the UN's)."""
    for tok in doc[start:end]:
        tok.ent_id_ = ""


def _sub_body(doc, ent):
    """"<Organisation>'s <Capitalised ... institution noun>" as one span, or None."""
    i = ent.end
    if ent.label_ != "ORG" or i + 1 >= len(doc) or doc[i].text not in _POSSESSIVE or not _titled(doc[i + 1]):
        return None
    end = _run_end(doc, i + 1)
    if end <= i + 1 or doc[end - 1].lower_ not in gz.words("org_heads.txt"):
        return None
    _unknown(doc, i + 1, end)
    return doc.char_span(ent.start_char, doc[end - 1].idx + len(doc[end - 1]), label="ORG")


def _joined_by_and(doc, ent):
    """"Ministry of Disaster Management" + "and Relief": the name runs on over "and" and capitalised
    words no entity holds, up to the first word that is not capitalised."""
    i = ent.end
    if ent.label_ != "ORG" or " of " not in ent.text or i + 2 >= len(doc) or doc[i].lower_ != "and":
        return None
    j = i + 1
    while j < len(doc) and j < i + 4 and _titled(doc[j]) and not doc[j].ent_type_:
        j += 1
    if j == i + 1 or j < len(doc) and (_titled(doc[j]) or doc[j].ent_type_):
        return None
    return doc.char_span(ent.start_char, doc[j - 1].idx + len(doc[j - 1]), label="ORG")


def _national_branch(doc, ent):
    """"the Chadian Red Cross": a demonym before a federation's name is its national society."""
    if ent.text.lower() not in _branches() or ent.start == 0:
        return None
    before = doc[ent.start - 1]
    if before.text not in gz.demonyms():
        return None
    _unknown(doc, ent.start - 1, ent.end)
    return doc.char_span(before.idx, ent.end_char, label="ORG")


def with_body_names(doc, ents: list) -> list:
    out: list = []
    for e in ents:
        if out and out[-1].end > e.start:
            continue                      # taken into the name before it
        whole = _sub_body(doc, e) or _joined_by_and(doc, e) or _national_branch(doc, e)
        if whole is not None:
            out = [o for o in out if o.end <= whole.start]
            e = whole
        out.append(e)
    return out
