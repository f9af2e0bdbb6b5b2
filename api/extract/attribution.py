"""Speech acts from the dependency parse: which word reports speech, whose subject it has, and
where its content lies.

One act per reporting word with its own content: a verb of data/speech_verbs.tsv, "according to
X", or a speech noun with a clause of its own ("X's remarks that ..."). The verb's frames (data)
say where its content may lie: a reported clause, an object phrase, a to-infinitive, or a phrase
after a preposition. Which actor the subject names is speakers.py's business.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

# Verbs whose object is the one quoted ("the radio quoted the mayor as saying"): the quoter relays.
QUOTING = frozenset({"quoted", "quotes", "quote", "quoting", "cited", "cites", "cite", "citing"})
# Verbs that keep an infinitive or gerund from being said ("declined to say", "refrained from confirming").
NEGATORS = frozenset({"refrain", "refrains", "refrained", "refraining", "refuse", "refuses", "refused",
                      "refusing", "decline", "declines", "declined", "declining", "avoid", "avoids",
                      "avoided", "avoiding", "fail", "fails", "failed", "failing", "neglected"})
# "will announce", "could confirm": not said (yet).
_MODALS = frozenset({"would", "will", "could", "can", "may", "might", "should", "must", "shall", "'ll",
                     "’ll"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_SUBJECT = ("nsubj", "csubj")
# Prepositions that say when something was said, not what.
_CALENDAR = frozenset({*(d.lower() for d in calendar.day_name),
                       *(m.lower() for m in calendar.month_name if m),
                       "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night",
                       "weekend"})
_WHEN = frozenset({"amid", "upon"})


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files(__package__).joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def verbs() -> dict[str, frozenset[str]]:
    """Verb form -> its frames ("c", "o", "x", "l", "i", "p:to" ...)."""
    out: dict[str, frozenset[str]] = {}
    for line in _lines("speech_verbs.tsv"):
        forms, _, frames = line.partition("\t")
        for form in forms.split():
            out[form] = out.get(form, frozenset()) | frozenset(frames.split())
    return out


@lru_cache(maxsize=1)
def nouns() -> frozenset[str]:
    """Nouns that stand for something said ("statement", "remarks", "claims")."""
    return frozenset(w for line in _lines("speech_nouns.txt") for w in line.split())


@lru_cache(maxsize=1)
def empty_objects() -> frozenset[str]:
    """Object nouns that carry no content of their own ("reported the information")."""
    return frozenset(w for line in _lines("empty_objects.txt") for w in line.split())


@dataclass
class Act:
    trigger: Any                 # the reporting token ("said", "according", "remarks")
    subject: Any | None          # the token heading the phrase that names the speaker
    start: int                   # the content, as document offsets
    end: int
    frame: str                   # clause | left | object | xcomp | prep | opener
    head: Any | None = None      # the token heading what is said
    relay: bool = False          # the subject passes on someone else's words ("quoted X as saying")


def frames_of(tok) -> frozenset[str] | None:
    fr = verbs().get(tok.lower_)
    if fr is None:
        return None
    verbal = tok.tag_.startswith("VB") or tok.tag_ in ("MD", "")      # "": a blank pipeline has no tags
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if not verbal and not (nxt is not None and nxt.lower_ == "that"):   # "claims that" tagged as a noun
        return None
    return fr


def _negated_here(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_, c.dep_) in (("neither", "preconj"), ("nor", "cc")):
            return True
        if c.dep_ == "aux" and c.lower_ in _MODALS:
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    return False


def negated(tok) -> bool:
    """Not said: "did not confirm", "neither confirmed nor denied", "declined to say",
    "refrained from confirming or denying", "will announce"."""
    if _negated_here(tok):
        return True
    cur = tok
    for _ in range(3):                       # through "or denying", "from", "to say"
        if cur.dep_ not in ("conj", "xcomp", "pcomp", "pobj", "prep", "advcl") or cur.head.i == cur.i:
            return False
        head = cur.head
        if head.lower_ in NEGATORS:
            return cur.dep_ != "advcl" and not any(c.dep_ == "neg" for c in head.children)
        if cur.dep_ == "conj" and frames_of(head) is not None and _negated_here(head):
            return True
        cur = head
    return False


def _passive(tok) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def subject_of(tok):
    """The token naming who speaks through `tok`, or None (impersonal: "is said to", "were disclosed")."""
    subs = [c for c in tok.children if c.dep_ in _SUBJECT]
    if subs:
        s = subs[-1]
        if s.lower_ in _RELATIVE and tok.dep_ == "relcl":
            return tok.head                  # "Ruiz, who called the sailors ..."
        return s
    for c in tok.children:                   # "After Borduria blamed ...": the subject parsed as the
        if c.dep_ == "mark" and c.i < tok.i:  # object of the conjunction
            hung = next((p for p in c.children if p.dep_ == "pobj"), None)
            if hung is not None:
                return hung
    if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lower_ in QUOTING:
        quoting = tok.head.head              # "the radio quoted the mayor as saying": the quoter relays
        return next((c for c in quoting.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if _passive(tok):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if tok.dep_ == "acl" and tok.head.tag_.startswith("NN"):
        return tok.head                      # "a statement saying ..."
    participle = tok.tag_ in ("VBG", "VBN", "VB")   # "..., adding", "went on to say"; not "amid X claims"
    if tok.dep_ in ("conj", "xcomp", "pcomp", "ccomp") or tok.dep_ == "advcl" and participle:
        if tok.head.i == tok.i or tok.head.tag_[:2] not in ("VB", "MD"):
            return None
        return subject_of(tok.head)          # "said ... and warned", "..., adding", "went on to say"
    return None


def _edge(tok) -> int:
    return tok.idx + len(tok)


def _span(tokens) -> tuple[int, int]:
    toks = list(tokens)
    return min(t.idx for t in toks), max(_edge(t) for t in toks)


def _after_mark(clause) -> int:
    """Start of a clause without its "that"."""
    toks = [t for t in clause.subtree]
    i = 0
    while i < len(toks) and (toks[i].dep_ == "mark" and toks[i].lower_ in ("that", "whether", "if")
                             or toks[i].is_punct and not toks[i].is_quote):
        i += 1
    return toks[i].idx if i < len(toks) else clause.idx


def _past_time(clause, start: int) -> int:
    """ "said on Tuesday it had struck ...": the time phrase dates the telling; the parser hangs it
    on the clause's verb, before the clause's subject."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None:
        return start
    for c in clause.children:
        if c.i < subj.i and c.left_edge.idx <= start and c.dep_ in ("prep", "npadvmod", "advmod") and any(
                t.ent_type_ in ("DATE", "TIME") for t in c.subtree):
            start = max(start, _edge(c.right_edge))
    nxt = clause.doc.char_span(start, clause.doc[-1].idx + len(clause.doc[-1]), alignment_mode="expand")
    if nxt is not None and len(nxt) and nxt[0].lower_ == "that" and nxt[0].dep_ == "mark":
        start = _edge(nxt[0])
    return start


