"""Statements: direct quotes, block quotes and reported speech, each with its speaker.

Speech acts come from the parse (attribution.py), speakers from speakers.py. This module decides
what each act yields: a direct statement when the quotation marks hold what was said, else an
indirect one quoting the reported clause or object phrase; relays, coordinated verbs, block quotes
and display text (headlines and decks that restate the body are no statements).

Every statement's `evidence` is the Span of exactly its `text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import dates
from . import gazetteer as gz
from .attribution import Act, acts_in, empty_objects, nouns
from .quotes import OPENERS, Quote, find_quotes, first_person, is_standalone
from .speakers import Speakers
from .text import ParsedText
from .types import Actor, Span, Statement

ACTIVE = ("body", "headline", "teaser", "subheading")
DISPLAY = ("headline", "teaser", "subheading")
_TRAIL = ",.;:!? \u00a0—–-"
_CLOSERS = "”\"»’"
_POINTER = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "my", "this", "that", "these",
                      "those"})
# Time words that date a remark to something other than the occasion reported around it.
_UNDATED = re.compile(r"\b(?:earlier|previously|formerly|once|then|at (?:that|the) time|in the past|"
                      r"last (?:week|month|year)|long|repeatedly|in recent (?:days|weeks|months))\b", re.I)
_DANGLING = re.compile(r"\s(?:and|but|or|while|as|with|amid)$", re.I)
_STOP = frozenset("that this with from have has had were was will would could should their there they them "
                  "which what when where while about after before into over under been being also than "
                  "said says says".split())


@dataclass
class _Found:
    statement: Statement
    display: bool
    undated_by_text: bool = False        # the sentence gives a time that is not a day ("earlier", a month)


@dataclass
class _State:
    parsed: ParsedText
    speakers: Speakers
    found: list[_Found] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.parsed.text

    def add(self, key: str, kind: str, s: int, e: int, attribution: list[tuple[int, int]], quotes,
            display: bool):
        if e - s < 2 or key not in self.speakers.index.by_key:
            return
        if any(f.statement.evidence.start == s and f.statement.evidence.end == e for f in self.found):
            return
        about = tuple(k for k in self.speakers.index.at(s, e) if k != key)
        said_on, undated = _said_on(self.parsed, attribution, quotes)
        st = Statement(key, kind, self.text[s:e], Span.of(self.text, s, e), said_on, about)
        self.found.append(_Found(st, display, undated))
        if not display:
            self.speakers.reported(s, e)

    def last(self) -> _Found | None:
        return self.found[-1] if self.found else None


def _said_on(parsed: ParsedText, parts: list[tuple[int, int]],
             quotes: list[Quote]) -> tuple[str | None, bool]:
    """(day, undated): the day the attribution's own words give the utterance ("on Monday"), and
    whether they give a time that is no day ("earlier", "in January"), which dates nothing."""
    if parsed.published is None:
        return None, False
    undated = False
    for s, e in parts:
        for d in dates.find_dates(parsed.text, s, e, parsed.published):
            if any(q.outer[0] <= d.span.start < q.outer[1] for q in quotes):
                continue
            if d.precision == "day":
                return d.value, False
            undated = True
        if _UNDATED.search(parsed.text, s, e):
            undated = True
    return None, undated


# ----------------------------------------------------------------- content spans

def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """The content without a leading "that" or punctuation and without trailing punctuation, except
    what stands inside a closing quotation mark ("... a fair harvest.”")."""
    while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
        s += 1
    if text[s:s + 5].lower() == "that " and e - s > 5:
        s += 5
    while True:
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        m = _DANGLING.search(text, s, e)               # "the port was open and" (the next verb's "and")
        if not m:
            break
        e = m.start()
    if s > 0 and text[s - 1] in OPENERS:             # a quote that opens the content belongs to it
        s -= 1
    opened = sum(text.count(ch, s, e) for ch in "“«„") - sum(text.count(ch, s, e) for ch in "”»")
    if opened > 0 or text.count('"', s, e) % 2:
        m = re.match(r"[,.;:!?]?[”\"»]", text[e:e + 2])
        if m:
            e += m.end()
    elif "‘" in text[s:e]:
        m = re.match(r"[,.;:!?]?’", text[e:e + 2])
        if m:
            e += m.end()
    return s, e


def _cut_gloss(doc, s: int, e: int) -> int:
    """The narrator's gloss after the clause (", which had been flooded ...", ", the third in a
    row") is left out."""
    span = doc.char_span(s, e, alignment_mode="contract")
    if span is None:
        return e
    for t in span:
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp", "conj") and t.i >= span.start + 2 \
                and doc[t.i - 1].is_quote and doc[t.i - 2].text == ",":
            return doc[t.i - 1].idx + 1        # "“…,” citing a letter": the quote ends it
        if t.i == span.start or doc[t.left_edge.i - 1].text != "," or t.right_edge.i < span.end - 2:
            continue
        if t.dep_ == "appos" or t.dep_ == "relcl" and t.left_edge.lower_ in ("which", "whose"):
            return doc[t.left_edge.i - 1].idx
    return e


