"""Figure frames: what a number counts and which predicate governs it, read from the parse.

For each number: the counted noun (past adjectives and compounds, "412 of the 430 shells",
"two of them", elliptical "9 more"), the verb that governs the counted thing (walking up
conjunctions, prepositions and participles), whether the thing is that verb's object, and the
verb's agent. Lexicons (data/figures_nouns.tsv, figures_predicates.tsv, figures_words.tsv) say
what a noun or a verb means; the pipeline has no lemmatizer, so the tables list word forms.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class NounInfo:
    base: str      # singular form: "soldier"
    unit: str      # "people", "km", or "-" for the noun's own plural
    cls: str       # military, person, captive, member, weapon, attack, territory, ..., time


@dataclass(frozen=True)
class VerbInfo:
    base: str      # "shoot down"
    cls: str       # launch, intercept, deploy, victim, release, return, capture, control, target, ...
    metric: str


@lru_cache(maxsize=1)
def nouns() -> dict[str, NounInfo]:
    out: dict[str, NounInfo] = {}
    for forms, unit, cls in _rows("figures_nouns.tsv"):
        words = [w.replace("_", " ") for w in forms.split()]
        info = NounInfo(words[0], unit.replace("_", " "), cls)
        for w in words:
            out.setdefault(w.lower(), info)
    return out


@lru_cache(maxsize=1)
def verbs() -> dict[str, VerbInfo]:
    out: dict[str, VerbInfo] = {}
    for forms, cls, metric in _rows("figures_predicates.tsv"):
        words = forms.split()
        info = VerbInfo(words[0].replace("+", " "), cls, metric)
        for w in words:
            out.setdefault(w.lower(), info)
    return out


@cache
def word_list(name: str) -> frozenset[str]:
    for row in _rows("figures_words.tsv"):
        if row[0] == name:
            return frozenset(w.replace("_", " ").lower() for w in row[1].split())
    return frozenset()


NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS")
VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
QUANTIFIERS = {"most", "all", "some", "many", "none", "half", "majority", "part", "rest", "each", "any",
               "few"}
ANAPHORS = {"them", "which", "those", "these", "whom", "it", "they"}
ELLIPSIS_WORDS = {"more", "others", "additional", "extra", "other"}
# The noun of "the number of X ... at N" / "a population of N": heads that stand for a count
COUNT_HEADS = {"number", "toll", "total", "tally", "count", "population", "figure"}


def is_noun(t) -> bool:
    return t.tag_ in NOUN_TAGS


def verb_info(v) -> VerbInfo | None:
    """The lexicon entry of a verb token, with its particle ("shot down")."""
    if v is None:
        return None
    word = v.lower_
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == v.i + 1):
            hit = verbs().get(f"{word}+{c.lower_}")
            if hit:
                return hit
    return verbs().get(word)


def noun_info(t) -> NounInfo | None:
    if t is None:
        return None
    w = t.lower_
    if w in ("prisoners", "prisoner") and t.i + 2 < len(t.doc) and t.doc[t.i + 1].lower_ == "of" \
            and t.doc[t.i + 2].lower_ == "war":
        return nouns().get("prisoners of war")
    return nouns().get(w)


def plural(t) -> str:
    """Unit word for a counted noun token: its plural, lower case."""
    w = t.lower_
    if w.endswith(("ss", "us")) and t.tag_ in ("NN", "NNP"):
        return w + "es"       # "one business", "a bus"
    if t.tag_ in ("NNS", "NNPS") or w.endswith("s"):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("sh", "ch", "x", "z")):
        return w + "es"
    return w + "s"


@dataclass
class Frame:
    number: object                 # the number's syntactic head token
    noun: object | None = None     # the counted noun token
    elliptic: bool = False         # the noun is left out ("9 more", "two of them"): take the previous one
    anaphoric: bool = False        # left out behind a pronoun ("two of them", "40 of which")
    more: bool = False             # "9 more", "30 others": a continuation of the previous count
    part: bool = False             # "412 of ...": a part of a counted whole
    whole: bool = False            # "... of the 430 shells": the whole a part is taken from
    chain: tuple = ()              # nouns from the counted one up its compound chain ("60-day truce")
    pred: object | None = None     # the governing verb
    direct: bool = False           # the counted thing is the verb's own argument (not inside a PP of a noun)
    passive: bool = False


def number_token(tokens):
    """The token that stands for a number written over several tokens ("$7 billion" -> billion)."""
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head == t]
    return heads[-1] if heads else tokens[-1]


def _climb_to_noun(t):
    """From a number up its modifier chain to the noun it counts: nummod / quantmod / compound."""
    chain, part, h = [], False, t
    for _ in range(6):
        if h.dep_ not in ("nummod", "quantmod", "compound", "nmod", "amod", "npadvmod") or h.head == h:
            break
        nxt = h.head
        if nxt.i < h.i:
            break
        if nxt.tag_ == "CD":              # "five of 11 rockets": a part of the next number
            part = part or any(x.lower_ == "of" for x in h.doc[h.i:nxt.i])
            h = nxt
            continue
        if is_noun(nxt):
            chain.append(nxt)
        h = nxt
        hyphened = nxt.i + 1 < len(nxt.doc) and nxt.doc[nxt.i + 1].tag_ == "HYPH"
        # "a 90-day humanitarian pause": the hyphened noun modifies the noun it hangs from
        modifier = nxt.dep_ in ("nmod", "amod") and nxt.doc[nxt.i - 1].tag_ == "HYPH"
        if is_noun(nxt) and nxt.dep_ != "compound" and not hyphened and not modifier:
            break
    return chain, part


def _linear_noun(t, limit: int):
    """Fallback when the parse gives no noun: the first common noun right after the number,
    past adjectives and names ("3,000 additional soldiers", title-case headlines)."""
    doc = t.doc
    for j in range(t.i + 1, min(len(doc), t.i + 5)):
        x = doc[j]
        if x.idx >= limit:
            return None
        if x.tag_ in ("NN", "NNS") or (x.tag_ in ("NNP", "NNPS") and x.lower_ in nouns()):
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is not None and (nxt.tag_ in ("NN", "NNS") and x.lower_ not in nouns()):
                continue   # "artillery pieces": the head comes later
            return x
        if x.tag_ not in ("JJ", "JJR", "JJS", "VBN", "NNP", "NNPS", "HYPH", "RB", "CD", "``", "''"):
            return None
    return None


def build(t, limit: int) -> Frame:
    """The frame of the number whose head token is t; `limit` is the clause end (char offset)."""
    f = Frame(number=t)
    chain, part = _climb_to_noun(t)
    f.part = part
    if chain:
        f.chain = tuple(chain)
        f.noun = chain[-1] if noun_info(chain[-1]) or not noun_info(chain[0]) else chain[0]
        hyphened = chain[0].i >= 2 and t.doc[chain[0].i - 1].tag_ == "HYPH" and chain[0].is_alpha
        if (noun_info(chain[0]) and noun_info(chain[0]).cls == "time") or hyphened:
            f.noun = chain[0]     # "a 60-day truce", "the 120-seat assembly": the hyphened noun is counted
    # "412 of the 430 shells", "two of them", "40 of which"
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if f.noun is None and of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            f.part = True
            if pobj.lower_ in ANAPHORS or pobj.tag_ in ("PRP", "WDT", "DT"):
                f.elliptic = f.anaphoric = True
            elif is_noun(pobj):
                f.noun = pobj
                if noun_info(pobj) is None and pobj.lower_ in COUNT_HEADS:
                    f.noun = None
    if f.noun is not None and f.noun.lower_ in ELLIPSIS_WORDS - {"others"}:
        f.noun, f.elliptic = None, True
    f.more = any(c.lower_ in ELLIPSIS_WORDS for c in t.children) or \
        (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ELLIPSIS_WORDS)
    # the whole of a partitive: its noun hangs from "of" under another number
    if f.noun is not None and f.noun.dep_ == "pobj" and f.noun.head.lower_ == "of" \
            and f.noun.head.head != t \
            and (f.noun.head.head.tag_ == "CD" or f.noun.head.head.lower_ in QUANTIFIERS):
        f.whole = True     # "412 of the 430 shells", "most of the 95 rockets fired by X"
    if t.i >= 2 and t.doc[t.i - 1].lower_ == "of" and t.doc[t.i - 2].tag_ == "CD":
        f.whole = True     # "five of 11 rockets": 11 is the whole the part is taken from
    if f.noun is None and not f.elliptic and t.i + 2 < len(t.doc) and t.doc[t.i + 2].tag_ == "CD" \
            and t.doc[t.i + 1].lower_ in ("by", "for", "x"):
        f.noun = _linear_noun(t.doc[t.i + 2], limit)   # "500 for 500 swap": past the second term
    if f.noun is None and not f.elliptic:
        # "the toll rose to more than 41,000": the count the number fills, before "more" is read as
        # a continuation ("9 more")
        f.noun = _count_head(t)
    if f.noun is None and not f.elliptic:
        if any(c.lower_ in ELLIPSIS_WORDS for c in t.children) or \
                (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("more", "others")):
            f.elliptic = True
        else:
            f.noun = _count_head(t) or _linear_noun(t, limit)
            if f.noun is None and t.dep_ in ("dobj", "nsubj", "nsubjpass", "appos", "conj", "attr", "pobj"):
                f.elliptic = True
    f.pred, f.direct, f.passive = governing_verb(f)
    return f


def _count_head(t):
    """"a crowd of some 8,000", "the death toll rose to 50": the count noun the number fills."""
    h = t.head
    if t.dep_ == "dobj" and h.tag_ in VERB_TAGS:     # "death toll tops 31,000", "toll passes 500"
        subj = next((c for c in h.children if c.dep_ == "nsubj" and c.lower_ in COUNT_HEADS), None)
        if subj is not None:
            return _of_noun(subj) or subj
    if h.lower_ in ("of", "at", "to", "above", "past", "over", "beyond") and h.dep_ == "prep":
        up = h.head
        if is_noun(up) and up.lower_ in COUNT_HEADS:
            return _of_noun(up) or up
        if up.tag_ in VERB_TAGS:     # "the toll rose to 50", "bringing its death toll to 405"
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.lower_ in COUNT_HEADS), None) or \
                next((c for c in up.children if c.dep_ == "dobj" and c.lower_ in COUNT_HEADS), None)
            if subj is not None and subj.lower_ in COUNT_HEADS:
                return _of_noun(subj) or subj
    return None


def _of_noun(head):
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and is_noun(c)), None)


def governing_verb(f: Frame):
    """(verb, direct, passive): the verb that governs the counted thing."""
    start = f.noun if (f.noun is not None and not f.part) else f.number
    if f.whole or (f.noun is not None and f.noun.dep_ in ("nsubj", "ROOT") and not f.part):
        acl = next((c for c in f.noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"), None)
        if acl is not None and verb_info(acl):
            return acl, True, True
        if f.whole:
            return None, False, False
    t, direct = start, True
    for _ in range(12):
        if t.head == t:
            return None, False, False
        dep, h = t.dep_, t.head
        if dep == "pobj":
            direct = False     # "shot down 29 drones over eight regions": the regions are no object
        if h.tag_ in VERB_TAGS and h.dep_ != "prep":     # "including 35 children": a preposition
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in h.children) or \
                (h.tag_ == "VBN" and h.dep_ in ("acl", "relcl"))
            return h, direct, passive
        t = h
    return None, False, False


def agent(v):
    """The doer of verb v: its subject, a passive's by-phrase, or the subject it shares with
    the verb it hangs from ("Ruritania managed to free", "X struck ..., using 40 boats")."""
    for _ in range(6):
        if v is None:
            return None
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "agent", "nsubjpass", "expl")), None)
        if subj is not None:
            if subj.dep_ == "agent":
                return next((c for c in subj.children if c.dep_ == "pobj"), None)
            if subj.dep_ == "nsubj":
                if subj.lower_ in ("which", "that", "who") and v.dep_ == "relcl":
                    return v.head       # "the phase, which will last": the antecedent
                return subj
            return None        # a passive with no by-phrase: no agent
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ in ("xcomp", "conj", "advcl", "acl") and v.head != v:
            if v.dep_ == "acl" and is_noun(v.head):
                return None
            if v.head.lower_ in reporting_forms() and v.dep_ != "xcomp":
                # the one who reports is the source, not the doer ("claimed to have fired" is)
                return None
            v = v.head
            continue
        return None
    return None


@lru_cache(maxsize=1)
def reporting_forms() -> frozenset[str]:
    from .attribution import verbs as speech_verbs
    return frozenset(speech_verbs())


def np_span(t) -> tuple[int, int]:
    """Char span of the noun phrase headed by t, without clauses hanging from it."""
    lo, hi = t.idx, t.idx + len(t)
    for x in t.subtree:
        anc = x
        blocked = False
        while anc != t:
            if anc.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos", "conj", "cc", "punct"):
                blocked = True
                break
            anc = anc.head
        if not blocked:
            lo, hi = min(lo, x.idx), max(hi, x.idx + len(x))
    return lo, hi


__all__ = ["Frame", "build", "agent", "verb_info", "noun_info", "plural", "np_span", "number_token",
           "word_list", "nouns", "verbs", "NounInfo", "VerbInfo"]
