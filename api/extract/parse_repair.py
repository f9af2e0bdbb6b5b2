"""One parser error repaired before any rule reads the parse: a clause read as a noun phrase.

The small model sometimes reads "the military seized power on 1 February" or "the Fund
forecasts growth of 8 percent" as one noun phrase, with the finite verb as a modifier of the
object ("seized" an adjective of "power") and no verb in the sentence. A finite verb form
(past tense or third-person present: tags VBD, VBZ) cannot modify a noun, so such a sentence is
rewired as the clause it is: the noun before the verb its subject, the noun after it its object,
and the time, the participle clause and the punctuation that followed the object hung on the verb.
"""
from __future__ import annotations

_FINITE = ("VBD", "VBZ")
_NOUNS = ("NN", "NNS", "NNP", "NNPS")


def _misread_verb(sent):
    """(verb, subject) where the parser made a finite verb a modifier of the sentence's root noun."""
    root = sent.root
    if not root.tag_.startswith("NN"):
        return None
    for verb in root.lefts:
        if verb.tag_ not in _FINITE or verb.dep_ not in ("amod", "compound") or verb.i == sent.start:
            continue
        kids = list(verb.children)
        before = verb.doc[verb.i - 1]
        if len(kids) == 1 and kids[0].dep_ == "nsubj":
            return verb, kids[0]                  # "The Fund forecasts growth": the subject is there
        if not kids and before.head == root and (before.tag_ in _NOUNS or before.tag_ == "JJ"):
            return verb, before                   # "the military seized power" ("military" read as JJ)
    return None


def _moves_to_verb(tok) -> bool:
    """What follows the object but belongs to the clause: a date, a participle clause, punctuation."""
    if tok.dep_ == "punct":
        return True
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return True
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME")
                                      for c in tok.children)


def repair(doc) -> None:
    for sent in doc.sents:
        found = _misread_verb(sent)
        if found is None:
            continue
        (verb, subject), root = found, sent.root
        for t in [t for t in root.lefts if t.i < subject.i]:
            t.head = subject                      # "Myanmar's"
        for t in [t for t in root.rights if _moves_to_verb(t)]:
            t.head = verb
            if t.dep_ == "acl":
                t.dep_ = "advcl"                  # ", ousting the government": how the verb went
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "dobj"
        verb.head, verb.dep_ = verb, "ROOT"
