"""Events: the clauses of the body that report something happening, dated and merged per document.

event_clauses finds the predicates and their kinds from the parse. Here each gets:
- its date: a date phrase the parse attaches to it (directly or through its own phrases); else
  the date of its sentence's frame ("Ruritania said on Tuesday its patrols had withdrawn"); else
  that of an event it is tied to ("during the attack"); else, in the lead, the publication day
  (present or present perfect) or month (past tense), marked weak;
- participants from the parse (agent first), a place the predicate governs, a title from the
  clause, and for an agreement's stages a series that names the agreement.
Mentions of one happening in one document (same frame, compatible dates, no conflicting
participants) become one event.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from . import date_offsets, dates
from .attribution import verbs as speech_verbs
from .event_clauses import Clause, find_clauses, lexicon, pledge_anchors
from .gazetteer import words
from .merge import name_key
from .text import ParsedText
from .types import Actor, Event, Span, Statement

REPORTING = frozenset(speech_verbs())
TITLES = frozenset(w.lower() for w in words("titles.txt"))
TREATY = ("treaty_signed", "treaty_ratified", "treaty_in_force")
SPEECH_KINDS = ("pledge", "confirmation")
CONTEXT = lexicon()[2]
TALLY_FRAMES = CONTEXT["tally_frames"]          # repeated happenings counted over a period


def _phrases(cls: str) -> str:
    """A lexicon class as regex alternatives, longest first, words separated by any spacing."""
    longest_first = sorted(CONTEXT[cls], key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in longest_first)


META_DATE = re.compile(rf"\b(?:{_phrases('metadate')})\s+(?:on\s+)?$", re.I)
_SINCE = _phrases("periodstart")
PERIOD_START = re.compile(rf"\b(?:{_SINCE})\s+(?:the\s+)?$|^(?:{_SINCE})\b", re.I)
BACKREF = re.compile(rf"^\W*(?:{_phrases('backref')})\b", re.I)
CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "parataxis", "punct", "cc", "mark")
PLACE_PREPS = CONTEXT["place_preps"]
PLACE_ENTS = ("GPE", "LOC", "FAC")
PLACE_NOUNS = CONTEXT["place_nouns"]
CAMPAIGN_FRAMES = CONTEXT["campaign_frames"]
AGENT_FRAMES = CONTEXT["agent_frames"]
PARTIES = "agreement between "    # an agreement the text names only by its parties
AGREEMENT_WORDS = CONTEXT["agreement"]


@dataclass
class _Found:
    kind: str
    frame: str
    date: object | None
    weak: bool
    agents: set
    others: set
    clause: Clause
    tokens: set = field(default_factory=set)
    apart: set = field(default_factory=set)    # anchors of clauses told as other happenings


def find_events(parsed: ParsedText, actors: tuple[Actor, ...],
                statements: tuple[Statement, ...] = ()) -> tuple[Event, ...]:
    doc, text = parsed.doc, parsed.text
    kinds = {a.key: a.kind for a in actors}
    affiliation = {a.key: a.affiliation for a in actors}
    spans = sorted((m.span.start, m.span.end, m.actor) for a in actors for m in a.mentions)
    starts = [s for s, _, _ in spans]

    names = _name_index(actors)

    def actor_at(tok) -> str | None:
        i = bisect.bisect_right(starts, tok.idx) - 1
        if i >= 0 and spans[i][0] <= tok.idx < spans[i][1]:
            return spans[i][2]
        return _named_at(tok, names)

    def is_person(tok) -> bool:
        key = actor_at(tok)
        titled = any(c.dep_ == "compound" and c.lower_ in TITLES for c in tok.children)
        return tok.ent_type_ == "PERSON" or titled or (key is not None and kinds.get(key) == "person")

    clauses = find_clauses(parsed, is_person)
    clauses = sorted(clauses + pledge_anchors(parsed, clauses), key=lambda c: c.anchor.i)
    # A speaker's own words (a block quote printed without marks) are a statement, not narration.
    direct = [(s.evidence.start, s.evidence.end) for s in statements if s.kind == "direct"]
    clauses = [c for c in clauses if not any(a <= c.anchor.idx < b for a, b in direct)]
    _date_clauses(parsed, clauses)
    _speech_dates(parsed, clauses, statements)
    found = [_participants(c, actor_at) for c in clauses]
    merged = _merge_in_document(found, affiliation)
    names = _agreement_names(merged, {a.key: a.name for a in actors}, doc)
    out = []
    for f in merged:
        c = f.clause
        start, end = _evidence(c, f, parsed)
        # by first appearance, then by key: sets iterate in hash order, which differs between processes
        order = lambda k, f=f: (_first_pos(f, k, actor_at), k)  # noqa: E731
        parts = tuple(dict.fromkeys(sorted(f.agents, key=order) + sorted(f.others - f.agents, key=order)))
        d = f.date
        out.append(Event(kind=f.kind, title=_title(c, doc), evidence=Span.of(text, start, end),
                         date=d.value if d else None, precision=d.precision if d else None,
                         location=None if f.kind in SPEECH_KINDS else _place(c, is_person), actors=parts,
                         series=names.get(id(f)) if f.kind in TREATY else None,
                         frame=f.frame, agents=len([k for k in parts if k in f.agents])))
    return tuple(out)


def _name_index(actors) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (words, actor key) for every name and alias of the document's actors, so a
    participant is found where the actor rules kept no mention ("The Red Hand fired ...")."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for a in actors:
        for form in (a.name, *a.aliases):
            words = tuple(name_key(form).split())
            if words and (len(words) > 1 or form[:1].isupper()):
                index.setdefault(words[0], []).append((words, a.key))
    return index


def _named_at(tok, names) -> str | None:
    """The actor whose name covers tok (a multi-word name from any of its words)."""
    doc = tok.doc
    for start in range(max(0, tok.i - 3), tok.i + 1):
        for name_words, key in names.get(name_key(doc[start].text), ()):
            end = start + len(name_words)
            if (end > tok.i and end <= len(doc)
                    and tuple(name_key(t.text) for t in doc[start:end]) == name_words):
                return key
    return None


def _first_pos(f: _Found, key: str, actor_at) -> int:
    for i in sorted(f.tokens):
        if actor_at(f.clause.anchor.doc[i]) == key:
            return i
    return 10 ** 9


# ---------------------------------------------------------------- dates


def _date_token(doc, d):
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _date_clauses(parsed: ParsedText, clauses: list[Clause]) -> None:
    doc, text, pub = parsed.doc, parsed.text, parsed.published
    by_sentence: dict[int, list[Clause]] = {}
    for c in clauses:
        by_sentence.setdefault(c.sentence, []).append(c)
    body = [i for i, s in enumerate(parsed.sentences) if s.role == "body"]
    lead = body[0] if body else None
    prev_dates: list = []
    dated_before: list[Clause] = []
    told: dict[int, list] = {}
    for si in body:
        sent = parsed.sentences[si]
        here = by_sentence.get(si, [])
        anchors = {c.anchor.i: c for c in here}
        ds = [d for d in dates.find_dates(text, sent.span.start, sent.span.end, pub)
              if not META_DATE.search(text[max(0, d.span.start - 20):d.span.start])]
        frames: dict[int, object] = {}   # reporting verb -> the date it is told on
        for d in ds:
            tok = _date_token(doc, d)
            started = next((c for c in here if c.onset is not None
                            and d.span.start <= c.onset.idx < d.span.end), None)
            if started is not None:   # "the offensive since Oct. 7": when it began
                started.date = started.date or d
                continue
            owner = _owner(tok, anchors)
            if owner is not None and owner.frame in TALLY_FRAMES and (
                    PERIOD_START.search(text[max(sent.span.start, d.span.start - 8):d.span.start])
                    or PERIOD_START.match(d.span.text)):
                continue   # "have killed 1,100 since June": a toll over a period, dated by no day of it
            if owner is not None:
                if owner.date is None:
                    owner.date = d
            elif tok is not None and _governing_verb(tok).lower_ in REPORTING:
                frames.setdefault(_governing_verb(tok).i, d)
            if tok is not None:   # "from April, when they spoke": the clause the date introduces
                near = list(doc.char_span(d.span.start, d.span.end, alignment_mode="expand") or [tok])
                holders = {t.i: t for t in near + [tok.head, tok.head.head]}.values()
                for rel in (r for h in holders for r in h.children):
                    if rel.dep_ == "relcl" and any(w.lower_ == "when" for w in rel.children):
                        inside = {t.i for t in rel.subtree}
                        for c in here:
                            if c.date is None and c.anchor.i in inside:
                                c.date = d
        _offset_dates(doc, here, anchors, ds, prev_dates[-1] if prev_dates else None)
        for c in here:   # "were killed when X opened fire late Tuesday": one time for both
            if c.date is None:
                c.date = _when_date(c, anchors, [(d, _date_token(doc, d)) for d in ds])
        for c in here:   # "during the summit on June 9", "amid the raid": that event's time
            if c.date is None:
                c.date = _linked_date(c, anchors, dated_before)
                c.weak = c.date is not None
        for c in here:   # "Ruritania said on Tuesday its patrols had withdrawn": the told clause
            if c.date is None:
                verb = _reporting_above(c.anchor, frames) if _finite(c.anchor) else None
                if verb is not None:
                    # a past perfect tells what came before the telling: a weak date
                    c.date, c.weak = frames[verb], _past_perfect(c.anchor)
        dated_before.extend(c for c in here if c.date is not None)
        if BACKREF.match(sent.span.text) and prev_dates:
            for c in here:
                if c.date is None:
                    c.date = prev_dates[-1]
        if pub is not None:
            for c in here:
                if c.date is None and _days_before_now(c.anchor):
                    c.date, c.weak = dates.DateMention(Span(sent.span.start, sent.span.start, ""),
                                                       dates.fmt(pub, "month"), "month"), True
                if c.date is None:
                    c.date, c.weak = _tense_date(c, pub, sent.span, si == lead)
                if c.date is None and _told_as_earlier(c.anchor):
                    c.date, c.weak = dates.DateMention(Span(sent.span.start, sent.span.start, ""),
                                                       dates.fmt(pub, "month"), "month"), True
        prev_dates = ds or prev_dates
        told[si] = [(doc[v], d) for v, d in frames.items()]
    _speaker_next_dates(clauses, told, body)


def _offset_dates(doc, here: list[Clause], anchors: dict, ds: list, last_told) -> None:
    """"four days after the vote", "a day earlier": a length of time from another happening dates
    the clause, over a date its reference carries ("10 days before Sunday's vote": not Sunday)."""
    at = [(d, _date_token(doc, d)) for d in ds]
    told_at: dict[int, object] = {}
    for d, tok in at:
        if tok is not None:
            told_at.setdefault(_governing_verb(tok).i, d)

    def date_of(tok):
        found = anchors.get(tok.i)
        return found.date if found is not None and found.date is not None else told_at.get(tok.i)

    def date_in(tokens: set[int]):
        return next((d for d, tok in at if tok is not None and tok.i in tokens), None)

    for c in here:
        placed = date_offsets.offset_date(c.anchor, date_of, date_in, last_told)
        if placed is None:
            continue
        own = _date_token(doc, c.date) if c.date is not None else None
        if c.date is None or (own is not None and own.i in placed[1]):
            c.date, c.weak = placed[0], False


def _governing_verb(tok):
    while not tok.tag_.startswith("VB") and tok.head.i != tok.i:
        tok = tok.head
    return tok


REPORTED_PATH = ("ccomp", "conj", "xcomp", "dobj", "pobj", "prep", "attr", "pcomp", "advcl", "nsubj",
                 "nsubjpass", "acomp")


def _reporting_above(tok, frames: dict[int, object]) -> int | None:
    """The nearest dated reporting verb whose told clause holds tok, not a modifier inside its
    subject ("sailors, seized while fishing, have asked ..., a lawyer said Monday")."""
    for _ in range(8):
        if tok.i in frames:
            return tok.i
        if tok.dep_ not in REPORTED_PATH or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _finite(tok) -> bool:
    """A clause of its own (a subject or an auxiliary), or a noun: "repelling the incursion" or
    "captured while fighting" name events inside the telling, not told on its day."""
    if not tok.tag_.startswith("VB"):
        return True
    aux = any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in tok.children)
    if tok.tag_ == "VBN":   # a bare participle is a modifier, whatever subject the parse gives it
        return aux
    return (tok.tag_ in ("VBD", "VBZ", "VBP") or aux
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _past_perfect(tok) -> bool:
    verb = _governing_verb(tok)
    aux = [a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")]
    return "had" in aux


def _speaker_next_dates(clauses: list[Clause], told: dict[int, list], body: list[int]) -> None:
    """"Ruiz confirmed the raid ... Ruiz wrote in a blog post on Tuesday evening: ...": an undated
    confirmation or pledge takes the day its speaker is next told speaking, within two sentences."""
    following = {si: body[i + 1:i + 3] for i, si in enumerate(body)}
    for c in clauses:
        if c.date is not None or c.kind not in SPEECH_KINDS:
            continue
        who = _subject_words(c.anchor)
        for si in following.get(c.sentence, []):
            hit = next((d for verb, d in told.get(si, []) if _subject_words(verb) & who
                        or any(s.dep_ == "nsubj" and s.tag_ == "PRP" for s in verb.children)), None)
            if hit is not None:
                c.date, c.weak = hit, True
                break


def _subject_words(tok) -> set[str]:
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return {t.lower_ for r in subj for t in r.subtree if t.tag_ == "NNP"}


def _told_as_earlier(tok) -> bool:
    """"The pair had earlier agreed", "Earlier, X confirmed": recent news, the publication month."""
    verb = _governing_verb(tok)
    return any(c.dep_ == "advmod" and c.lower_ == "earlier" for c in verb.children)


def _days_before_now(tok) -> bool:
    """"(just) days after the summit": an event of the last days, in the publication month."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("after", "since"):
        return False
    return any(t.lower_ in ("days", "hours") for t in tok.doc[max(0, prep.i - 3):tok.i])