def _what_is(clause) -> int | None:
    """ "what it says is X": the content is X."""
    if clause.lower_ in ("is", "was", "are", "were") and any(
            c.lower_ == "what" and c.dep_ in ("nsubj", "attr") for c in clause.children):
        rest = [c for c in clause.children if c.i > clause.i and not c.is_punct]
        if rest:
            return min(t.idx for c in rest for t in c.subtree)
    return None


def _that_clause(noun):
    """The complement clause of a noun ("confidence that ...", "reports that ..."), not a relative clause."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
    return None


def _clause_under_circumstance(tok):
    """ "said in a note read out on the radio that ...": the parser hangs the clause inside
    the phrase that says where it was said."""
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("prep", "npadvmod", "advmod"):
            for t in c.subtree:
                if t.dep_ == "mark" and t.lower_ == "that" and t.head.i > t.i:
                    return t.head
    return None


def _circumstance(prep, frames: frozenset[str]) -> bool:
    """A phrase saying when or in what form something was said ("in a letter", "on Tuesday",
    "amid the summit"), not part of what was said."""
    if prep.lower_ in _WHEN and f"p:{prep.lower_}" not in frames:
        return True
    return any(t.dep_ == "pobj" and (t.lower_ in _CALENDAR or t.lower_ in nouns()) for t in prep.children)


_COMPLEMENTS = frozenset({"prep", "oprd", "xcomp", "dative", "ccomp", "advmod", "acomp", "dobj", "advcl"})


def _object_end(tok, first) -> int:
    """End of an object phrase with the complements after it ("X of Y", "X as Y", "X for Y")."""
    end = _edge(first.right_edge)
    for c in tok.children:
        if c.i <= first.i:
            continue
        apart = tok.doc[c.left_edge.i - 1].text in (",", ";", "—", "–")
        if c.dep_ == "prep" and _circumstance(c, frames_of(tok) or frozenset()):
            break                                     # "... in a joint letter", "... after the summit"
        if c.dep_ in _COMPLEMENTS and not apart:
            if c.dep_ == "advmod" and c.lower_ != "as":
                break
            end = max(end, _edge(c.right_edge))       # "vowed to keep going until X", "accused X of Y"
        elif c.dep_ in ("cc", "conj", "punct", "advcl"):
            break
    return end


def _said_of_relative(tok, children):
    """"the proposal, which Ana Ruiz called “unrealistic”", "..., which he described as “a farce”":
    in a relative clause whose object is the relative pronoun, what is said is the complement."""
    if tok.dep_ != "relcl" or not any(c.dep_ == "dobj" and c.tag_ == "WDT" and c.i < tok.i for c in children):
        return None
    for c in children:
        if c.i > tok.i and c.dep_ == "oprd":
            return c
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "as":
            return next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    return None


def _complement(tok, obj):
    """What is said of the object: "called it “a farce”", "praised X for their “patience”",
    "accused X of Y" -> the complement's head; else the object itself."""
    for c in sorted(tok.children, key=lambda c: -c.i):
        if c.i <= obj.i:
            break
        if c.dep_ == "oprd":
            return c
        if c.dep_ == "prep" and c.lower_ in ("as", "for", "of", "with"):
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj
    return obj


