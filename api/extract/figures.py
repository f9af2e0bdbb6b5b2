"""Figures: numbers with scale, unit, metric, qualifier, subject, source and as_of.

Works clause by clause: the clause around a number says what it counts (the metric rules in
data/figures_metrics.tsv), whose it is (the actor named in the noun phrase or as the clause's
agent) and who asserts it (an actor followed by a reporting verb, unless the text hedges).
"""
from __future__ import annotations

import re
from pathlib import Path

from . import dates
from .numbers import NumberMention, find_numbers
from .text import ParsedText
from .types import Actor, ActorMention, Figure, Span, Statement

DATA = Path(__file__).with_name("data")


def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


CUES = {k: v for k, v in _rows("figures_cues.tsv")}
C = {k: re.compile(v, re.I) for k, v in CUES.items() if k != "people"}
PEOPLE_RE = re.compile(rf"\b(?:{CUES['people']})\b", re.I)
METRICS = [(m, u, re.compile(rx.replace("{PEOPLE}", CUES["people"]), re.I))
           for m, u, rx in _rows("figures_metrics.tsv")]
NOT_FIGURE_NOUN = re.compile(rf"^\W*(?:\w+\s+){{0,1}}(?:{CUES['not_figure_noun']})\b", re.I)
# Clause boundaries: punctuation, and the words that open a new clause.
BOUNDARY = re.compile(r",(?!\d{3})|[;:—–()]"
                      r"|\s(?:that|with|while|whereas|which|who|but|although|after|before)\s")
LOCATIVE = re.compile(r"\b(?:to|into|in|from|against|at|on|towards?|across|by|for)\s+(?:the\s+)?$", re.I)
AUX = re.compile(r"^\s*(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:(?:also|again|now|\w+ly)\s+)?", re.I)
NOUN_AFTER = re.compile(r"^\s*(?:[A-Z][\w’'-]*\s+){0,3}([a-z][a-z-]+)")


def find_figures(parsed: ParsedText, actors: tuple[Actor, ...],
                 statements: tuple[Statement, ...]) -> tuple[Figure, ...]:
    text, out = parsed.text, []
    by_key = {a.key: a for a in actors}
    mentions = sorted((m for a in actors for m in a.mentions), key=lambda m: m.span.start)
    last_subject: dict[str, str] = {}          # unit -> subject of the latest figure, for anaphora
    for sent in parsed.sentences:
        if sent.role in ("byline", "boilerplate", "teaser"):
            continue
        s, e = sent.span.start, sent.span.end
        sent_text = text[s:e]
        date_spans = [(d.span.start + s, d.span.end + s)
                      for d in dates.find_dates(sent_text, 0, len(sent_text), parsed.published)]
        sent_mentions = [m for m in mentions if s <= m.span.start < e]
        for num in find_numbers(sent_text):
            a, b = num.span.start + s, num.span.end + s
            if any(x < b and a < y for x, y in date_spans) or _not_figure(text, a, b, num):
                continue
            fig = _figure(parsed, num, a, b, s, e, sent_mentions, by_key, actors, last_subject)
            if fig is None:
                continue
            idx = next((i for i, st in enumerate(statements)
                        if st.evidence.start <= a and b <= st.evidence.end), None)
            if idx is not None:
                st = statements[idx]
                fig = _replace(fig, statement=idx, source=fig.source or st.speaker,
                               as_of=st.said_on if fig.as_of and st.said_on else fig.as_of)
            if fig.subject:
                last_subject[fig.unit] = fig.subject
            out.append(fig)
    return tuple(out)


def _replace(fig: Figure, **kw) -> Figure:
    from dataclasses import replace
    return replace(fig, **kw)


def _not_figure(text: str, a: int, b: int, num: NumberMention) -> bool:
    before, after = text[max(0, a - 20):a], text[b:b + 30]
    if C["not_figure_before"].search(before) or C["not_figure_after"].search(after):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", num.span.text) and re.match(r"[-–/]\d", after):
        return True   # "the 1950-53 war", "the 2024/25 season": a span of years
    if num.unit is None and NOT_FIGURE_NOUN.search(after):
        return True
    if num.spelled and num.unit is None and re.match(r"\s+of\b", after):
        return True   # "one of the", "two of them": partitives, not counts
    return False