def _speech_dates(parsed, clauses: list[Clause], statements) -> None:
    """An undated pledge or confirmation is dated as the statement it makes: the statement in
    its sentence, dated by the statement rules ("He confirmed ... He wrote on Tuesday evening: ...")."""
    spoken = [s for s in statements if s.said_on]
    for c in clauses:
        if c.date is not None or c.kind not in SPEECH_KINDS:
            continue
        sent = parsed.sentences[c.sentence].span
        for s in spoken:
            inside = s.evidence.start <= c.anchor.idx < s.evidence.end
            if inside or (sent.start <= s.evidence.start < sent.end and s.evidence.start >= c.anchor.idx):
                c.date = dates.DateMention(Span(s.evidence.start, s.evidence.start, ""), s.said_on, "day")
                c.weak = True
                break


def _owner(tok, anchors):
    """The nearest event predicate above a date in the parse, or None (the date is the frame's)."""
    seen = 0
    while tok is not None and seen < 12:
        if tok.i in anchors:
            return anchors[tok.i]
        if tok.tag_.startswith("VB") and tok.dep_ in ("conj", "advcl", "relcl", "parataxis") and any(
                ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ not in ("that", "which", "who")
                for ch in tok.children) and not _when_clause(tok):
            return None   # "..., and that they reached the coast in April": that clause's date
        if tok.tag_.startswith("VB") and tok.lower_ not in REPORTING:
            # "finished the evacuation on Monday", "the summit on Monday followed ...":
            # a date on a verb that is no event belongs to the event noun it takes
            for dep in ("nsubj", "nsubjpass", "dobj"):
                for ch in tok.children:
                    if ch.dep_ == dep and ch.i in anchors:
                        return anchors[ch.i]
                    if ch.dep_ == dep:     # "300 mm of rain fell on Monday": the measured happening
                        measured = [o for p in ch.children if p.dep_ == "prep" and p.lower_ == "of"
                                    for o in p.children if o.dep_ == "pobj" and o.i in anchors]
                        if measured:
                            return anchors[measured[0].i]
        if tok.head.i == tok.i:
            return None
        tok, seen = tok.head, seen + 1
    return None