def _drop_fronted(doc, s: int, e: int, root) -> int:
    """ "At the dinner, Ruiz told ..., the radio added": the sentence's own framing is not the content."""
    if root is None:
        return s
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or subj.left_edge.idx <= s:
        return s
    comma = next((t for t in doc[root.left_edge.i:subj.left_edge.i] if t.text == ","), None)
    fronted = [c for c in root.children if c.i < subj.i and c.dep_ in ("prep", "advmod", "advcl", "npadvmod")]
    inside = {x.i for f in fronted for x in f.subtree}
    if comma is not None and fronted and all(t.is_punct or t.i in inside
                                             for t in doc[root.left_edge.i:subj.left_edge.i]):
        return subj.left_edge.idx
    return s


def _empty(state: _State, s: int, e: int) -> bool:
    """An object with no content of its own: "reported the information", "confirmed it", or only
    the one addressed ("called Ruiz", "informed the palace", "urged Borduria")."""
    span = state.parsed.doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in span if not t.is_punct and t.lower_ not in _POINTER]
    if not words or len(words) == 1 and words[0].lower_ in empty_objects():
        return True
    index = state.speakers.index
    titles = gz.words("titles.txt")
    return all(index.covering(t.idx) or t.lower_ in titles for t in words) and len(index.at(s, e)) == 1


# ----------------------------------------------------------------- direct or indirect

def _direct_quote(doc, s: int, e: int, head, quotes: list[Quote], clause: bool) -> Quote | None:
    """The quote that holds the whole content (only pointer words outside), or, for an object
    phrase, holds the head of what is said with no verb outside it ("praised the “splendid harvest”").
    A clause whose subject stands outside the marks is reported speech."""
    for q in quotes:
        if q.outer[0] - 1 <= s and e <= q.outer[1] + 1 or q.start - 1 <= s and e <= q.end + 1:
            return q
    inside = [q for q in quotes if s <= q.outer[0] and q.outer[1] <= e + 2]
    if not inside:
        return None
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    out_words = [t for t in span if not t.is_punct and not any(q.start <= t.idx < q.end for q in inside)]
    if all(t.lower_ in _POINTER for t in out_words) and len(inside) == 1:
        return inside[0]
    if clause:
        return None
    holder = next((q for q in inside if head is not None and q.start <= head.idx < q.end), None)
    if holder is not None and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in out_words):
        return holder
    return None


def _quote_text(text: str, q: Quote) -> tuple[int, int]:
    """The words inside the marks, with the punctuation that stands inside them."""
    s, e = q.start, q.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ----------------------------------------------------------------- acts -> statements

@dataclass
class _Act:
    act: Act
    key: str | None
    dropped: bool = False


def _own_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children)


def _embedded(tok, head) -> bool:
    """Whether a reporting verb is the reported clause itself, or a clause under it."""
    while head is not None:
        if tok.i == head.i:
            return True
        if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_ADVERBIAL = frozenset({"prep", "advcl", "npadvmod", "advmod", "mark", "dobj", "ccomp", "agent"})


def _unparsed_subject(sp: Speakers, verb, sent_start: int) -> str | None:
    """A reporting verb the parser left without a subject ("X, reading a note, said"): the
    last actor named before it that is not inside one of its adverbial phrases."""
    aside = {t.i for c in verb.children if c.i < verb.i and c.dep_ in _ADVERBIAL for t in c.subtree}
    found = None
    for t in verb.doc[verb.sent.start:verb.i]:
        if t.idx >= sent_start and t.i not in aside:
            k = sp.index.covering(t.idx)
            if k:
                found = k
    return found