def _orphan_verb(obj):
    """A finite verb after `obj`, in its sentence, with no subject of its own."""
    sent = obj.sent
    for t in obj.doc[obj.right_edge.i + 1:sent.end]:
        if t.dep_ == "conj" and t.head.i == obj.head.i:
            return None      # "declared X and ordered Y": a second act of the same subject, not X's verb
        if t.tag_ in ("VBD", "VBZ", "VBP") and t.dep_ in ("conj", "ccomp", "ROOT", "parataxis") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
            return t
        if t.text in (";", ":") or t.tag_ in ("VBD", "VBZ", "VBP"):
            return None
    return None


def content_of(tok, frames: frozenset[str]) -> tuple[int, int, str, Any] | None:
    """(start, end, frame, head) of what `tok` reports, by the verb's frames; None when it reports nothing."""
    children = list(tok.children)
    host = tok.head
    if tok.dep_ in ("ccomp", "parataxis") and host.i > tok.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in host.children):
        raised = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
        if raised is not None:               # "X confirmed the raid, code-named Y, was carried out by Z":
            return raised.left_edge.idx, _edge(host.right_edge), "clause", host   # parsed upside down
    right = [c for c in children if c.dep_ == "ccomp" and c.i > tok.i]
    if right:
        clause = right[0]
        verbal = [c for c in right[1:] if c.tag_[:2] in ("VB", "MD")]
        last = verbal[-1] if verbal else clause   # "said that A, B": the parser may split one clause in two
        what = _what_is(clause)
        start = what if what is not None else _after_mark(clause)
        start = _past_time(clause, start)
        raised = next((c for c in children if c.dep_ == "dobj" and tok.i < c.i < clause.i), None)
        if raised is not None and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            start = raised.left_edge.idx             # "hinted the posting is X": subject taken as object
        return start, _edge(last.right_edge), "clause", clause
    hidden = _clause_under_circumstance(tok)
    if hidden is not None:
        return _after_mark(hidden), _edge(hidden.right_edge), "clause", hidden
    if "c" in frames:
        left = [c for c in children if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i]
        if left:
            return (*_span(left[0].subtree), "left", left[0])
        told = _clause_as_subject(tok, children)
        if told is not None:
            return (*_span(told.subtree), "left", told)
        told = _clause_before_aside(tok, children)
        if told is not None:
            return told
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is not None and "l" not in frames:
        clause = _that_clause(obj)
        if clause is not None:                       # "voiced hope that ...", "confirmed reports that"
            return _after_mark(clause), _edge(clause.right_edge), "clause", clause
    if obj is not None and "o" not in frames and "l" not in frames and obj.lower_ not in empty_objects():
        orphan = _orphan_verb(obj)
        if orphan is not None:                       # "as saying the fall of the fort showed X":
            return obj.left_edge.idx, _edge(orphan.right_edge), "clause", orphan   # subject taken as object
    preps = [c for c in children
             if c.i > tok.i and c.dep_ in ("prep", "prt", "dative") and f"p:{c.lower_}" in frames]
    if "x" in frames or "o" in frames:
        xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > tok.i), None)
        if xcomp is not None and (obj is None or xcomp.i < obj.i) and not (preps and preps[0].i < xcomp.i):
            return xcomp.left_edge.idx, _object_end(tok, xcomp), "xcomp", xcomp
    if obj is None and "o" in frames:
        said = _said_of_relative(tok, children)
        if said is not None:                         # "a plan, which X called “a trap”"
            return said.left_edge.idx, _edge(said.right_edge), "object", said
    if obj is not None and "o" in frames:
        if tok.doc[obj.left_edge.i - 1].text in (",", ";"):
            return None                              # "..., Ruiz noted, a shift from ...": a gloss
        return obj.left_edge.idx, _object_end(tok, obj), "object", _complement(tok, obj)
    for prep in preps:
        if _circumstance(prep, frames):
            continue
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objs:
            return objs[0].left_edge.idx, _object_end(tok, prep), "prep", objs[0]
        after = [c for c in children if c.i > prep.i and c.dep_ in ("dobj", "ccomp")]
        if after:                                    # "pointed out that ...", "called for X"
            return after[0].left_edge.idx, _edge(after[0].right_edge), "object", after[0]
    return None