def _clause(text: str, a: int, b: int, s: int, e: int) -> tuple[int, int]:
    """The clause around text[a:b] inside the sentence [s, e); a clause that ends right after
    the number (", around $5 billion,") takes the next one too."""
    start = s
    for m in BOUNDARY.finditer(text, s, a):
        start = m.end()
    end = e
    m = BOUNDARY.search(text, b, e)
    if m:
        end = m.start()
        if not re.search(r"[A-Za-z]{3}", text[b:end]) and m.group(0) in ",;:—–":
            m2 = BOUNDARY.search(text, m.end(), e)
            end = m2.start() if m2 else e
    while end > start and text[end - 1] in " .\u201d\"'":
        end -= 1
    while start < a and text[start] == " ":
        start += 1
    return start, end


def _metric(clause: str, num: NumberMention, noun: str | None, local: str = "") -> tuple[str, str]:
    if num.unit == "fraction":
        return ("share_of_supply" if C["supply"].search(clause) else "other"), "fraction"
    if num.unit:   # money
        return ("revenue" if C["revenue"].search(clause) else "other"), num.unit
    # The words up to the next number first ("100 killed and 1,000 wounded"), then the clause.
    for part in (local, clause) if local else (clause,):
        for metric, unit, rx in METRICS:
            if rx.search(part):
                return metric, unit
    if noun and PEOPLE_RE.fullmatch(noun):
        return "other", "people"
    return "other", noun or "count"


def _counted_noun(doc, b: int, ce: int) -> str | None:
    """The common noun a number counts, past adjectives: "3,000 additional soldiers" -> soldiers."""
    span = doc.char_span(b, ce, alignment_mode="expand") if doc is not None else None
    for t in list(span or [])[:5]:
        if t.idx < b:
            continue
        if t.tag_ in ("NN", "NNS"):
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if t.dep_ == "compound" or (nxt is not None and nxt.tag_ == "HYPH"):
                continue   # "long-range artillery pieces", "artillery pieces": the head comes later
            return t.lower_
        if t.tag_ not in ("JJ", "JJR", "JJS", "VBN", "NNP", "NNPS", "HYPH", "RB"):
            return None
    return None


def _figure(parsed, num, a, b, s, e, sent_mentions, by_key, actors, last_subject) -> Figure | None:
    text = parsed.text
    cs, ce = _clause(text, a, b, s, e)
    clause = text[cs:ce]
    after = text[b:ce]
    noun = _counted_noun(parsed.doc, b, ce)
    if noun is None:
        nm = NOUN_AFTER.match(after)
        noun = nm.group(1).lower() if nm and nm.group(1).lower() not in ("of", "the", "and", "or") else None
    if (noun in ELLIPTIC or ANAPHOR.match(after)) and "people" in last_subject:
        # "2,000 more dispatched", "8,000 of them moved": the counted noun is the previous one
        noun, clause = "people", text[cs:b] + " people" + text[b:ce]
        after = " people" + after
    local = text[a:_next_number(text, b, ce)]
    if num.unit == "fraction":
        clause = text[s:ce]   # "supplied ... and half of the shells": the verb may lead the sentence
    metric, unit = _metric(clause, num, noun, local)
    if num.spelled and metric == "other" and num.value < 100 and num.unit != "fraction":
        return None   # "two leaders", "one of": small words count only what we know to count
    if metric == "other" and num.unit is None and noun is None:
        return None
    qual = "exact"
    before = text[max(s, a - 30):a]
    for q in ("at_least", "at_most", "approximately"):
        if C[q].search(before):
            qual = q
            break
    if num.high is not None and qual == "exact":
        qual = "at_least"   # "11,000 to 12,000": at least the lower bound
    subject = _subject(text, a, b, cs, ce, s, sent_mentions, by_key, actors, unit, last_subject)
    source = _source(text, a, s, cs, sent_mentions, by_key)
    if metric == "share_of_supply":   # "one in three shells comes from X": X supplies them
        src = [m for m in sent_mentions if b < m.span.start < ce
               and re.search(r"\bfrom\s+(?:the\s+)?$", text[m.span.start - 10:m.span.start])]
        subject = _owner(src[0].actor, by_key) if src else subject
    as_of = None
    if C["now"].search(clause):
        as_of = _as_of(text, s, e, parsed.published)
    return Figure(value=num.value, unit=unit, metric=metric, qualifier=qual,
                  evidence=Span.of(text, cs, ce), subject=subject, source=source, as_of=as_of)