def _named_next(state: _State, after: int) -> str | None:
    """The person an anonymous lead ("a lawyer said") names in the next sentence: one the text
    has not named before, as that sentence's subject."""
    nxt = next((st for st in state.parsed.sentences if st.span.start >= after and st.role == "body"), None)
    if nxt is None:
        return None
    sp = state.speakers
    for k in sp.index.at(nxt.span.start, nxt.span.end):
        actor = sp.index.by_key[k]
        if actor.kind == "person" and actor.mentions and actor.mentions[0].span.start >= nxt.span.start:
            first = actor.mentions[0].span
            return k if sp._is_subject(first.start, first.end) else None
    return None


def _resolve_acts(state: _State, acts: list[Act], sent: tuple[int, int]) -> list[_Act]:
    """Speakers for the acts of one sentence, then relays and coordinated verbs sorted out."""
    sp, doc = state.speakers, state.parsed.doc
    out = []
    for a in acts:
        sp.contents.append((a.start, a.end))   # "X struck ..., according to the army": the army is not X
        key = sp.resolve(a.subject)
        sp.contents.pop()
        if key is None and a.subject is None:
            before = doc[a.trigger.i - 1] if a.trigger.i > 0 else None      # "amid palace claims that"
            if before is not None and before.tag_.startswith("NNP"):
                key = sp.index.covering(before.idx)
            elif a.trigger.dep_ == "ROOT":
                key = _unparsed_subject(sp, a.trigger, sent[0])
        if key is None and a.subject is not None and a.subject.tag_ == "NN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in a.subject.children):
            key = _named_next(state, sent[1])         # "..., a lawyer said Monday." / "Ana Ruiz, who ..."
        out.append(_Act(a, key))
    for o in out:
        if o.act.frame == "opener":
            continue
        for i in out:
            inside = o.act.start <= i.act.trigger.idx < o.act.end
            if i is o or i.dropped or i.act.frame == "opener" or not inside:
                continue
            t = i.act.trigger
            sub_inside = i.act.subject is not None and o.act.start <= i.act.subject.idx < o.act.end
            coordinated = t.dep_ in ("conj", "ccomp") or t.dep_ == "advcl" and t.tag_ == "VBG"
            if coordinated and not _own_subject(t) and (i.key is None or sub_inside):
                i.key, i.act.subject = o.key, o.act.subject      # "said X and praised Y" parsed inside X
                cc = next((c for c in t.head.children if c.dep_ == "cc" and c.i < t.i), None)
                o.act.end = min(o.act.end, (cc if cc is not None and t.dep_ != "advcl" else t).idx)
            elif o.key is None:
                continue                                     # no one named relays: the inner act stands
            elif o.act.trigger.i > t.i:                            # the outer attribution trails its content
                named = i.act.subject is not None and sp.index.covering(i.act.subject.idx)
                if i.key and not i.act.relay and named:
                    o.dropped = True                                # "X said P, the Gazette reported": X
                else:
                    i.dropped = True              # "Ruiz told Marek about ..., the radio added"
            elif _embedded(t, o.act.head):
                i.dropped = True                             # "X's letter said he upholds ...": X's words
            elif i.key:
                sub = i.act.subject
                cut = sub.left_edge.idx if sub is not None and o.act.start < sub.idx < t.idx else t.idx
                if t.dep_ == "relcl" and o.act.start < t.left_edge.idx:
                    cut = min(cut, t.left_edge.idx)          # "A, which Y called “B”": A ends at "which"
                o.act.end = min(o.act.end, cut)                     # "X said A, while Y claimed B"
    return [o for o in out if not o.dropped]


def _emit(state: _State, r: _Act, sent: tuple[int, int], quotes: list[Quote], display: bool) -> None:
    a, text, doc = r.act, state.text, state.parsed.doc
    if a.frame == "opener" or r.key is None:
        return
    s, e = max(a.start, sent[0]), min(a.end, sent[1])
    if a.frame == "left":
        s = _drop_fronted(doc, s, e, a.head)
    s, e = _trim(text, s, e)
    if e - s < 2:
        return
    if a.frame in ("object", "prep") and _empty(state, s, e):
        return
    own = a.trigger if a.trigger.lower_ != "according" else None
    lo, hi = (own.left_edge.idx, own.right_edge.idx + len(own.right_edge)) if own is not None else sent
    lo, hi = max(lo, sent[0]), min(hi, sent[1])
    parts = [(lo, s), (e, hi)]           # the attribution's own words: where its day would be
    s, e = _trim(text, s, _cut_gloss(doc, s, e))
    q = _direct_quote(doc, s, e, a.head, quotes, a.frame in ("clause", "left"))
    if q is not None:
        if any(f.statement.evidence.start == _quote_text(text, q)[0] for f in state.found):
            return                                           # the quote stands alone: direct already
        qs, qe = _quote_text(text, q)
        state.add(r.key, "direct", qs, qe, parts, quotes, display)
        return
    if any(f.statement.evidence.start <= s and e <= f.statement.evidence.end for f in state.found
           if f.statement.kind == "direct"):
        return
    state.add(r.key, "indirect", s, e, parts, quotes, display)


