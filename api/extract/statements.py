"""Statements: direct quotes, block quotes, headline attributions and reported speech.

Every statement's `evidence` is the Span of exactly its `text` (direct: the words inside the
marks without their closing punctuation; indirect: the reported clause).
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import dates
from . import gazetteer as gz
from .quotes import OPENERS, Quote, find_quotes, first_person, is_standalone
from .speakers import MentionIndex, actors_of, is_reporting, subject
from .text import ParsedText
from .types import Actor, Span, Statement

ACTIVE = ("body", "headline", "teaser")
_LEAD = re.compile(r"(?:[\s,:;—–-]|that\b|to\b|for\b)+", re.I)
_TRAIL = ",.;:!? \u00a0—–-"
_TRAIL_WORD = re.compile(r"[,\s]+(?:with|and|while|as|but|amid)\s*$", re.I)
_HEADLINE_VERB = re.compile(r"\s(Says|Say|Said|Claims|Warns|Confirms|Acknowledges|Admits|Denies|Insists|"
                            r"Pledges|Vows|Praises|Urges|Announces|Reports|Stresses|Affirms)\s", re.U)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    m = _LEAD.match(text, s, e)
    if m:
        s = m.end()
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    m = _TRAIL_WORD.search(text, s, e)
    if m:
        e = m.start()
    while s < e and text[s].isspace():
        s += 1
    return s, e


def _said_on(parsed: ParsedText, s: int, e: int, quotes: list[Quote]) -> str | None:
    """The day the sentence dates the utterance to ("on Monday", "today"), outside quoted words."""
    if parsed.published is None:
        return None
    for d in dates.find_dates(parsed.text, s, e, parsed.published):
        if d.precision == "day" and not any(q.start <= d.span.start < q.end for q in quotes):
            return d.value
    return None


class _Collector:
    def __init__(self, parsed: ParsedText, actors: tuple[Actor, ...]):
        self.parsed, self.text = parsed, parsed.text
        self.index = MentionIndex(actors)
        self.out: list[Statement] = []
        self.last_speaker: str | None = None
        self.opener: tuple[str, str | None] | None = None    # "X said:" with the words to come

    def add(self, speaker: str, kind: str, s: int, e: int, sent: tuple[int, int], quotes) -> None:
        if e - s < 2 or speaker not in self.index.by_key:
            return
        if any(st.speaker == speaker and st.evidence.start == s and st.evidence.end == e for st in self.out):
            return
        about = tuple(k for k in self.index.at(s, e) if k != speaker)
        self.out.append(Statement(speaker, kind, self.text[s:e], Span.of(self.text, s, e),
                                  _said_on(self.parsed, *sent, quotes), about))
        self.last_speaker = speaker


def _verbs(doc, s: int, e: int, quotes: list[Quote]):
    span = doc.char_span(s, e, alignment_mode="expand")
    for tok in span or ():
        if any(q.start <= tok.idx < q.end for q in quotes):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and tok.nbor().lower_ == "to":
            yield tok
        elif is_reporting(tok):
            yield tok


def _according(tok, c: _Collector, s: int, e: int):
    """"According to X, CLAUSE" / "CLAUSE, according to X" -> (speakers, clause start, clause end)."""
    pobj = next((t for t in tok.nbor().children if t.dep_ == "pobj"), None)
    if pobj is None:
        return [], s, s
    speakers = actors_of(pobj, c.index, c.last_speaker)
    obj_end = max(t.idx + len(t) for t in pobj.subtree)
    if tok.idx - s < 3:
        return speakers, obj_end, e
    return speakers, s, tok.idx


def _clause(tok, subj, s: int, e: int, text: str) -> tuple[int, int]:
    """Where a verb's reported clause lies: its ccomp, what follows it, or what precedes its subject."""
    ccomp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    start = ccomp.left_edge.idx if ccomp is not None else tok.idx + len(tok)
    if ccomp is None:
        start = _past_circumstances(tok, start)
    if not text[start:e].strip(_TRAIL + "”\"") and subj is not None and subj.i < tok.i:
        before = tok.doc.char_span(s, subj.left_edge.idx, alignment_mode="expand")
        if text[tok.idx + len(tok):e].lstrip().startswith(":") or before is None or not any(
                t.tag_.startswith("VB") or t.tag_ == "MD" or t.is_quote for t in before):
            return s, s                   # "In the message, Kim said:" the content comes next
        return s, subj.left_edge.idx
    return _after_listener(tok, start, e), e


def _past_circumstances(tok, start: int) -> int:
    """After the verb, skip its particle ("pointed to") and the phrases saying where, when or how it
    was said ("said in a statement carried by state media that", "said on Monday")."""
    doc = tok.doc
    i = tok.i + 1
    particle = gz.reporting_verbs().get(tok.lower_)
    if i < len(doc) and particle and doc[i].lower_ == particle:
        return doc[i].idx + len(doc[i])
    while i < len(doc) and doc[i].head.i == tok.i and doc[i].dep_ in ("prep", "npadvmod", "advmod", "prt"):
        last = max(t.i for t in doc[i].subtree)
        mark = next((t for t in doc[i].subtree if t.lower_ == "that" and t.dep_ == "mark"), None)
        if mark is not None:            # the parser hung the clause on the phrase: it starts after "that"
            return mark.idx + len(mark)
        start = doc[last].idx + len(doc[last])
        i = last + 1
    return start