def _clause_as_subject(tok, children):
    """"Strikes killed 40 people, the ministry said": the parser hangs the told clause on the
    reporting verb as a first subject (its verb an acl); the last subject, after a comma, speaks."""
    subs = [c for c in children if c.dep_ == "nsubj" and c.i < tok.i]
    if len(subs) < 2:
        return None
    first, doc = subs[0], tok.doc
    after = first.right_edge.i + 1
    if after < len(doc) and doc[after].text == "," and any(
            t.dep_ in ("acl", "relcl") and t.tag_[:2] == "VB" and t.head == first for t in first.children):
        return first
    return None


def _clause_before_aside(tok, children):
    """"The toll has risen to 2,012, the ministry says, with 2,059 injured": a trailing "X says"
    set off by commas that the parser hung inside the clause it tells (a parataxis of its verb or
    of a later word). What it tells is the sentence's main clause up to the comma before the speaker."""
    subs = [c for c in children if c.dep_ == "nsubj" and c.i < tok.i]
    if tok.dep_ not in ("parataxis", "advcl", "conj") or len(subs) != 1:
        return None
    doc, subject = tok.doc, subs[0]
    comma = subject.left_edge.i - 1
    if comma < 1 or doc[comma].text != "," or tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in (",", "."):
        return None
    root = tok.sent.root
    if not root.tag_.startswith("VB") or root.i >= comma or root.left_edge.i >= comma:
        return None
    return root.left_edge.idx, _edge(doc[comma - 1]), "left", root