def _standalone_quotes(state: _State, para: Span, sents, quotes: list[Quote], acts: list[_Act],
                       opener: str | None, display: bool, done: set[int]) -> None:
    """Quotes holding a whole sentence's content ("“…,” she said.", "He added: “…”"), a quote
    continuing the speaker of the paragraph, or one opening a paragraph after "X said:". A quote
    is judged once the sentence holding its closing mark has been read (“A. B,” she said.)."""
    text = state.text
    end = sents[-1].span.end
    for qi, q in enumerate(quotes):
        if qi in done or q.outer[1] - 1 >= end:
            continue
        done.add(qi)
        first = next((st for st in sents if st.span.start <= q.outer[0] < st.span.end), None)
        if first is None:
            continue
        last = next((st for st in sents if st.span.start <= q.outer[1] - 1 < st.span.end), sents[-1])
        left = max(first.span.start, quotes[qi - 1].outer[1] if qi else para.start)
        nxt = quotes[qi + 1].outer[0] if qi + 1 < len(quotes) else para.end
        right = min(max(last.span.end, q.outer[1]), nxt)
        around = [r for r in acts
                  if left <= r.act.trigger.idx < q.outer[0] or q.outer[1] <= r.act.trigger.idx < right]
        if not is_standalone(text, q, left, right, bool(around)):
            continue
        keys = [r.key for r in around if r.key]
        prev = state.last()
        if any(r.act.subject is not None for r in around) and not keys:
            continue                                          # "“…,” a spokesperson told reporters": unnamed
        if not keys and prev and not prev.display and prev.statement.evidence.start >= para.start:
            keys = [prev.statement.speaker]
        elif not keys and opener and q.outer[0] == para.start:
            keys = [opener]
        if keys:
            s, e = _quote_text(text, q)
            parts = [(left, q.outer[0]), (q.outer[1], right)]
            state.add(keys[0], "direct", s, e, parts, quotes, display)


def _inside_quotes(quotes: list[Quote]):
    return lambda pos: any(q.outer[0] <= pos < q.outer[1] for q in quotes)


def _block_quote(state: _State, para: Span, sents, prev_opens: bool) -> bool:
    """A paragraph in the speaker's voice after a paragraph that reports that speaker."""
    doc = state.parsed.doc
    acts = [a for st in sents for a in acts_in(doc, st.span.start, st.span.end, lambda _: False)]
    if any(a.frame != "opener" and state.speakers.resolve(a.subject) for a in acts):
        return False
    if not first_person(para.text) and any(a.subject is not None for a in acts):
        return False                      # narration: "The letter stressed that ..."
    if prev_opens or first_person(para.text):
        return True
    span = doc.char_span(para.start, para.end, alignment_mode="expand")
    if span is None or any(t.ent_type_ for t in span):
        return False
    root = next(iter(span.sents)).root     # a speaker's words are in the present; narration in the past
    return root.tag_ in ("VBZ", "VBP", "MD") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "MD")
                                                     for c in root.children)


def _note_speakers(state: _State, acts: list[_Act]) -> None:
    for r in acts:
        if r.act.subject is None:
            continue
        actor = state.speakers.index.by_key.get(r.key) if r.key else None
        if actor is not None:
            # "its governor said" -> the state: a person speaking for it, whom "he" refers back to
            person = actor.kind == "person" or state.speakers.person_like(r.act.subject)
            state.speakers.note(r.act.subject.idx, r.key, person)
            if any(c.dep_ == "prep" and any(p.lower_ in nouns() for p in c.children)
                   for c in r.act.trigger.children):
                state.speakers.last_owner = r.key      # "In a statement, X said": "the statement" is X's
        elif state.speakers.person_like(r.act.subject):
            state.speakers.note(r.act.subject.idx, None, True)    # "its governor said": someone unnamed


