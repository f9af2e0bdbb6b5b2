"""Person names the model cuts or mislabels where the parse shows a title before them.

- "Mayor Teresa Lugo Acosta", "President Ezequiel Ondo Mba": the model tags only the last words
  of a long name as a person; the proper nouns between the title word and them belong to it.
- "The UN Resident Coordinator in Bangladesh, Marguerite Ostby, said": a name in apposition to a
  title, which the model reads as a nationality or a place, is a person.
Title words come from data/titles.txt; a known name (gazetteer), a demonym or a place is never
taken for a person.
"""
from __future__ import annotations

from . import gazetteer as gz

_MAX_EXTRA = 3


def _titles() -> frozenset[str]:
    return gz.words("titles.txt")


def _title_word(tok) -> bool:
    return tok.lower_.rstrip(".") in _titles()


def _name_word(tok) -> bool:
    """A capitalised proper noun that may be part of a person's name."""
    return tok.tag_ == "NNP" and tok.text[:1].isupper() and tok.is_alpha and not tok.ent_id_ \
        and not _title_word(tok) and tok.text not in gz.demonyms() and tok.lower_ not in gz.places()


def _after_title(doc, ent):
    """"Tarsk Mayor Lucia Ferro Acosta" tagged whole: the name is what follows its last title word."""
    inner = [t.i for t in ent[:-1] if _title_word(t)]
    if not inner or ent.end - inner[-1] - 1 < 2:
        return ent
    return doc.char_span(doc[inner[-1] + 1].idx, ent.end_char, label="PERSON") or ent


def _longer_name(doc, ent):
    """A person entity with the name words between it and the title before it."""
    ent = _after_title(doc, ent)
    j = ent.start
    while j > ent.sent.start and ent.start - j < _MAX_EXTRA and _name_word(doc[j - 1]) \
            and doc[j - 1].dep_ == "compound" and doc[j - 1].head.i >= ent.start \
            and doc[j - 1].ent_type_ in ("", "PERSON", "NORP"):
        j -= 1
    if j == ent.start or j == ent.sent.start or not _title_word(doc[j - 1]):
        return ent
    return doc.char_span(doc[j].idx, ent.end_char, label="PERSON") or ent


def _apposed_name(doc, tok):
    """The span of a name set off by commas after a title ("its leader, Ana Ruiz, said";
    "The UN Coordinator in Tarvia, Ana Ruiz, said"), or None; `tok` is the name's last word."""
    if not _name_word(tok) or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    start = tok.i
    while start > 0 and tok.i - start < _MAX_EXTRA and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i == tok.i and _name_word(doc[start - 1]):
        start -= 1
    if start == tok.i or start < 2 or doc[start - 1].text != ",":
        return None
    before = doc[max(tok.sent.start, start - 8):start - 1]
    titled = [t for t in before if _title_word(t) and t.tag_.startswith("NN")]
    if not titled or any(t.tag_.startswith("VB") for t in before if t.i > titled[-1].i):
        return None
    return doc.char_span(doc[start].idx, tok.idx + len(tok), label="PERSON")


def with_person_names(doc, ents: list) -> list:
    """The entities with person names made whole and mislabelled apposed names made persons."""
    out = [_longer_name(doc, e) if e.label_ == "PERSON" and not e.ent_id_ else e for e in ents]
    for tok in doc:
        if tok.dep_ not in ("appos", "nsubj") or tok.ent_type_ == "PERSON":
            continue
        span = _apposed_name(doc, tok)
        if span is None:
            continue
        inside = [e for e in out if e.start < span.end and span.start < e.end]
        if all(not e.ent_id_ and e.label_ in ("NORP", "GPE", "ORG", "LOC", "FAC") for e in inside):
            out = [e for e in out if e not in inside] + [span]
    return sorted(out, key=lambda e: e.start)