def verb_act(tok) -> Act | None:
    """The speech act a reporting verb performs, or None (not a reporting verb, negated, impersonal)."""
    frames = frames_of(tok)
    if frames is None or negated(tok):
        return None
    subject = subject_of(tok)
    own_subject = any(c.dep_ in _SUBJECT for c in tok.children)
    if "i" in frames and not own_subject:
        return None                                  # "..., suggesting that": the outlet's inference
    if subject is None and _passive(tok):
        return None
    relay = tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lower_ in QUOTING
    found = content_of(tok, frames)
    if found is None:
        return Act(tok, subject, _edge(tok), _edge(tok), "opener", None, relay)
    s, e, frame, head = found
    return Act(tok, subject, s, e, frame, head, relay)


def according_act(tok, sent_start: int, sent_end: int) -> Act | None:
    """ "According to X, CLAUSE" / "CLAUSE, according to X"."""
    to = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if to is None or to.lower_ != "to":
        return None
    pobj = next((t for t in to.children if t.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_end = _edge(pobj.right_edge)
    if tok.idx - sent_start < 3:                     # fronted: the clause follows the source
        return Act(tok, pobj, phrase_end, sent_end, "left", tok.head)
    return Act(tok, pobj, sent_start, tok.idx, "left", tok.head)


def noun_act(tok) -> Act | None:
    """ "X's remarks that ...", "amid palace claims that ...": a speech noun with its own clause."""
    if tok.lower_ not in nouns() or not tok.tag_.startswith("NN"):
        return None
    clause = _that_clause(tok)
    if clause is None:
        return None
    return Act(tok, tok, _after_mark(clause), _edge(clause.right_edge), "clause", clause)


def acts_in(doc, start: int, end: int, skip) -> list[Act]:
    """Every speech act whose reporting word lies in [start, end) and not inside quoted words (`skip`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    out = []
    verb_words, noun_words = verbs(), nouns()
    for tok in span or ():
        low = tok.lower_
        if low != "according" and low not in verb_words and low not in noun_words:
            continue                     # no reporting word: cheaper to rule out than `skip`
        if skip(tok.idx):
            continue
        if tok.lower_ == "according":
            act = according_act(tok, start, end)
        elif tok.tag_.startswith("NN") and tok.lower_ in nouns():
            act = noun_act(tok) or (verb_act(tok) if frames_of(tok) else None)
        else:
            act = verb_act(tok)
        if act is not None:
            out.append(act)
            more = _told_after_aside(act)
            if more is not None:
                out.append(more)
    return out


def _told_after_aside(act: Act) -> Act | None:
    """"None entered our airspace, he said, and only a few missiles struck": a told clause, the
    attribution set off by commas, then a clause coordinated with the told one: a second telling."""
    tok, head = act.trigger, act.head
    if act.frame != "left" or head is None or tok.dep_ != "parataxis" or tok.head.i != head.i:
        return None
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i > tok.i and c.tag_[:2] == "VB"
                 and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
    if conj is None or not any(c.dep_ == "cc" and tok.i < c.i < conj.left_edge.i for c in head.children):
        return None
    end = conj.right_edge
    while end.i > conj.i and end.is_punct:
        end = end.doc[end.i - 1]
    return Act(tok, act.subject, conj.left_edge.idx, _edge(end), "left", conj)