def _when_clause(tok) -> bool:
    """"were wounded when a bomb exploded on Thursday": the clause that times its head shares its date."""
    return tok.dep_ == "advcl" and any(ch.dep_ in ("advmod", "mark") and ch.lower_ == "when"
                                       for ch in tok.children)


def _when_date(c: Clause, anchors, dated: list):
    """A clause and the "when" clause that times it happened at one time: the main clause takes
    the date of its when-clause ("three were killed when troops opened fire late Tuesday"), and
    a when-clause the date of the clause it times ("the violence began late Saturday when gunmen
    attacked a house")."""
    kids = [ch for v in (c.anchor, *(k for k in c.anchor.children if k.dep_ == "conj")) for ch in v.children]
    for ch in kids:      # "were killed and two were wounded when ...": the conjoined verb's clause too
        if _when_clause(ch) and ch.i in anchors and anchors[ch.i].date is not None:
            return anchors[ch.i].date
    if _when_clause(c.anchor):
        head = c.anchor.head
        if head.i in anchors and anchors[head.i].date is not None:
            return anchors[head.i].date
        if head.lower_ not in REPORTING:
            return next((d for d, tok in dated if tok is not None and _governing_verb(tok).i == head.i), None)
    return None


def _linked_date(c: Clause, anchors, dated_before: list[Clause]):
    """The date of the event a clause is tied to: "sailed amid the raid" (the last dated
    raid), "talks during which ..."; and a noun under "during" takes its clause's date."""
    _, nouns, context = lexicon()
    for p in c.anchor.children:
        if p.dep_ == "prep" and p.lower_ in context["during"]:
            for o in p.children:
                if o.i in anchors and anchors[o.i].onset is not None and c.frame in TALLY_FRAMES:
                    continue   # "killed in the offensive since Oct. 7": a toll, not the day it began
                if o.i in anchors and anchors[o.i].date is not None:
                    return anchors[o.i].date
                sense = nouns.get(o.lower_)
                if o.dep_ == "pobj" and sense is not None and sense.alone:
                    same = [d for d in dated_before if d.frame == sense.frame]
                    if same:
                        return same[-1].date
    head = c.anchor.head
    if c.anchor.dep_ == "dobj" and head.lower_ in ("followed", "follows", "preceded", "precedes"):
        # "the summit on Monday followed a visit by X": the visit came shortly before
        for s in head.children:
            if s.dep_ == "nsubj" and s.i in anchors:
                c.apart.add(s.i)
                anchors[s.i].apart.add(c.anchor.i)   # one followed the other: two happenings
            if s.dep_ == "nsubj" and s.i in anchors and anchors[s.i].date is not None:
                d = anchors[s.i].date
                return dates.DateMention(d.span, d.value[:7], "month") if len(d.value) >= 7 else d
    if c.frame == "in_force" and c.anchor.dep_ == "pobj" and head.lower_ == "of":
        # "freed 24 on Friday, the first day of the truce": the day of the clause it belongs to
        verb = _governing_verb(head.head)
        if verb.i in anchors and anchors[verb.i] is not c:
            return anchors[verb.i].date
    if c.anchor.dep_ == "pobj" and head.lower_ in context["during"]:
        owner = _owner(head.head, anchors)
        if owner is not None and owner is not c:
            return owner.date
    return None