def _after_listener(tok, start: int, e: int) -> int:
    """ "told lawmakers in a briefing that X": the clause is X, not who heard it."""
    for t in tok.doc[tok.i + 1:]:
        verb = t.tag_.startswith("VB") and t.dep_ != "amod"          # "a televised hearing" goes on
        if t.idx >= e or t.idx >= start and (verb or t.text in ",;:." or t.is_quote):
            break
        if t.idx >= start and t.lower_ == "that":
            return t.idx + len(t) + (1 if t.whitespace_ else 0)
    return start


def _reported(c: _Collector, sent_s: int, sent_e: int, quotes: list[Quote]) -> list[tuple]:
    """Reported speech in one sentence: (speakers, clause start, clause end, verb)."""
    doc = c.parsed.doc
    found = []
    for tok in _verbs(doc, sent_s, sent_e, quotes):
        if tok.lower_ == "according":
            speakers, s, e = _according(tok, c, sent_s, sent_e)
            subj = None
        else:
            subj = subject(tok)
            speakers = actors_of(subj, c.index, c.last_speaker)
            if subj is None and tok.dep_ == "ROOT":          # a broken parse: the first name before the verb
                named = [k for k in c.index.at(sent_s, tok.idx) if c.index.by_key[k].kind != "country"]
                speakers = named[:1]
            s, e = _clause(tok, subj, sent_s, sent_e, c.text)   # Doc.text is rebuilt per call
        if speakers:
            found.append([speakers, s, e, tok, subj])
        elif subj is not None and subj.i < tok.i and len(c.text[tok.idx:sent_e].split()) <= 6 \
                and c.text[sent_s:subj.left_edge.idx].rstrip().endswith(","):
            found.append([[], s, e, tok, subj])          # ", his office said in a statement."
    keep = []
    for f in found:
        tok = f[3]
        tail = c.text[tok.idx + len(tok):sent_e]
        if tok.tag_ in ("VBD", "VBZ", "VBP") and len(tail.split()) <= 3 and any(
                g[0] != f[0] and g[3].i < tok.i and g[1] <= tok.idx < g[2] for g in found):
            continue                       # a trailing relay: "X said ..., Vedomosti reported"
        inner = [g for g in found if g is not f and g[3].i in {t.i for t in tok.subtree}]
        if any(g[0] != f[0] and g[3].dep_ == "ccomp" and g[3].head is tok for g in inner):
            continue                                         # a relay: "KCNA reported X said ..."
        if any(g[0] == f[0] and tok.i in {t.i for t in g[3].subtree} for g in found if g is not f):
            continue                                         # coordinated verb of the same speaker
        for g in found:                                      # stop before another speaker's attribution
            if g is not f and g[0] != f[0] and f[1] < g[3].idx < f[2]:
                cut = (g[4].left_edge.idx if g[4] is not None else g[3].idx)
                f[2] = min(f[2], cut if cut > f[1] else g[3].idx)
        keep.append(f)
    return [f for f in keep if f[0]]


def _headline(c: _Collector, s: int, e: int) -> bool:
    """Title-case headlines: "Kremlin Says Russia Would Assist..." (the parser is unreliable on them)."""
    m = _HEADLINE_VERB.search(c.text, s, e)
    if not m:
        return False
    speakers = c.index.at(s, m.start())
    if not speakers:
        return False
    cs, ce = _trim(c.text, m.end(), e)
    c.add(speakers[-1], "indirect", cs, ce, (s, e), [])
    return True


def _sentence_of(parsed: ParsedText, pos: int):
    for st in parsed.sentences:
        if st.span.start <= pos < st.span.end:
            return st
    return None


def find_statements(parsed: ParsedText, actors: tuple[Actor, ...]) -> tuple[Statement, ...]:
    c = _Collector(parsed, actors)
    text = parsed.text
    prev_speaker: str | None = None
    prev_date: str | None = None
    prev_opens = False
    for pi, para in enumerate(parsed.paragraphs):
        sents = [st for st in parsed.sentences if st.paragraph == pi and st.role in ACTIVE]
        if not sents:
            continue
        quotes = find_quotes(text, para.start, para.end)
        before = len(c.out)
        c.opener = None
        if not quotes and prev_speaker and _block_quote(c, para, sents, prev_opens):
            s, e = _trim(text, para.start, para.end)
            s, e = s + (text[s] in OPENERS + "”"), e - (text[e - 1] in "”\"")   # a quote's last paragraph
            while e > s and text[e - 1] in _TRAIL:
                e -= 1
            c.add(prev_speaker, "direct", s, e, (para.start, para.end), [])
            if c.out[before:] and c.out[-1].said_on is None:   # dated by the opening paragraph
                c.out[-1] = replace(c.out[-1], said_on=prev_date)
        else:
            for st in sents:
                mine = [q for q in quotes if st.span.start <= q.outer[0] < st.span.end]
                _direct(c, parsed, quotes, mine, para, prev_speaker if prev_opens else None)
                if st.role == "headline" and _headline(c, st.span.start, st.span.end):
                    continue
                _indirect(c, st, quotes)
        new = c.out[before:]
        prev_speaker, prev_date = (new[-1].speaker, new[-1].said_on) if new else c.opener or (None, None)
        body = text[para.start:para.end]
        prev_opens = body.rstrip().endswith(":") or bool(re.search(r"\bas saying\b", body)) or bool(
            quotes and quotes[-1].outer[1] == para.end and text[para.end - 1] not in "”\"")
    return tuple(sorted(c.out, key=lambda st: st.evidence.start))


