"""Whether a mention names an actor that acts: the syntactic role of the mention in its sentence.

CONVENTIONS: an entity is an actor only when it speaks, does something, or is what a statement,
figure or event is about. Places that only locate ("in Tarsk"), organisations inside a person's
title ("Ruritanian Prime Minister X"), audiences ("told the Gazette"), modifiers ("Bordurian naval bases")
and subjects of negated speech ("neither confirmed nor denied") are not. Read from the dependency
parse: the mention's head token, its dependency label and the word it hangs on.
"""
from __future__ import annotations

from functools import cache

from . import gazetteer as gz

ACTS, LOCATES, TITLE = "acts", "locates", "title"
AUDIENCE, MODIFIER, NEGATED = "audience", "modifier", "negated"
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
_MODIFIERS = ("compound", "amod", "nmod", "npadvmod", "nummod")


@cache
def lexicon(name: str) -> frozenset[str]:
    """One category of data/actor_roles.tsv."""
    for cells in gz._rows("actor_roles.tsv"):
        if cells[0] == name:
            return frozenset(cells[1].split())
    return frozenset()


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w.lower() for w in gz.words("titles.txt"))


@cache
def _org_words() -> frozenset[str]:
    """Head nouns of institutions ("service", "agency"): "the RPS police service" is the RPS."""
    return frozenset(w for cells in gz._rows("org_kinds.tsv") for w in cells[0].split())


def _negated(verb) -> bool:
    """"did not comment", "has neither confirmed nor denied", "could not be reached"."""
    heads = [verb]
    if verb.dep_ == "conj":
        heads.append(verb.head)
    return any(c.dep_ == "neg" or c.dep_ == "preconj" and c.lower_ == "neither"
               for v in heads for c in v.children)


def role_of(tok, depth: int = 0) -> str:
    """The role of the noun phrase headed by `tok`: ACTS or the reason it does not act."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and tok.head.tag_.startswith("NN"):
        tok = tok.head                      # a conjunct or apposition shares its head's role
    dep, head = tok.dep_, tok.head
    if depth > 4 or head.i == tok.i:
        return ACTS
    low = head.lower_
    if dep in _SUBJECTS:
        return NEGATED if _negated(head) else ACTS
    if dep == "pobj":
        return _object_of_preposition(tok, head, depth)
    if dep in ("dobj", "dative", "attr", "oprd"):
        if low in lexicon("audience_verbs") and dep in ("dobj", "dative"):
            return AUDIENCE
        if low in lexicon("locative_verbs"):
            return LOCATES
        return ACTS
    if dep == "poss" or dep in _MODIFIERS:
        return _modifier_of(head, dep, depth)
    return ACTS


def _object_of_preposition(tok, prep, depth: int) -> str:
    word, gov = prep.lower_, prep.head
    if word == "to" and gov.lower_ == "according" or word == "by" or prep.dep_ == "agent":
        return ACTS
    if word in lexicon("list_openers") or word == "as" and gov.lower_ == "such":
        listed = _noun_before(prep)         # "regions, including X": X is one of the regions
        if listed is not None and listed.lower_ in lexicon("place_nouns"):
            return LOCATES
        return role_of(listed, depth + 1) if listed is not None else ACTS
    if word in lexicon("locative_preps"):
        return LOCATES
    if word == "to" and gov.lower_ in lexicon("audience_nouns"):
        return AUDIENCE
    if word in lexicon("verb_locative_preps"):
        return LOCATES if gov.tag_.startswith(("VB", "JJ", "RB")) else ACTS
    if word == "of" and gov.tag_.startswith("NN"):
        low = gov.lower_
        if low in _title_words():
            return TITLE
        if low in lexicon("place_nouns"):
            return LOCATES
        if low in lexicon("part_nouns"):
            return MODIFIER
    return ACTS


def _noun_before(tok):
    """The nearest noun before `tok` in its sentence (skipping punctuation and "such as")."""
    i = tok.i - 1
    while i >= tok.sent.start and (doc_tok := tok.doc[i]) is not None:
        if doc_tok.tag_.startswith("NN"):
            return doc_tok
        if not (doc_tok.is_punct or doc_tok.lower_ in ("such", "as")):
            return None
        i -= 1
    return None


def _modifier_of(head, dep: str, depth: int) -> str:
    """"Ruritanian Prime Minister", "the Tarsk region", "Borduria's blockade", "the RPS police service"."""
    low = head.lower_
    if low in _title_words():
        return TITLE
    if low in lexicon("place_nouns"):
        return LOCATES
    if low in _org_words() or low in gz.groups() or low in lexicon("people_nouns") \
            or head.ent_type_ in ("ORG", "GPE", "NORP"):
        return role_of(head, depth + 1)     # the institution or group it names acts for it
    if head.ent_type_ == "PERSON":
        return TITLE
    if low in lexicon("event_nouns"):
        return ACTS                         # "Ruritania-Borduria talks": a party to them
    return ACTS if dep == "poss" else MODIFIER


def _before_title(span) -> bool:
    """"Ruritanian Prime Minister Ana Ruiz": title words and then a person's name follow the mention
    (read from the tokens, as the parse of such runs is often wrong)."""
    doc, i, titles = span.doc, span.end, _title_words()
    while i < len(doc) and i < span.end + 4 and doc[i].lower_.strip(".") in titles:
        i += 1
    return span.end < i < len(doc) and doc[i].ent_type_ == "PERSON"


def role(doc, start: int, end: int) -> str:
    """The role of the mention at [start, end) of `doc`'s text: ACTS or why it does not act."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ACTS
    if _before_title(span):
        return TITLE
    return role_of(span.root)