def _tense_date(c: Clause, pub, sent_span, lead: bool):
    """No time word: the present tells the publication day; in the lead, so does the present
    perfect, and the past tells the publication month (news leads report the latest news)."""
    verb = _governing_verb(c.anchor)
    aux = {a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")}
    perfect = bool(aux & {"has", "have"})
    present = (verb.tag_ in ("VBZ", "VBP") or aux & {"is", "are"}) and not perfect
    if present or (lead and perfect):
        return dates.DateMention(Span(sent_span.start, sent_span.start, ""), pub.isoformat(), "day"), True
    if lead and (verb.tag_ == "VBD" or aux & {"was", "were"}):
        at = Span(sent_span.start, sent_span.start, "")
        return dates.DateMention(at, dates.fmt(pub, "month"), "month"), True
    return None, False


# ---------------------------------------------------------------- participants


def _clause_tokens(c: Clause) -> set[int]:
    a = c.anchor
    if not a.tag_.startswith("VB"):
        toks = {a.i}
        for ch in a.children:
            if ch.dep_ in ("relcl", "acl", "punct", "appos") and ch.i > a.i:
                continue   # "the region, which had been invaded by ...": another clause's people
            toks |= {t.i for t in ch.subtree}
        return toks
    toks = {a.i}
    for ch in a.children:
        if ch.dep_ in CLAUSE_DEPS or (ch.dep_ == "conj" and ch.tag_.startswith("VB")):
            continue
        toks |= {t.i for t in ch.subtree}
    return toks


def _participants(c: Clause, actor_at) -> _Found:
    toks = _clause_tokens(c)
    doc = c.anchor.doc
    agents = set()
    a = c.anchor
    subj_roots = [ch for ch in a.children if ch.dep_ in ("nsubj", "poss", "agent")]
    if a.dep_ == "acomp":   # "Borduria is ready to supply": the adjective's subject is the verb's
        subj_roots += [ch for ch in a.head.children if ch.dep_ == "nsubj"]
    if not subj_roots and a.dep_ in ("advcl", "xcomp", "conj") and a.tag_.startswith("VB"):
        subj_roots = [ch for ch in a.head.children if ch.dep_ == "nsubj"]   # "X praised ..., promising ..."
    if not a.tag_.startswith("VB") and a.dep_ in ("dobj", "pobj") and a.head.tag_.startswith("VB") \
            and a.head.lower_ not in REPORTING:   # "the air force reported strikes": not its strikes
        subj_roots += [ch for ch in a.head.children if ch.dep_ == "nsubj"]
    if a.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in a.children):
        # a bare participle's "subject" undergoes it
        subj_roots = [ch for ch in subj_roots if ch.dep_ != "nsubj"]
    for r in subj_roots:
        for t in r.subtree:
            key = actor_at(t)
            if key:
                agents.add(key)
    if not agents and any(t.tag_ in ("PRP", "PRP$") for r in subj_roots for t in r.subtree):
        agents |= _antecedent(a, actor_at)   # "the military said it had struck": it = the military
    others = {k for k in (actor_at(doc[i]) for i in toks) if k}
    return _Found(c.kind, c.frame, c.date, c.weak, agents, others - agents, c, toks, set(c.apart))