def _indirect(c: _Collector, st, quotes: list[Quote]) -> None:
    text = c.text
    sent = (st.span.start, st.span.end)
    for speakers, s, e, tok, _subj in _reported(c, *sent, quotes):
        s, e = _trim(text, s, e)
        if s >= e and text[:sent[1]].rstrip().endswith(":"):
            c.opener = (speakers[0], _said_on(c.parsed, *sent, quotes))    # "X said on Monday:"
        if any(q.start - 1 <= s and e <= q.outer[1] + 1 for q in quotes):
            continue                                      # the clause is quoted words: direct already
        if c.index.at(s, e) and len(text[s:e].split()) <= 3 and not quotes:
            continue                                      # "informed the Kremlin": a recipient, no content
        inside = [q for q in quotes if s - 1 <= q.outer[0] and q.outer[1] <= e + 2]
        if tok.lower_ in TELL_VERBS and not inside and not _has_verb(c.parsed.doc, s, e):
            continue                                      # "told reporters after the briefing": no content
        rest = text[s:e]
        for q in inside:
            rest = rest.replace(text[q.outer[0]:q.outer[1]], " ")
        lead = text[s:inside[0].outer[0]] if inside else ""
        own = [w for w in re.findall(r"\w+", lead) if w.lower() != "that"]     # the speaker's own words
        if inside and len(re.findall(r"\w+", rest)) <= 3 and (lead.rstrip().endswith(":") or not own):
            qs, qe = inside[0].trimmed(text)               # the marks hold the content: direct
            for sp in speakers:
                if not any(o.evidence.start == qs for o in c.out):
                    c.add(sp, "direct", qs, qe, sent, [])
            continue
        for sp in speakers:
            c.add(sp, "indirect", s, e, sent, quotes)


# Verbs whose object is the listener: with no clause after it, nothing was reported.
TELL_VERBS = frozenset({"told", "tell", "tells", "telling", "informed", "briefed", "assured"})


def _has_verb(doc, s: int, e: int) -> bool:
    span = doc.char_span(s, e, alignment_mode="expand")
    return span is None or any(t.tag_.startswith("VB") or t.tag_ in ("MD", "") for t in span)


def _block_quote(c: _Collector, para: Span, sents, prev_opens: bool) -> bool:
    """A paragraph in the speaker's voice after a paragraph that reports that speaker."""
    if any(_reported(c, st.span.start, st.span.end, []) for st in sents):
        return False
    if not first_person(para.text) and any(subject(t) is not None for st in sents
           for t in _verbs(c.parsed.doc, st.span.start, st.span.end, []) if t.lower_ != "according"):
        return False                      # narration: "The message stressed that ..."
    if prev_opens or first_person(para.text):
        return True
    doc_span = c.parsed.doc.char_span(para.start, para.end, alignment_mode="expand")
    return doc_span is not None and not any(t.ent_type_ for t in doc_span)


def _direct(c: _Collector, parsed: ParsedText, quotes: list[Quote], mine: list[Quote], para: Span,
            opener: str | None) -> None:
    """Quotes standing alone in their sentence; one opening its paragraph after "X said:" is X's."""
    text, doc = parsed.text, parsed.doc
    for q in mine:
        qi = quotes.index(q)
        first = _sentence_of(parsed, q.outer[0])
        last = _sentence_of(parsed, max(q.outer[1] - 1, q.outer[0]))
        if first is None or first.role not in ACTIVE:
            continue
        left = max(first.span.start, quotes[qi - 1].outer[1] if qi else para.start)
        nxt = quotes[qi + 1].outer[0] if qi + 1 < len(quotes) else para.end
        right = min(last.span.end if last else para.end, nxt)
        around = [t for t in _verbs(doc, left, q.outer[0], []) if t.lower_ != "according"] + \
                 [t for t in _verbs(doc, q.outer[1], right, []) if t.lower_ != "according"]
        if not is_standalone(text, q, left, right, bool(around)):
            continue
        speakers = []
        for tok in around:
            speakers = actors_of(subject(tok), c.index, c.last_speaker)
            if speakers:
                break
        if not speakers and c.last_speaker and c.out and c.out[-1].evidence.start >= para.start:
            speakers = [c.last_speaker]
        elif not speakers and opener and q.outer[0] == para.start:
            speakers = [opener]
        s, e = q.trimmed(text)
        for sp in speakers[:1]:
            c.add(sp, "direct", s, e, (first.span.start, last.span.end if last else para.end), [])
