"""Who speaks: reporting verbs in the parse, their subjects, and the actor a subject names.

Pronouns ("he", "she") and descriptors ("the Russian president", "the Kremlin spokesman")
take the most recent matching actor before them.
"""
from __future__ import annotations

from bisect import bisect_right

from . import gazetteer as gz
from .aliases import slug
from .types import Actor

_PRONOUNS = {"he", "she"}
_NEGATORS = {"refrained", "refrain", "refused", "declined", "avoided", "failed"}
_SUBJECT_DEPS = ("nsubj",)
_MODALS = {"would", "will", "could", "can", "may", "might", "should", "must", "shall", "'ll", "’ll"}


class MentionIndex:
    """Actor mentions in document order, for lookups by offset and by recency."""

    def __init__(self, actors: tuple[Actor, ...]):
        self.by_key = {a.key: a for a in actors}
        ms = sorted((m.span.start, m.span.end, m.actor) for a in actors for m in a.mentions)
        self.starts = [m[0] for m in ms]
        self.items = ms

    def at(self, start: int, end: int) -> list[str]:
        """Keys of actors mentioned inside [start, end)."""
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] <= end and self.items[i][2] not in out:
                out.append(self.items[i][2])
            i += 1
        return out

    def covering(self, pos: int) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.items[i][0] <= pos:
            if self.items[i][1] > pos:
                return self.items[i][2]
            i -= 1
        return None

    def last_subject(self, doc, pos: int) -> tuple[int, str | None]:
        """(start, key) of the latest person named as a subject before pos: who "he"/"she" most likely is."""
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            s, e, key = self.items[i]
            span = doc.char_span(s, e, alignment_mode="expand") if e <= pos else None
            if span is not None and self.by_key[key].kind == "person" \
                    and span.root.dep_ in ("nsubj", "nsubjpass"):
                return s, key
            i -= 1
        return -1, None

    def last_mention(self, key: str, pos: int) -> int:
        return max((s for s, e, k in self.items if k == key and e <= pos), default=-1)

    def last_before(self, pos: int, test) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0:
            key = self.items[i][2]
            if self.items[i][1] <= pos and test(self.by_key[key]):
                return key
            i -= 1
        return None


def is_reporting(tok) -> bool:
    """A reporting verb ("said", "pointed to", "called for"), not negated or under "refrained from"."""
    verbs = gz.reporting_verbs()
    low = tok.lower_
    verbal = tok.tag_.startswith("VB") or tok.tag_ in ("MD", "")     # "": a blank pipeline has no tags
    if low not in verbs or not verbal:
        if not (low in verbs and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "that"):
            return False
    particle = verbs[low]
    if particle and (tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != particle):
        return False
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
        return False              # "would respond", "will announce": not said yet
    return tok.head.lower_ not in _NEGATORS and not any(
        a.lower_ in _NEGATORS for a in list(tok.ancestors)[:2])


def subject(tok):
    """The subject a reporting verb reports for (through conj, participles, "quoted X as saying")."""
    subs = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
    if subs:
        return subs[-1]          # "Chief of the General Staff Valery Gerasimov acknowledged": the name
    if tok.lower_ in ("saying", "say") and tok.head.lower_ == "as" or tok.head.lower_ in ("quoted", "cited"):
        quoted = tok.head if tok.head.lower_ in ("quoted", "cited") else tok.head.head
        return next((c for c in quoted.children if c.dep_ == "dobj"), None)
    if tok.dep_ == "acl" and tok.head.tag_.startswith("NN"):
        return tok.head
    if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp") and tok.head is not tok:
        return subject(tok.head)
    return None


def _descriptor(head, index: MentionIndex) -> str | None:
    """"the Russian president" -> the latest person whose role has "president" (and the demonym)."""
    titles = gz.words("titles.txt")
    if head.lower_ not in titles:
        return None
    mods = {c.text for c in head.children if c.dep_ in ("amod", "compound")}

    def fits(a: Actor) -> bool:
        role = (a.role or "").lower()
        if a.kind != "person" or head.lower_ not in role and not (
                head.lower_ in ("spokesman", "spokeswoman", "spokesperson") and "spokes" in role):
            return False
        entry = gz.entries().get(a.key)
        affs = {a.affiliation, slug(entry.affiliation) if entry and entry.affiliation else None} - {None}
        return all(m.lower() in role or m in gz.demonyms() and gz.demonyms()[m] in affs for m in mods)
    return index.last_before(head.idx, fits)


def actors_of(subj, index: MentionIndex, last_speaker: str | None) -> list[str]:
    """The actors a subject names: each conjunct's own mention, or one inside its phrase."""
    if subj is None:
        return []
    heads = [subj, *subj.conjuncts]
    out: list[str] = []
    for h in heads:
        key = index.covering(h.idx)
        appos = [c for c in h.children if c.dep_ == "appos"]
        if key is None and appos:
            key = index.covering(appos[0].idx)
        if key is None and h.lower_ in _PRONOUNS:
            at, named = index.last_subject(h.doc, h.idx)
            if last_speaker and index.by_key[last_speaker].kind == "person" and \
                    index.last_mention(last_speaker, h.idx) >= at:
                key = last_speaker
            else:                 # a person named as the subject since the last speaker spoke
                key = named or index.last_before(h.idx, lambda a: a.kind == "person")
        if key is None:
            key = _descriptor(h, index)
        common_noun = h.tag_ in ("NN", "NNS")
        if key is not None and common_noun and any(t.dep_ == "conj" for t in h.subtree if t.i < h.i):
            out.extend(k for k in index.at(h.left_edge.idx, h.idx + len(h)) if k not in out)
        if key is None and h.tag_.startswith("NN"):
            found = index.at(h.left_edge.idx, h.idx + len(h))       # "DPRK and Russian officials"
            preps = [c for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "in")]
            if not found and preps:                               # "reports from South Korea"
                last = list(preps[0].subtree)[-1]
                found = index.at(preps[0].idx, last.idx + len(last))
            out.extend(k for k in found if k not in out)
        if key and key not in out:
            out.append(key)
    return out