ELLIPTIC = {"more", "others", "additional", "extra"}
ANAPHOR = re.compile(r"^\s*of\s+(?:them|those|these)\b", re.I)


def _next_number(text: str, b: int, ce: int) -> int:
    m = re.search(r"\d", text[b:ce])
    return b + m.start() if m else ce


def _owner(key: str, by_key: dict[str, Actor]) -> str:
    """Whose troops: an armed force or a group counts for the state it belongs to."""
    actor = by_key.get(key)
    if actor and actor.kind in ("armed_force",) and actor.affiliation in by_key:
        return actor.affiliation
    return key


def _demonym(word_run: str, actors: tuple[Actor, ...]) -> str | None:
    """'North Korean' -> the North Korea actor, when the tuple holds it and no mention covers it."""
    words = word_run.strip()
    for actor in actors:
        if actor.kind != "country":
            continue
        for name in (actor.name, *actor.aliases):
            stem = name[:-1] if len(name) > 4 else name
            if words.startswith(stem) and len(words) - len(name) <= 3:
                return actor.key
    return None


def _subject(text, a, b, cs, ce, s, sent_mentions, by_key, actors, unit, last_subject):
    # 1. The noun phrase right after the number: "15,000 North Korean troops".
    for m in sent_mentions:
        gap = text[b:m.span.start]
        if b <= m.span.start < ce and re.fullmatch(r"[\s\"”’']*(?:[\w-]+\s+){0,1}", gap):
            return _owner(m.actor, by_key)
    np = re.match(r"[\s\"”’']*((?:[A-Z][\w’'-]*\s+){1,3})", text[b:ce])
    if np:
        key = _demonym(np.group(1), actors)
        if key:
            return key
    # 2. The agent of the clause or sentence before the number, not a destination ("sent to Russia").
    for m in sorted((m for m in sent_mentions if m.span.end <= a), key=lambda m: -m.span.start):
        if LOCATIVE.search(text[max(s, m.span.start - 12):m.span.start]):
            continue
        if C["report"].match(text[m.span.end:m.span.end + 30].lstrip()):
            continue   # the one who estimates is the source, not the subject
        if m.span.start >= cs or not last_subject.get(unit):
            return _owner(m.actor, by_key)
    # 3. An elliptical or anaphoric clause ("with 4,000 killed", "the majority of this") inherits.
    return last_subject.get(unit) or last_subject.get("people" if unit == "people" else unit)


def _source(text, a, s, cs, sent_mentions, by_key) -> str | None:
    window = text[s:a] + text[a:a + 60]
    if C["hedge"].search(text[s:a + 60]) or re.search(r"\breports\s+(?:suggest|say|indicate)", window, re.I):
        return None
    best = None
    for m in sent_mentions:
        if m.span.end > a:
            break
        follow = text[m.span.end:min(a, m.span.end + 40)]
        if C["report"].match(AUX.sub("", follow)):
            best = m.actor
        elif re.search(r"according to\s+(?:the\s+)?$", text[max(s, m.span.start - 20):m.span.start], re.I):
            best = m.actor
    return best


def _as_of(text: str, s: int, e: int, published) -> str | None:
    """'now' anchors the number at the sentence's own date, else at publication."""
    found = dates.find_dates(text, s, e, published)
    if found:
        return found[0].value
    return published.isoformat() if published else None


__all__ = ["find_figures", "ActorMention"]