def _antecedent(tok, actor_at) -> set:
    """A pronoun subject inside a told clause refers to the teller."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return set()
        cur = cur.head
        if cur.tag_.startswith("VB") and cur.lower_ in REPORTING:
            subj = [c for c in cur.children if c.dep_ == "nsubj"]
            return {k for r in subj for t in r.subtree if (k := actor_at(t))}
    return set()


def _expand(keys: set, affiliation) -> set:
    return keys | {affiliation[k] for k in keys if affiliation.get(k)}


def _compatible(x, y) -> bool:
    if x is None or y is None:
        return True
    return x.value.startswith(y.value) or y.value.startswith(x.value)


def _merge_in_document(found: list[_Found], affiliation) -> list[_Found]:
    out: list[_Found] = []
    for f in found:
        for g in out:
            if g.frame != f.frame or f.clause.anchor.i in g.apart or g.clause.anchor.i in f.clause.apart:
                continue
            dated = f.date is not None and g.date is not None and not (f.weak or g.weak)
            if dated and not _compatible(f.date, g.date):
                continue
            campaign = f.frame in CAMPAIGN_FRAMES   # many hands, one campaign
            told_apart = dated and f.clause.sentence != g.clause.sentence and not (f.agents and g.agents) \
                and not (_definite(f.clause.anchor) or _definite(g.clause.anchor))
            if not campaign and told_apart and f.frame in AGENT_FRAMES:
                continue   # two dated strikes told apart, one with no known hand: not one strike
            if not campaign and f.agents and g.agents and not (
                    _expand(f.agents, affiliation) & _expand(g.agents, affiliation)):
                continue
            if not campaign and f.others and g.others and not (_expand(f.others | f.agents, affiliation)
                                              & _expand(g.others | g.agents, affiliation)):
                continue
            _absorb(g, f)
            break
        else:
            out.append(f)
    return out


def _definite(tok) -> bool:
    """"the raid in Ruritania": a noun that points back at an event told before."""
    return not tok.tag_.startswith("VB") and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
        for c in tok.children)


def _absorb(g: _Found, f: _Found) -> None:
    if g.kind == "other" and f.kind != "other":
        g.kind = f.kind
    refines = f.date is not None and g.date is not None and len(f.date.value) > len(g.date.value) \
        and f.date.value.startswith(g.date.value)   # "early 2025" and "in January": January 2025
    better = f.date is not None and (g.date is None or (g.weak and not f.weak) or refines or (
        g.weak == f.weak and len(f.date.value) > len(g.date.value)))
    if better:
        g.date, g.weak, g.clause = f.date, f.weak, f.clause
        g.tokens = f.tokens | g.tokens
    g.agents |= f.agents
    g.apart |= f.apart
    g.others |= f.others - g.agents


# ---------------------------------------------------------------- title, place, evidence, series


def _phrase(tok, limit=8) -> str:
    """The phrase a word heads, up to a clause inside it or `limit` words."""
    cut = {t.i for ch in tok.children if ch.dep_ in ("relcl", "acl", "appos", "advcl") and ch.i > tok.i
           for t in ch.subtree}
    toks = [t for t in tok.subtree if t.i not in cut][:limit]
    while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "prep", "det", "case")):
        toks.pop()
    out = "".join(t.text_with_ws for t in toks).strip()
    return re.sub(r"\s+([,.’'])", r"\1", out)


def _title(c: Clause, doc) -> str:
    a = c.anchor
    if not a.tag_.startswith("VB"):
        title = _phrase(a, 12)
    else:
        parts = []
        subj = [ch for ch in a.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ in ("which", "that", "who"):
            subj = []
        if subj:
            parts.append(_phrase(subj[0], 6))
        elif a.dep_ in ("relcl", "acl"):   # "a treaty signed last year", "which became effective"
            mods = " ".join(t.text for t in a.head.lefts if t.dep_ in ("compound", "amod"))
            parts.append(mods + " " + a.head.text)
        parts += [ch.text for ch in a.children if ch.dep_ in ("aux", "auxpass", "neg") and ch.i < a.i]
        parts.append(a.text)
        parts += [ch.text for ch in a.children if ch.dep_ == "prt"]
        obj = [ch for ch in a.children if ch.dep_ in ("dobj", "xcomp", "attr", "dative")
               and ch.lower_ not in ("that", "which", "who", "whom")]
        if not obj and a.dep_ in ("relcl", "acl") and subj:   # "the pact (that) both sides signed"
            obj = [a.head]
        if obj:
            if obj[0].dep_ == "xcomp":   # "vowed to help Borduria": the whole infinitive
                parts.append(" ".join(_phrase(t, 6) if t.dep_ in ("dobj",) else t.text
                                      for t in sorted([obj[0]] + [k for k in obj[0].children if k.dep_ in (
                                          "aux", "dobj", "prt")], key=lambda t: t.i)))
            else:
                parts.append(_phrase(obj[0], 8))
        else:
            prep = [ch for ch in a.children if ch.dep_ == "prep" and ch.i > a.i]
            if prep:
                parts.append(_phrase(prep[0], 6))
        title = " ".join(p for p in parts if p)
    title = re.sub(r"\s+", " ", title).strip(" ,;:")
    return title[:1].upper() + title[1:] if title else c.kind


def _place(c: Clause, is_person) -> str | None:
    """A place the predicate governs: "in Lisbon", "into the Tarsk province", "the Geneva talks",
    or its event noun does ("launched an incursion into ..."), one phrase deep ("of troops to X")."""
    heads = [c.anchor] + ([c.source] if c.source is not None else [])
    heads += [o for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    for h in heads:
        got = _place_of(h, is_person)
        if got:
            return got
    return None


def _place_of(a, is_person) -> str | None:
    for ch in a.children:
        if ch.dep_ == "compound" and ch.ent_type_ in PLACE_ENTS:
            return ch.text
        if ch.dep_ == "prep" and ch.lower_ in PLACE_PREPS:
            for o in ch.children:
                if o.dep_ != "pobj" or o.ent_type_ in ("DATE", "TIME") or is_person(o):
                    continue
                mods = [t for t in o.lefts if t.dep_ in ("compound", "amod") and t.text[:1].isupper()]
                if o.ent_type_ in PLACE_ENTS or (mods and o.lower_ in PLACE_NOUNS):
                    words = [t for t in o.lefts if t.dep_ in ("compound", "amod")] + [o]
                    return " ".join(t.text for t in words)[:200]
    return None


def _evidence(c: Clause, f: _Found, parsed) -> tuple[int, int]:
    doc = parsed.doc
    sent = parsed.sentences[c.sentence].span
    toks = set(f.tokens) if c.anchor.i in f.tokens else _clause_tokens(c)
    if c.anchor.dep_ in ("acl", "relcl") and c.anchor.tag_.startswith("VB"):   # "a treaty signed last year"
        head = c.anchor.head
        toks |= {head.i} | {t.i for t in head.lefts
                            if t.dep_ in ("det", "amod", "compound", "poss", "nummod")}
    if c.date is not None and c.date.span.end > c.date.span.start:
        span = doc.char_span(c.date.span.start, c.date.span.end, alignment_mode="expand")
        if span is not None:
            toks |= {t.i for t in span}
    toks = {i for i in toks if sent.start <= doc[i].idx < sent.end}
    lo, hi = min(toks), max(toks)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    if end - start > 320:   # a very long clause: the predicate with its nearest words
        start = max(sent.start, doc[max(lo, c.anchor.i - 8)].idx)
        last = doc[min(hi, c.anchor.i + 12)]
        end = min(sent.end, last.idx + len(last.text))
    text = parsed.text
    while end > start and text[end - 1] in " ,;:—–(":
        end -= 1
    return start, end


def _agreement_names(found: list[_Found], actor_names: dict[str, str], doc) -> dict[int, str]:
    """Stages of one agreement share a series named after it: its own name where the text gives
    one ("the Northern Fisheries Accord"), else its parties and noun. A definite mention with
    neither ("the treaty entered into force") is the agreement the text is about: the one it
    last referred to, else the only one it names later; else none here (api/ingest/relate.py
    looks across documents)."""
    names: dict[int, str] = {}
    last = None
    told: list[tuple[int, str]] = []      # (token, name) of the stages resolved so far
    mentions = None
    for f in found:
        if f.kind not in TREATY:
            continue
        nouns = _agreement_nouns(f)
        name = next((n for n in map(_name_of, nouns) if n), None)
        noun = nouns[0] if nouns else None
        if name:
            last = name
        if name is None and noun is not None and _definite(noun):
            if mentions is None:   # every named agreement in the text, once, in order
                mentions = [(t.i, n) for t in doc if t.lower_ in AGREEMENT_WORDS and (n := _name_of(t))]
            before = [r for r in sorted(mentions + told) if r[0] < noun.i]
            # "the treaty" is the treaty last named, before any other kind of agreement
            alike = [r for r in before if _noun_word(r[1]) == noun.lower_]
            before = alike or before
            later = {name_key(n): n for i, n in mentions if i > noun.i}
            name = before[-1][1] if before else _parties_name(f, actor_names) or (
                next(iter(later.values())) if len(later) == 1 else None)
        names[id(f)] = name or last or _parties_name(f, actor_names)
        if names[id(f)]:
            told.append((f.clause.anchor.i, names[id(f)]))
    return names


def _noun_word(name: str) -> str:
    return "agreement" if name.startswith(PARTIES) else name_key(name).split()[-1]


def _agreement_nouns(f: _Found) -> list:
    """The agreement words of a stage: the noun its clause describes ("the treaty signed last
    year", "the accord, which entered into force"), then those in its clause."""
    doc = f.clause.anchor.doc
    a = f.clause.anchor
    head = [a.head] if a.dep_ in ("acl", "relcl") and a.head.lower_ in AGREEMENT_WORDS else []
    return head + [doc[i] for i in sorted(f.tokens) if doc[i].lower_ in AGREEMENT_WORDS]


def _name_of(noun) -> str | None:
    """The agreement's own name: the noun with the modifiers written before it ("Comprehensive
    Strategic Partnership Treaty"), as the text writes them; merging compares spelling-insensitively."""
    mods = [m for m in noun.subtree if m.i < noun.i and m.dep_ in ("compound", "amod") and not m.is_stop
            and all(h.dep_ in ("compound", "amod") for h in _path_up(m, noun))]
    return " ".join([m.text for m in mods] + [noun.text]) if mods else None


def _path_up(tok, top):
    """The tokens from tok up to (not including) top."""
    while tok.i != top.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _parties_name(f: _Found, actor_names: dict[str, str]) -> str | None:
    """"accord between Ruritania and Borduria": the parties as the text names them."""
    parties = sorted(actor_names.get(k, k) for k in f.agents | f.others)
    if not parties:
        return None
    return PARTIES + (" and ".join(parties) if len(parties) < 3 else ", ".join(parties))


__all__ = ["find_events"]