def find_statements(parsed: ParsedText, actors: tuple[Actor, ...]) -> tuple[Statement, ...]:
    state = _State(parsed, Speakers(parsed.doc, actors))
    text = parsed.text
    prev: _Found | None = None
    opener: tuple[str, str | None] | None = None         # "X said on Monday:" -> (X, its day)
    prev_opens = False
    for pi, para in enumerate(parsed.paragraphs):
        sents = [st for st in parsed.sentences if st.paragraph == pi and st.role in ACTIVE]
        if not sents:
            continue
        quotes = find_quotes(text, para.start, para.end)
        before = len(state.found)
        display_para = pi == 0 or all(st.role in DISPLAY for st in sents)
        block_speaker = opener[0] if opener else (
            prev.statement.speaker if prev and not prev.display else None)
        if not quotes and block_speaker and not display_para and _block_quote(state, para, sents, prev_opens):
            s, e = para.start, para.end                         # a block quote keeps its full stop
            s += text[s] in OPENERS
            e -= text[e - 1] in _CLOSERS and text.count(text[e - 1], s, e) % 2 == 1
            while e > s and text[e - 1] in " \u00a0":
                e -= 1
            state.add(block_speaker, "direct", s, e, [], [], False)
            new = state.found[before:]
            day = opener[1] if opener else prev.statement.said_on if prev else None
            if new and new[-1].statement.said_on is None and day:       # dated by its opening
                new[-1].statement = replace(new[-1].statement, said_on=day)
        else:
            prev_opener, opener = opener, None
            para_acts: list[_Act] = []
            done: set[int] = set()
            for k, st in enumerate(sents):
                sent = (st.span.start, st.span.end)
                display = display_para or st.role in DISPLAY
                acts = _resolve_acts(state, acts_in(parsed.doc, *sent, _inside_quotes(quotes)), sent)
                para_acts.extend(acts)
                _standalone_quotes(state, para, sents[:k + 1], quotes, para_acts,
                                   prev_opener[0] if prev_opener and prev_opens else None, display, done)
                for r in acts:
                    _emit(state, r, sent, quotes, display)
                if not display:
                    _note_speakers(state, acts)
                    for r in acts:
                        colon = text[r.act.trigger.idx:sent[1]].rstrip().endswith(":")
                        if r.act.frame == "opener" and r.key and colon:
                            opener = (r.key, _said_on(parsed, [sent], quotes)[0])   # the words follow
        new = state.found[before:]
        prev = new[-1] if new else None
        body = text[para.start:para.end]
        prev_opens = body.rstrip().endswith(":") or bool(re.search(r"\bas saying\b", body)) or bool(
            quotes and quotes[-1].outer[1] == para.end and text[para.end - 1] not in "”\"")
    _date_from_occasion(state)
    kept = _without_restated_display(state)
    return tuple(sorted((f.statement for f in kept), key=lambda st: st.evidence.start))


def _date_from_occasion(state: _State) -> None:
    """A remark the text does not date takes the day of the last remark of the same speaker (or
    what it belongs to) before it: the occasion it plainly belongs to."""
    body = [f for f in state.found if not f.display]
    body.sort(key=lambda f: f.statement.evidence.start)
    for i, f in enumerate(body):
        if f.statement.said_on or f.undated_by_text:
            continue
        key = f.statement.speaker
        same = next((g for g in reversed(body[:i]) if g.statement.speaker == key), None)
        if same is None:                         # the institution it speaks for, or its spokesperson
            same = next((g for g in reversed(body[:i])
                         if state.speakers.parent(key) == g.statement.speaker
                         or state.speakers.parent(g.statement.speaker) == key), None)
        if same is None or not same.statement.said_on:   # a run of remarks dated at its end
            run = []
            for g in body[i + 1:]:
                if g.statement.speaker != key:
                    break
                run.append(g)
            same = next((g for g in run if g.statement.said_on), None)
        if same is not None and same.statement.said_on:
            f.statement = replace(f.statement, said_on=same.statement.said_on)


def _words(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in _STOP}


def _without_restated_display(state: _State) -> list[_Found]:
    """Headline and deck attributions that restate a body attribution (in other words or not: the
    same speaker or what it belongs to, or the same content words) are not statements; one with
    no body counterpart is."""
    body = [f for f in state.found if not f.display]
    out = [f for f in body]
    for f in state.found:
        if not f.display:
            continue
        fam = state.speakers.family(f.statement.speaker)
        words = _words(f.statement.text)
        restated = any(fam & state.speakers.family(b.statement.speaker)
                       or len(words & _words(b.statement.text)) > 2 for b in body)
        if not restated:
            out.append(f)
    return out
