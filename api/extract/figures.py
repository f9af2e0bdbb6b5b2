"""Figures: numbers with unit, metric, qualifier, subject, source and as_of.

Each number gets a frame from the parse (figure_frames): the noun it counts and the verb that
governs it. The verb's class (data/figures_predicates.tsv) says whose the number is: the one who
fired or shot down, whose dead, who releases, whose territory. The source is who the sentence
has asserting it: the subject of a reporting verb above the number, "according to X", or the
speaker of the statement it sits in; null under "reportedly".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import dates
from . import figure_frames as ff
from . import gazetteer as gz
from .nlp import get_nlp
from .numbers import NumberMention, find_numbers
from .speakers import MentionIndex, _referring
from .text import ParsedText
from .types import Actor, Figure, Span, Statement

DATA = ff.DATA


def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


CUES = {k: v for k, v in _rows("figures_cues.tsv")}
C = {k: re.compile(v, re.I) for k, v in CUES.items() if k != "people"}
METRICS = [(m, u, re.compile(rx.replace("{PEOPLE}", CUES["people"]), re.I))
           for m, u, rx in _rows("figures_metrics.tsv")]
# Clause boundaries for the evidence span: punctuation, and the words that open a new clause.
BOUNDARY = re.compile(r",(?!\d{3})|[;:—–()]"
                      r"|\s(?:that|with|while|whereas|which|who|but|although|after|before)\s")
LOCATIVE = C["locative"]
# "400 by 400", "500-for-500": the second number repeats the first term of an exchange
RECIPROCAL = re.compile(r"^\s*(?:-\s*)?(?:by|for|x|×)\s*-?\s*$", re.I)
CAPTIVITY = C["captivity"]        # words that put people in someone's hands
MONTH_DAY_LIST = re.compile(r"\b(?:" + "|".join(m.capitalize() for m in dates.MONTHS) +
                            r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:,|and|or|to|-|–)\s*$")
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# words that stand for people right after a number ("the 30 dead") and what they count
VICTIM_WORDS = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded",
                "missing": None, "arrested": None, "detained": None, "displaced": None, "evacuated": None}
# the first words of a counted noun's own clause ("two civilians were lightly wounded")
OWN_CLAUSE = re.compile(r"^\W*(?:[\w’'-]+\s+){0,4}?(?:(?:was|were|had\s+been|have\s+been|has\s+been|are|is)"
                        r"\s+)(?:\w+ly\s+)?(killed|dead|wounded|injured|hurt)\b", re.I)
PEOPLE_CLASSES = ("military", "person", "captive", "member")
# whose-number fallbacks by the context of the story: which kind of earlier figure passes on its subject
CONTEXT_CLASSES = ("weapon", "attack", "military", "person", "captive", "member", "vote", "asset",
                   "territory")


@dataclass
class Story:
    """What earlier sentences of the document established, for clauses that leave it implicit."""
    by_class: dict[str, str] = field(default_factory=dict)     # launch/intercept/release/target -> actor
    by_unit: dict[str, str] = field(default_factory=dict)      # unit -> subject of its latest figure
    by_kind: dict[tuple, str] = field(default_factory=dict)    # (unit, noun class) -> the same
    last_noun: tuple | None = None                             # (unit, noun class) of the latest figure
    attacker: str | None = None
    attacked: str | None = None
    target_at: int = -1                                        # offset of the latest target figure
    sentence: int = 0                                          # index of the current sentence
    noun_sentence: int = -9                                    # sentence of last_noun
    dates: list = field(default_factory=list)                  # (offset, value) of this sentence's dates
    last_day: str | None = None                                # the latest day the story has dated
    last_metric: tuple = (None, -9)                            # (metric, sentence) of the latest figure
    attackers: frozenset = frozenset()                         # countries that attack anywhere in the text
    releasers: list = field(default_factory=list)              # sides the text has freeing people, in order
    mediators: frozenset = frozenset()                         # go-betweens of the parties: no side
    sent_now: object = None                                    # the sentence read now (_Sent)
    sent_before: object = None                                 # the sentence before it
    place_states: dict = field(default_factory=dict)           # sentence start -> state of its places


class _Sent:
    """A sentence's tokens and how to turn their offsets into document offsets."""

    def __init__(self, parsed: ParsedText, sent, idx: MentionIndex):
        s, e = sent.span.start, sent.span.end
        self.start, self.end = s, e
        self.text = text = parsed.text[s:e]
        if sent.role == "headline" and find_numbers(text) and _title_case(text):
            cased = _sentence_case(text, lambda i: idx.covering(s + i) is not None)
            self.doc, self.base = _tag_and_parse(cased), s      # title case misleads the tagger
        else:
            self.doc, self.base = parsed.doc, 0

    def tokens(self, a: int, b: int):
        span = self.doc.char_span(a - self.base, b - self.base, alignment_mode="expand")
        return list(span) if span is not None else []

    def off(self, t) -> int:
        return t.idx + self.base


def _tag_and_parse(text: str):
    """Only the components the figure rules read (tags and dependencies), not the entity layers."""
    nlp, _ = get_nlp()
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentence_case(text: str, keep) -> str:
    """Lower-case the initials of title-cased words except the first and names (`keep(offset)`),
    so the tagger reads verbs as verbs; the length and offsets stay the same."""
    chars = list(text)
    for i, m in enumerate(re.finditer(r"[A-Za-z][\w’'.-]*", text)):
        w = m.group(0)
        if i and w[0].isupper() and not w.isupper() and not keep(m.start()) \
                and w.rstrip(".") not in gz.demonyms() and w.rstrip(".") not in gz.surface_index():
            chars[m.start()] = w[0].lower()
    return "".join(chars)


def find_figures(parsed: ParsedText, actors: tuple[Actor, ...],
                 statements: tuple[Statement, ...]) -> tuple[Figure, ...]:
    text, out = parsed.text, []
    idx = MentionIndex(actors)
    story = Story()
    ranks = _country_ranks(actors)
    read = [(sent, _Sent(parsed, sent, idx)) for sent in parsed.sentences
            if sent.role not in ("byline", "boilerplate", "teaser", "duplicate")]
    story.attackers = _attackers([sp for _, sp in read], idx, ranks)
    story.mediators = _mediators([sp for _, sp in read], idx) - story.attackers
    for sent, sp in read:
        s, e = sent.span.start, sent.span.end
        sent_text = text[s:e]
        nums = find_numbers(sent_text)
        story.sentence += 1
        story.sent_before, story.sent_now = story.sent_now, sp
        _note_attacks(sp, idx, story, ranks)
        if not nums:
            continue
        found_dates = dates.find_dates(sent_text, 0, len(sent_text), parsed.published)
        date_spans = [(d.span.start + s, d.span.end + s) for d in found_dates]
        story.dates = [(d.span.start + s, d.value) for d in found_dates
                       if not SPAN_START.search(text[max(s, d.span.start + s - 14):d.span.start + s])
                       and not SPAN_START.match(d.span.text.split()[0] + " ")]
        prev_val = None
        for num in nums:
            a, b = num.span.start + s, num.span.end + s
            if any(x < b and a < y for x, y in date_spans) or _not_figure(text, a, b, num, prev_val):
                prev_val = (num.value, b)
                continue
            prev_val = (num.value, b)
            figs = _figures(parsed, sp, num, a, b, idx, story, ranks, statements)
            for fig in figs:
                st_i = next((i for i, st in enumerate(statements)
                             if st.evidence.start <= a and b <= st.evidence.end), None)
                if st_i is not None:
                    fig = replace(fig, statement=st_i)
                out.append(fig)
        days = [v for _, v in story.dates if len(v) == 10]
        story.last_day = days[-1] if days else story.last_day
    return tuple(out)


def _attackers(sents: list, idx: MentionIndex, ranks) -> frozenset:
    """Every country the text has attacking, headline included, before any figure is read: a
    headline toll comes before the body says whose offensive it is."""
    seen, scratch = set(), Story()
    for sp in sents:
        scratch.attacker = None
        _note_attacks(sp, idx, scratch, ranks)
        if scratch.attacker:
            seen.add(scratch.attacker)
    return frozenset(seen)


@lru_cache(maxsize=1)
def _mediation_words() -> re.Pattern:
    words = sorted(ff.word_list("mediation_words"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _mediators(sents: list, idx: MentionIndex) -> frozenset:
    """Who the text has mediating ("a truce brokered by X", "X, which mediated between ...",
    "Xian mediators", "mediators X and Y"): a go-between is not the other side of a fight."""
    found: set[str] = set()
    words = ff.word_list("mediation_words")
    for sp in sents:
        if not _mediation_words().search(sp.text):
            continue                   # most sentences name no mediation: skip the token walk
        for t in sp.tokens(sp.start, sp.end):
            if t.lower_ not in words:
                continue
            heads = []
            if t.tag_ in ff.VERB_TAGS:
                heads.append(ff.agent(t))
            elif ff.is_noun(t):
                heads += [c for c in t.children if c.dep_ in ("poss", "amod", "compound", "nmod", "appos")]
                heads += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                          for p in c.children if p.dep_ == "pobj"]
                if t.dep_ == "appos":
                    heads.append(t.head)          # "Qatar and Egypt, the mediators,"
                if t.dep_ == "attr":              # "Qatar has been a mediator"
                    heads += [c for c in t.head.children if c.dep_ == "nsubj"]
            for h in [h for h in heads if h is not None]:
                for x in [h] + [c for c in h.conjuncts]:
                    lo, hi = ff.np_span(x)
                    keys = idx.at(lo + sp.base, hi + sp.base)
                    if not keys:
                        key = gz.demonyms().get(x.text)
                        keys = [key] if key in idx.by_key else []
                    found.update(keys)
    return frozenset(found)


def _named_counts(actors: tuple[Actor, ...]) -> dict[str, int]:
    dem = gz.demonyms()
    return {a.key: sum(1 for m in a.mentions if m.span.text not in dem) for a in actors}


def _country_ranks(actors: tuple[Actor, ...]) -> list[str]:
    """Countries by how often the document names them (as nouns, not as "North Korean" before
    another noun): the parties of the story first."""
    dem = gz.demonyms()
    # states, and armed sides that belong to none ("the rebels", a named militia)
    countries = [a for a in actors if a.kind == "country"]

    def named(a: Actor) -> int:
        return sum(1 for m in a.mentions if m.span.text not in dem)
    return [a.key for a in sorted(countries, key=lambda a: (-named(a), a.mentions[0].span.start
                                                            if a.mentions else 0))]


def _not_figure(text: str, a: int, b: int, num: NumberMention, prev) -> bool:
    before, after = text[max(0, a - 20):a], text[b:b + 30]
    if C["not_figure_before"].search(before) or C["not_figure_after"].search(after):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", num.span.text) and re.match(r"[-–/]\d", after) or \
            re.search(r"(?:19|20)\d\d[-–/]$", before):
        return True   # "the 1950-53 war", "the 2024/25 season": a span of years
    if re.match(r"\s*(?:-|–)?\s*years?[\s-]+old\b|\s*-year-old", after, re.I):
        return True   # ages
    if num.value <= 31 and MONTH_DAY_LIST.search(before):
        return True   # "June 3 and 4": the second day of a list of dates
    words = before.lower().split()
    if words and words[-1] in ff.word_list("age_before"):
        return True
    if prev and prev[0] == num.value and RECIPROCAL.match(text[prev[1]:a]):
        return True   # "400 by 400": one term of an exchange, counted once
    return False


def _clause(text: str, a: int, b: int, s: int, e: int) -> tuple[int, int]:
    """The clause around text[a:b] inside the sentence [s, e); a clause that ends right after
    the number (", around $5 billion,") takes the next one too."""
    start, cuts = s, [s]
    for m in BOUNDARY.finditer(text, s, a):
        start = m.end()
        cuts.append(m.start())
    if not re.search(r"[A-Za-z]{3}", text[start:a]) and len(cuts) > 1 and text[cuts[-1]] in "—–:":
        # '"Unity" — 31': the label before the dash says what the number is
        start = next((m.end() for m in BOUNDARY.finditer(text, s, cuts[-1])
                      if m.end() <= cuts[-1] and not BOUNDARY.search(text, m.end(), cuts[-1])), s)
        end = m.start() if (m := BOUNDARY.search(text, b, e)) else e
        while end > start and text[end - 1] in " .\u201d\"'":
            end -= 1
        while start < a and text[start] in " \"“":
            start += 1
        return start, end
    end = e
    m = BOUNDARY.search(text, b, e)
    if m:
        end = m.start()
        if not re.search(r"[A-Za-z]{3}", text[b:end]) and m.group(0) in ",;:—–":
            m2 = BOUNDARY.search(text, m.end(), e)
            end = m2.start() if m2 else e
    while end > start and text[end - 1] in " .\u201d\"'":
        end -= 1
    while start < a and text[start] in " \"“":
        start += 1
    return start, end


def _figures(parsed, sp: _Sent, num: NumberMention, a, b, idx, story, ranks, statements) -> list[Figure]:
    text = parsed.text
    toks = sp.tokens(a, b)
    if not toks:
        return []
    cs, ce = _clause(text, a, b, sp.start, sp.end)
    frame = ff.build(ff.number_token(toks), ce - sp.base)
    info = ff.noun_info(frame.noun)
    if _not_counted(frame, info, num, text, a, b):
        return []
    unit, cls = _unit(frame, info, num, story)
    if _reciprocal(text, b) and cls != "deal":     # "the 400 by 400 swap" of an exchange
        deal = next((ff.noun_info(t) for t in sp.tokens(cs, ce)
                     if ff.noun_info(t) and ff.noun_info(t).cls == "deal"), None)
        if deal:
            unit, cls = (deal.unit if deal.unit != "-" else unit), "deal"
    if unit is None:
        return []
    vinfo = ff.verb_info(frame.pred)
    metric = _metric(text, frame, vinfo, cls, num, a, b, cs, ce, sp)
    if metric == "other" and frame.anaphoric and story.last_metric[1] == story.sentence:
        metric = story.last_metric[0]     # "2,059 injured, 1,404 of them critically": a part of that count
    story.last_metric = (metric, story.sentence)
    if vinfo and vinfo.cls == "vote" and cls in PEOPLE_CLASSES and frame.direct:
        unit = "votes"
    source = _source(sp, frame, idx, statements, a, text, (cs, ce))
    subject = _subject(sp, frame, info, cls, vinfo, metric, idx, story, ranks, statements, source, a, b, text)
    if subject is None and cls == "money" and not _two_sided(frame):
        subject = story.by_unit.get(unit)     # "the majority of this, $19 billion": the last amount's
    as_of = _anchor(text, story, a, cs, ce, sp, parsed.published, statements, cls, vinfo)
    story.by_unit[unit] = subject or story.by_unit.get(unit)
    story.by_kind[(unit, cls)] = subject or story.by_kind.get((unit, cls))
    story.last_noun, story.noun_sentence = (unit, cls), story.sentence
    if subject and vinfo and frame.direct \
            and vinfo.cls in ("launch", "intercept", "release", "target", "deploy"):
        story.by_class[vinfo.cls] = subject
        if vinfo.cls == "release":
            story.releasers.append(subject)
        story.target_at = a if vinfo.cls == "target" else story.target_at
        if vinfo.cls == "launch":
            story.attacker = subject
    ev = Span.of(text, cs, ce)
    qual = _qualifier(text, a, sp.start, frame)
    if num.high is not None:     # a range: two figures, the low end at least, the high end at most
        return [Figure(num.value, unit, metric, "at_least", ev, subject, source, as_of),
                Figure(num.high, unit, metric, "at_most", ev, subject, source, as_of)]
    return [Figure(num.value, unit, metric, qual, ev, subject, source, as_of)]


def _not_counted(frame: ff.Frame, info, num: NumberMention, text: str, a: int, b: int) -> bool:
    """Numbers that count nothing of the story: years, durations, the parties, pronoun "one"."""
    if num.unit is None and YEAR.match(num.span.text) and (info is None or info.cls == "time"
                                                           or frame.noun is None or frame.noun.tag_ == "NNP"):
        return True
    if info is not None and info.cls == "time" and num.unit is None:   # "211% last year": a time adverb
        head = frame.chain[-1] if frame.chain else None
        if (head is None or head == frame.noun or head.lower_ not in ff.word_list("deal_heads")) \
                and not _deal_duration(frame):
            return True    # "a 9-year feud", "lasted 7 weeks", "for five more days"
    if num.unit is None and frame.noun is not None and frame.noun.lower_ in ff.word_list("party_nouns"):
        det = [c.lower_ for c in frame.noun.children if c.dep_ in ("det", "poss", "predet")]
        if num.value <= 2 or det:
            return True    # "the two countries", "two leaders"
    before = text[max(0, a - 12):a].lower().split()
    focused = bool(before) and before[-1] in ff.word_list("count_focus")
    relative = re.match(r"\s+of\s+(?:which|whom)\b", text[b:b + 12])
    if num.spelled and num.value == 1 and frame.part and not focused and not relative:
        return True        # "one of the options" is a reference, not a count; "one of which was hit" counts
    if num.spelled and num.unit is None and frame.noun is None:
        if before and before[-1] in ("the", "these", "those", "no", "any", "every"):
            return True    # "the two had met", "no one"
        if num.value == 1 and not focused and not relative:
            return True    # "one of them" as a reference, "one another"
        if re.match(r"\s+(?:of\s+(?:the|his|her|its|their|our)\b|another\b)", text[b:b + 20]) and not focused:
            return True    # "one of the largest", "two of the men": a reference, not a count
    return False


LAST_VERBS = {"last", "lasts", "lasted", "lasting", "run", "runs", "ran", "running"}


def _deal_duration(frame: ff.Frame) -> bool:
    """"the first stage, which will run 30 days", "under the deal, troops will leave within 30
    days", "the truce requires X to withdraw over the next 60 days": a term of the deal, so a figure."""
    n = frame.noun
    if n is None:
        return False
    if n.head.lower_ in LAST_VERBS:
        subj = ff.agent(n.head)
        return subj is not None and subj.lower_ in ff.word_list("deal_heads")
    prep = n.head if n.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ff.word_list("term_preps") or prep.head.tag_ not in ff.VERB_TAGS:
        return False
    return _to_come(prep.head) and _under_deal(prep.head)


def _to_come(v) -> bool:
    """A verb of what is to happen ("will leave", "to withdraw", "must free"), not of what did."""
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in ff.word_list("future_aux") for c in v.children):
            return True
        if v.dep_ not in ("conj", "xcomp") or v.head == v:
            return False
        v = v.head
    return False


def _under_deal(v) -> bool:
    """The verb or a verb it hangs from is under a deal: "under the truce", or a deal is its subject
    ("the deal requires X to ...", "the ceasefire will see X ...")."""
    heads = ff.word_list("deal_heads")
    for _ in range(4):
        for c in v.children:
            if c.dep_ == "nsubj" and c.lower_ in heads:
                return True
            if c.dep_ == "prep" and c.lower_ in ("under", "per"):
                if any(p.dep_ == "pobj" and p.lower_ in heads | {"terms"} for p in c.children):
                    return True
        if v.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or v.head == v:
            return False
        v = v.head
    return False


def _reciprocal(text: str, b: int) -> bool:
    return bool(re.match(r"\s*(?:-|–)?\s*(?:by|for)\s*-?\s*\d", text[b:b + 12]))


def _unit(frame: ff.Frame, info, num: NumberMention, story: Story) -> tuple[str | None, str | None]:
    if num.unit:
        return num.unit, ("money" if num.unit != "fraction" else "fraction")
    if frame.elliptic or frame.noun is None:
        # an elliptical count takes the noun of this or the previous sentence; "of them" reaches further
        gap = story.sentence - story.noun_sentence
        if story.last_noun and frame.elliptic and (frame.anaphoric or gap == 0 or (gap == 1 and frame.more)):
            return story.last_noun
        vinfo = ff.verb_info(frame.pred)
        if vinfo and vinfo.cls == "victim" and frame.direct:
            return "people", "person"      # "the strikes killed 30": people
        t = frame.number
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in VICTIM_WORDS:
            return "people", "person"      # "the 30 dead", "13 wounded"
        if _vote_tally(t):
            return "votes", "vote"         # "passed 68-32", "153 in favour to 10 against"
        return None, None
    if info is not None:
        return (ff.plural(frame.noun) if info.unit == "-" else info.unit), info.cls
    n = frame.noun
    if n.ent_type_ == "NORP" or n.lower_.rstrip("s") in _DEMONYMS_LOWER:
        return "people", "person"          # "270 Ruritanians"
    if n.tag_ in ("NNP", "NNPS"):
        return None, None                  # "Exhibition 2023", "Route 66": a name, not a count
    return ff.plural(n), None


_DEMONYMS_LOWER = frozenset(d.lower() for d in gz.demonyms())


def _demonym_tails() -> dict[str, frozenset[str]]:
    """"Korean" -> the countries with a demonym that ends with it ("North Korean", "South Korean")."""
    out: dict[str, set[str]] = {}
    dem = gz.demonyms()
    for d, key in dem.items():
        words = d.split()
        if len(words) > 1 and words[-1] in dem:     # a demonym of its own ("Korean"), not "African"
            out.setdefault(words[-1], set()).add(key)
    # only where the bare word is one of the family's ("Korean" of the Koreas), not a third
    # state's own ("Sudanese" is Sudan's, not South Sudan's)
    return {w: frozenset(k) for w, k in out.items() if dem[w] in k}


_DEMONYM_TAILS = _demonym_tails()


def _vote_tally(t) -> bool:
    """A bare number that is one side of a vote: "153 in favour", "10 against", "passed 68-32"
    (the second number of the pair is a tally when the first one is)."""
    sent = t.sent.text
    a, b = t.idx - t.sent.start_char, t.idx + len(t) - t.sent.start_char
    if C["vote_after"].match(sent[b:b + 20]):
        return True
    before = sent[max(0, a - 40):a]
    if C["vote_before"].search(before):
        return True
    pair = C["tally_pair"].search(before)
    if pair:
        first = re.search(r"(\d[\d,]*)\s*(?:-|–|to)\s*$", before)
        return bool(first) and bool(C["vote_before"].search(before[max(0, first.start() - 40):first.start()]))
    return False


def _qualifier(text: str, a: int, s: int, frame: ff.Frame) -> str:
    before = text[max(s, a - 30):a]
    prev = frame.number.doc[frame.number.i - 1] if frame.number.i else None
    if prev is not None and (prev.dep_ == "prt" or prev.i and
                             f"{prev.doc[prev.i - 1].lower_}+{prev.lower_}" in ff.verbs()):
        return "exact"              # "hand over 500 rifles": the verb's particle, not "more than"
    for q in ("at_least", "at_most", "approximately"):
        if C[q].search(before):
            # "over six provinces": a place, not "more than" (but "rose above 2,000" is a bound)
            if prev is not None and prev.lower_ in AMBIGUOUS_HEDGES and prev.dep_ == "prep" \
                    and prev.head.i != frame.number.i \
                    and prev.head.lower_ not in ff.word_list("change_verbs"):
                return "exact"
            return q
    return "exact"


# words that are hedges before a number but also plain prepositions ("rockets over six provinces")
AMBIGUOUS_HEDGES = {"over", "under", "about", "around", "above", "below"}


def _metric(text, frame, vinfo, cls, num, a, b, cs, ce, sp) -> str:
    clause = text[cs:ce]
    if num.unit == "fraction":
        supply = (vinfo and vinfo.cls == "supply") or C["supply"].search(text[sp.start:ce])
        return "share_of_supply" if supply else "other"
    if num.unit:
        return "revenue" if (vinfo and vinfo.cls == "earn") or _told_as_revenue(frame.number) else "other"
    local = text[b:_next_number(text, b, ce)]
    if cls in ("person", "military", "captive", "member", None) or frame.elliptic:
        if re.search(METRICS[0][2], local) and METRICS[0][0] == "casualties":
            return "casualties"
        word = local.split()[0].lower() if local.split() else ""
        if word in VICTIM_WORDS:
            return VICTIM_WORDS[word] or "other"   # "13 injured", "26,000 arrested": the next word says it
        own = OWN_CLAUSE.match(local)
        if own:       # "two civilians were lightly wounded": the noun's own passive, however it parsed
            return {"killed": "killed", "dead": "killed"}.get(own.group(1).lower(), "wounded")
        if vinfo and vinfo.metric in ("killed", "wounded"):
            other = _coordinated_metric(frame.pred)
            return "casualties" if other and other != vinfo.metric else vinfo.metric
        for metric, _, rx in METRICS[1:3]:
            if rx.search(local[:40]):
                return metric
        told = _reduced_relative_metric(frame)
        if told:
            return told                    # "the number of people killed ... rose to 2,000"
        if frame.noun is not None and frame.noun.lower_ in ("toll", "tolls"):
            mods = " ".join(c.lower_ for c in frame.noun.children)
            return "casualties" if "casualty" in mods else "killed"     # "the death toll rose to 50"
    if cls == "military" and ((vinfo and vinfo.cls == "deploy") or re.search(METRICS[3][2], clause)):
        return "troops_deployed"
    if cls == "settlement" and vinfo and vinfo.cls == "capture":
        return "settlements_captured"
    return "other"


def _told_as_revenue(number) -> bool:
    """Whether the words that govern a sum tell it as earnings: its path up the parse with the
    verbs' subjects and particles and the "in"/"of" phrases on the way ("earned $2 billion",
    "$1 billion a year in revenue", "revenue rose to $3 billion", "$4 billion comes from sales").
    Not a cue elsewhere in the clause: "profits from $280 billion of assets to back a $50 billion
    loan" tells neither sum as revenue (the sum after "from" is the base the profits come from)."""
    words, t, prev = [], number, -1
    for _ in range(10):
        words.append(t.lower_)
        for c in t.children:
            if c.i == prev:
                continue
            if c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                words += [c.lower_] + [g.lower_ for g in c.children if g.dep_ == "pobj"]
            elif t.tag_.startswith("VB") and c.dep_ in ("nsubj", "nsubjpass"):
                words.append(c.lower_)
        if t.head == t or t.dep_ == "pobj" and t.head.lower_ == "from":
            break
        prev, t = t.i, t.head
    return bool(C["revenue"].search(" ".join(words)))


def _reduced_relative_metric(frame: ff.Frame) -> str | None:
    """The counted noun's own participle ("people killed in the quake", "civilians wounded by
    shelling") says what happened to them, wherever the number stands."""
    if frame.noun is None or frame.elliptic:
        return None
    for c in frame.noun.children:
        if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
            info = ff.verb_info(c)
            if info and info.metric in ("killed", "wounded"):
                return info.metric
    return None


def _coordinated_metric(v) -> str | None:
    for c in list(v.children) + ([v.head] if v.dep_ == "conj" else []):
        if c.dep_ == "conj" or c == v.head:
            info = ff.verb_info(c)
            if info and info.metric in ("killed", "wounded") and c.i - v.i in (-2, 2):
                return info.metric
    return None


def _next_number(text: str, b: int, ce: int) -> int:
    m = re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", text[b:ce])
    return b + m.start() if m else ce


# ---------------------------------------------------------------- who: actors of tokens


BENEFICIARY_PREPS = ("for", "to", "into", "towards", "toward", "against", "at")


class _Who:
    """Resolves tokens to actor keys: mentions, demonyms, pronouns, persons to the state they serve."""

    def __init__(self, sp: _Sent, idx: MentionIndex, statements, a: int, ranks, story=None):
        self.sp, self.idx, self.by_key, self.a, self.ranks = sp, idx, idx.by_key, a, ranks
        self.story = story
        self.named = _named_counts(tuple(idx.by_key.values()))
        self.statement = next((st for st in statements if st.evidence.start <= a < st.evidence.end), None)

    def actor(self, t, state: bool = True) -> str | None:
        """The actor a noun phrase names: the head's mention first, then its modifiers."""
        if t is None:
            return None
        if t.lower_ in ("it", "its", "they", "their", "he", "his", "she", "her", "we", "our"):
            return self._state(self.statement.speaker) if (self.statement and state) else \
                (self.statement.speaker if self.statement else None)
        if t.lower_ in ff.word_list("enemy_nouns"):
            me = self.statement.speaker if self.statement else None
            return self.other(self._state(me)) if me else None
        lo, hi = ff.np_span(t)
        key = self._first_of_pair(t) or self.idx.covering(self.sp.off(t))
        if key is None:      # "Borduria's trade minister Ivo Marek": the person named, else the first name
            keys = self.idx.at(lo + self.sp.base, hi + self.sp.base)
            aside = [(c.left_edge.idx + self.sp.base, c.right_edge.idx + len(c.right_edge) + self.sp.base)
                     for c in t.subtree if c.dep_ == "prep" and (c.lower_ in BENEFICIARY_PREPS or (
                         c.lower_ == "on" and c.head.lower_ in ff.word_list("measure_nouns")))]
            if aside:      # "aid for Ruritania", "troops to Ruritania": whom it goes to does not own it
                keys = [k for k in keys if not any(a <= s and e <= b for s, e, kk in self.idx.items
                                                   if kk == k and lo + self.sp.base <= s < hi + self.sp.base
                                                   for a, b in aside)]
            people = [k for k in keys if self.by_key[k].kind == "person"]
            key = (people or keys or [None])[0]
        if key is None:
            key = self._demonym(t)
        if key is None:        # "its cross-border invasion": the possessor pronoun's referent
            poss = next((c for c in t.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
            if poss is not None and self.statement:
                key = self.statement.speaker
        if key is None:
            key = self._referred(t)
        return self._state(key) if (key and state) else key

    def _referred(self, t) -> str | None:
        """"the regime", "the junta" alone: the latest actor of the kinds the noun refers back to
        (data/referring_nouns.tsv), as for a speaker."""
        kinds = _referring().get(t.lower_)
        if not kinds or [c.lower_ for c in t.children] != ["the"]:
            return None
        before = [k for _, _, k in self.idx.before(self.sp.off(t)) if self.by_key[k].kind != "person"]
        named = next((k for k in before if t.lower_ in self.by_key[k].name.lower().split()), None)
        return named or next((k for k in before if self.by_key[k].kind in kinds), None)

    def _first_of_pair(self, t) -> str | None:
        """"Ruritanian and Bordurian jets", "US and British warships": the first-named side."""
        first = next((c for c in t.children if c.i < t.i and c.dep_ in ("amod", "compound", "nmod")
                      and any(g.dep_ == "conj" for g in c.children)), None)
        if first is None:
            return None
        key = self.idx.covering(self.sp.off(first))
        if key is None:
            key = gz.demonyms().get(first.text)
            key = key if key in self.by_key else None
        return key

    def _demonym(self, t) -> str | None:
        lo, hi = ff.np_span(t)
        words = [x for x in t.subtree if lo <= x.idx < hi and x.i <= t.i]
        dem = gz.demonyms()
        for i, _x in enumerate(words):
            for n in (2, 1):
                phrase = " ".join(w.text for w in words[i:i + n])
                for cand in (phrase, phrase[:-1] if phrase.endswith("s") else None):
                    key = dem.get(cand) if cand else None
                    if key and key in self.by_key:
                        return key
                    key = self._tail_demonym(cand) if cand and n == 1 else None
                    if key:
                        return key
        return None

    def _tail_demonym(self, word: str) -> str | None:
        """"the Korean side" where the text's only Korea is North Korea: a bare demonym that
        ends the demonym of exactly one country of the text is that country's."""
        keys = [k for k in _DEMONYM_TAILS.get(word, ()) if k in self.by_key]
        return keys[0] if len(keys) == 1 else None

    def _state(self, key: str | None) -> str | None:
        """A person acts for the state or body he serves; demonym troops are their country."""
        actor = self.by_key.get(key) if key else None
        if actor is None:
            return key
        if actor.kind == "person" and actor.affiliation in self.by_key:
            return actor.affiliation
        if actor.kind == "armed_force" and actor.affiliation in self.by_key and \
                any(_demonym_group(m.span.text) for m in actor.mentions) and \
                not any(not _demonym_group(m.span.text) for m in actor.mentions):
            return actor.affiliation
        return key

    def other(self, key: str | None) -> str | None:
        """The other party of the story: the most-named country that is not `key`'s."""
        if key is None:
            return None
        actor = self.by_key.get(key)
        mine = actor.affiliation if actor and actor.kind != "country" and actor.affiliation else key
        side = self.by_key.get(mine)
        if mine not in self.ranks and not (side and side.kind == "armed_force" and not side.affiliation):
            return None          # a party with no known country has no "other side" we could name;
                                 # a non-state side ("the rebels", a named militia) is one of its own
        story = self.story
        if story and story.attacker and story.attacked and story.attacker != story.attacked \
                and mine in (story.attacker, story.attacked):
            return story.attacked if mine == story.attacker else story.attacker
        # else a country named in this sentence, or the story's other main country if the text
        # names it as a party more than in passing
        aside = story.mediators if story else frozenset()
        here = [k for k in self.idx.at(self.sp.start, self.sp.end) if k != mine
                and self.by_key[k].kind == "country" and k not in aside]
        if here:
            return here[0]
        ranks = [k for k in self.ranks if k not in aside]
        return next((k for k in ranks[:2] if k != mine and self.named.get(k, 0) >= 2), None)


def _demonym_group(surface: str) -> bool:
    """"Ruritanian troops" (a description: the country), not "the Bordurian Navy" (a name)."""
    words = surface.split()
    return len(words) >= 2 and words[-1] in gz.groups()


def _owner(who: _Who, frame: ff.Frame, sp: _Sent) -> str | None:
    """Whose the counted thing is, from its own noun phrase: "Ruritanian ports", "towns of
    Borduria", "Borduria's tankers", "300 metres on the Ruritanian bank"."""
    n = frame.noun if (frame.noun is not None and not frame.elliptic) else frame.number
    if n is None:
        return None
    key = who.actor(n)
    if key:
        return key
    for c in n.children:
        # "a tariff on X": X is its target, not its owner
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "in") and not (
                c.lower_ == "on" and n.lower_ in ff.word_list("measure_nouns")):
            for p in c.children:
                if p.dep_ == "pobj":
                    k = who.actor(p)
                    if k:
                        return k
    first = n.head if n.dep_ == "conj" and ff.is_noun(n.head) else None
    if first is not None and frame.noun is not None and _thing(frame.noun) and _thing(first):
        return who.actor(first)     # "45 Ruritanian jets and 9 ships": the ships are Ruritanian too
    return None


def _thing(noun) -> bool:
    """A counted noun that is no people: weapons, vehicles, sites (or no known class at all)."""
    info = ff.noun_info(noun)
    if info is None:
        return noun.ent_type_ != "NORP"
    return info.cls in ("weapon", "asset")


def _subject(sp, frame, info, cls, vinfo, metric, idx, story: Story, ranks, statements, source, a, b, text):
    who = _Who(sp, idx, statements, a, ranks, story)
    if _reciprocal(text, b):
        return None        # "400-for-400": a term both sides agreed
    if cls in ("deal", "time") or (frame.chain and ff.noun_info(frame.chain[-1]) and
                                   ff.noun_info(frame.chain[-1]).cls == "deal"):
        return None        # a term of a two-sided deal (the only durations that are figures)
    tally = _tally_label(sp, frame, idx)
    if tally:
        return tally
    if cls in ("money", "fraction") and _two_sided(frame):
        return None        # "trade between X and Y reached $65 billion": no single side's
    vcls = vinfo.cls if vinfo else None
    doer = None
    if frame.pred is not None and frame.pred.lower_ not in ff.reporting_forms() \
            and frame.pred.lower_ not in ESTIMATE_VERBS:
        doer = who.actor(ff.agent(frame.pred))     # who estimates a number is its source, not its subject
    member = cls == "member" or (frame.pred is not None and ff.noun_info(ff.agent(frame.pred)) is not None
                                 and ff.noun_info(ff.agent(frame.pred)).cls == "member") \
        or (vcls == "vote" and cls in PEOPLE_CLASSES and frame.direct)    # "13 members voted in favour"
    if member or cls == "vote":
        body = _legislature(who)
        if member and body:
            return body
        if doer:
            return doer
        return body or story.by_unit.get("votes")
    owner = _owner(who, frame, sp) or _measured(who, frame)
    if metric == "share_of_supply" or vcls == "supply":
        return (doer if (doer and vcls == "supply" and not frame.passive) else None) \
            or _from_actor(who, frame) or owner or _preceding_actor(sp, idx, frame, a, text)
    if (vcls == "victim" and cls in PEOPLE_CLASSES + (None,)) \
            or metric in ("killed", "wounded", "casualties"):
        # an elliptical toll ("1,300 wounded") continues a count of people, not of votes or drones
        inherited = story.by_unit.get(story.last_noun[0]) \
            if (frame.elliptic and story.last_noun and story.last_noun[1] in PEOPLE_CLASSES) else None
        attacker = _attacker_of(who, frame)
        reporter = _country_of(who, source)
        if reporter and who.by_key[reporter].kind not in ("country", "armed_force"):
            reporter = None     # a UN agency or a ministry of no named state counts others' dead
        # whose dead: named on them, where they died, the other side of who killed them, the
        # count they continue, the side reporting its own dead, the side the story has attacked
        return (owner or _located(who, frame) or who.other(attacker) or inherited
                or (reporter if reporter not in (attacker, story.attacker) else None)
                or story.attacked or who.other(story.attacker) or _home(who, story, attacker))
    if cls in PEOPLE_CLASSES + (None,) and _in_exchange(frame):
        # "X freed four captives in exchange for 70 convicts (held by Y)": the other side frees those
        releaser = _release_doer(who, frame)
        return _captor(who, frame) or who.other(releaser or story.by_class.get("release"))
    if vcls == "return" and cls != "captive" and not CAPTIVITY.search(sp.text):
        vcls = None        # refugees returning home: no release
    if vcls in ("release", "return") and cls in PEOPLE_CLASSES + (None,):
        captor = _captor(who, frame)
        if captor:
            return captor
        if vcls == "release" and doer and not frame.passive:
            return doer
        if vcls == "return":
            side = doer or owner
            if side:
                return who.other(side)
        # "Thirteen Ruritanian captives were handed over": freed by the last side that frees people
        # and is not theirs
        holder = next((k for k in reversed(story.releasers) if k != owner), None) if owner else None
        return holder or story.by_class.get("release") or (who.other(owner) if owner else None)
    if frame.whole:        # "412 of the 430 shells (fired by X)": the whole is the launcher's
        if owner and cls not in ("weapon", "attack"):
            return owner   # "won 64 of the assembly's 120 seats": the whole is its owner's
        if doer:
            return doer
        return story.by_class.get("launch") if cls in ("weapon", "attack") else story.by_unit.get(
            _unit_of(frame, info)) or owner
    if vcls == "target" and frame.direct:
        # whose targets: named on the noun, or the owner of the same kind of target before,
        # or of the previous target in this sentence; otherwise the count is the attacker's
        same = story.by_class.get("target") if story.target_at >= sp.start else None
        return owner or story.by_unit.get(_unit_of(frame, info)) or same \
            or _place_state(who, sp, story) or doer    # "damaged 14 houses in Belgorod": Belgorod's state
    if vcls == "intercept" and (frame.direct or not owner):
        if doer:
            return doer
        if cls == "asset":   # "the floods destroyed 265 homes": whose homes, where no one destroyed them
            side = owner or _placed(who, frame, story) or _home(who, story, None)
            if side:
                return side
        forces = [k for k in (source,) if k and idx.by_key.get(k) and idx.by_key[k].kind == "armed_force"]
        # shot down with no one named: the last interceptor, an air force reporting it, the side attacked
        return (story.by_class.get("intercept") or (forces[0] if forces else None) or story.attacked
                or who.other(story.by_class.get("launch")) or _country_of(who, source))
    if vcls in ("launch", "deploy", "capture", "control", "earn", "supply") and frame.direct:
        if doer:
            return doer
        if vcls == "launch" or cls in ("weapon", "attack"):
            return _launched_from(who, frame) or story.by_class.get("launch") or story.attacker or owner
        return owner or story.by_unit.get(_unit_of(frame, info)) or _preceding_actor(sp, idx, frame, a, text)
    if cls in ("weapon", "attack"):
        return story.by_class.get("launch") or story.attacker or owner or doer
    if owner:
        return owner
    if doer and (frame.direct or cls in ("territory", "settlement")):
        return doer
    if cls in ("territory", "settlement") and frame.pred is not None:
        return who.actor(ff.agent(frame.pred))   # "X reported raids on four provinces": its own regions
    if cls in ("money", "fraction"):    # an amount names its own unit: never elliptical
        return _clause_actor(sp, idx, frame, a, text) or \
            (_home(who, story, None) if cls == "fraction" else None)
    if cls in CONTEXT_CLASSES or frame.elliptic:
        unit = _unit_of(frame, info) if not frame.elliptic else (story.last_noun or (None,))[0]
        # people named as such take the side of the latest people of their kind: fighters killed
        # do not make the civilians who fled theirs
        prior = story.by_kind.get((unit, cls)) if (unit == "people" and not frame.elliptic) \
            else story.by_unit.get(unit)
        if prior:
            return prior
    if cls in ("military",) or (cls is None and frame.noun is None):
        return _preceding_actor(sp, idx, frame, a, text)
    if cls == "person":
        # "some 800,000 civilians trapped": the story country's people, else the state of the places
        return _home(who, story, None) or _placed(who, frame, story)
    if cls in (None, "asset", "territory", "settlement"):
        return _placed(who, frame, story)  # "debris damaged one business", the governor of a region said
    return None


def _placed(who: _Who, frame: ff.Frame, story: Story) -> str | None:
    """The state whose regions and towns the sentence names; where the clause is about "the
    district" or "the city" it names none, the state of the places of the sentence before."""
    state = _place_state(who, story.sent_now, story)
    if state is None and frame.pred is not None and story.sent_before is not None:
        doer = ff.agent(frame.pred)
        if doer is not None and doer.lower_ in ff.word_list("place_nouns") \
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in doer.children):
            state = _place_state(who, story.sent_before, story)
    return state


def _place_state(who: _Who, sp: _Sent | None, story: Story) -> str | None:
    """The one state of the text whose divisions the sentence names ("Kherson" -> Ukraine)."""
    if sp is None:
        return None
    if sp.start not in story.place_states:
        found = set()
        for run in _name_runs(sp.tokens(sp.start, sp.end), lambda t: who.idx.covering(sp.off(t)) is None):
            key = _place_of(run)
            if key in who.by_key:
                found.add(key)
        story.place_states[sp.start] = next(iter(found)) if len(found) == 1 else None
    return story.place_states[sp.start]


def _two_sided(frame: ff.Frame) -> bool:
    """Is the amount or share that of two sides together ("bilateral trade", "trade between X and
    Y", "their mutual investment")? Read on the counted noun and on the clause's subject."""
    nodes = [frame.noun] if frame.noun is not None else []
    if frame.pred is not None:
        nodes += [c for c in frame.pred.children if c.dep_ in ("nsubj", "nsubjpass")]
    for n in nodes:
        for c in n.children:
            if c.dep_ == "amod" and c.lower_ in ff.word_list("two_sided"):
                return True
            if c.dep_ == "prep" and c.lower_ == "between" and \
                    any(p.dep_ == "pobj" and any(x.dep_ == "conj" for x in p.children) for p in c.children):
                return True
    return False


ESTIMATE_VERBS = {"put", "puts", "putting", "estimate", "estimates", "estimated", "assess", "assessed",
                  "assesses", "value", "valued", "values", "number", "numbers", "numbered", "total",
                  "totals", "totaled", "totalled", "stand", "stands", "stood"}


def _measured(who: _Who, frame: ff.Frame) -> str | None:
    """"put the Freedonian presence at 6,500", "the loss to X's fleet is put at $3
    million": the number is the size of the verb's object, and that object says whose it is."""
    t = frame.number
    if not (t.dep_ == "pobj" and t.head.lower_ == "at" and t.head.head.tag_ in ff.VERB_TAGS):
        if not (frame.noun is not None and frame.noun.dep_ == "pobj" and frame.noun.head.lower_ == "at"
                and frame.noun.head.head.tag_ in ff.VERB_TAGS):
            return None
        t = frame.noun
    v = t.head.head
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            for x in c.subtree:
                key = who.idx.covering(who.sp.off(x)) or who._demonym(x) if x.tag_ in ff.NOUN_TAGS + ("JJ",) \
                    else None
                if key:
                    return who._state(key)
    return None


def _launched_from(who: _Who, frame: ff.Frame) -> str | None:
    """"rockets were fired at X from Ruritania": with no one named firing, the state they came from."""
    v = frame.pred
    if v is None or not frame.passive:
        return None
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for p in c.children:
                holder = _holder(who, p) if p.dep_ == "pobj" else None
                if holder:
                    return holder        # "from Huthi-controlled areas of Yemen": who holds them
                named = p.dep_ == "pobj" and p.tag_.startswith("NNP")
                key = who.idx.covering(who.sp.off(p)) if named else None
                if key and who.by_key[key].kind == "country":
                    return key
    return None


def _holder(who: _Who, place) -> str | None:
    """The actor named before a control participle on a place: "Huthi-controlled areas",
    "rebel-held towns" (data/figures_words.tsv: control_participles)."""
    for m in place.children:
        if m.dep_ == "amod" and m.lower_ in ff.word_list("control_participles"):
            for t in m.subtree:
                key = who.idx.covering(who.sp.off(t)) if t.i < m.i else None
                if key:
                    return key
    return None


def _from_actor(who: _Who, frame: ff.Frame) -> str | None:
    """"one in five shells comes from Freedonia": the supplier after "from"."""
    v = frame.pred
    for _ in range(3):
        if v is None:
            return None
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for p in c.children:
                    if p.dep_ == "pobj":
                        key = who.actor(p)
                        if key:
                            return key
        v = v.head if v.dep_ in ("conj", "xcomp", "ccomp", "relcl") else None
    return None


def _in_exchange(frame: ff.Frame) -> bool:
    """Is the counted thing the price of an exchange ("in exchange for", "in return for")?"""
    t = frame.noun if frame.noun is not None else frame.number
    for _ in range(4):
        if t.head == t or (frame.pred is not None and t == frame.pred):
            return False
        if t.lower_ == "for" and (t.head.lower_ in ("exchange", "return", "swap")
                                  or t.i and t.doc[t.i - 1].lower_ in ("exchange", "return")):
            return True    # "in exchange for", also where the parse hangs "for" on the verb
        t = t.head
    return False


def _unit_of(frame, info) -> str | None:
    if frame.noun is None:
        return None
    return ff.plural(frame.noun) if (info is None or info.unit == "-") else info.unit


def _tally_label(sp: _Sent, frame: ff.Frame, idx: MentionIndex) -> str | None:
    """'"Green Dawn" — 142 seats, "Unity" — 31': the name right before the dash."""
    t = frame.number
    j = t.i - 1
    while j >= 0 and t.doc[j].text in ("—", "–", ":", "-"):
        j -= 1
        if j >= 0 and t.doc[j].text in ('"', "”", "'", "’"):
            j -= 1
        if j >= 0:
            key = idx.covering(sp.off(t.doc[j]))
            if key:
                return key
        return None
    return None


def _legislature(who: _Who) -> str | None:
    """The body that votes: one named in the sentence, else the one the text names most."""
    words = ff.word_list("legislature_words")
    bodies = [key for key, actor in who.by_key.items()
              if actor.kind in ("government_body", "organization")
              and any(w.lower() in words for w in re.findall(r"[\w’'-]+", actor.name))]
    here = [k for k in who.idx.at(who.sp.start, who.sp.end) if k in bodies]
    if here:
        return here[0]
    return max(bodies, key=lambda k: len(who.by_key[k].mentions), default=None)


def _located(who: _Who, frame: ff.Frame) -> str | None:
    """"killed in Ruritania": a country the predicate places the victims in; or the place of what
    killed them ("floods in Ruritania killed 40"), or of the happening the killing is told as the
    outcome of ("a quake struck Ruritania, killing 300")."""
    pred = frame.pred
    heads = [x for x in (frame.noun, pred) if x is not None]
    places = []
    if pred is not None:
        doer = ff.agent(pred)
        if doer is not None and ff.is_noun(doer):
            heads.append(doer)
        if pred.dep_ == "advcl" and pred.tag_ == "VBG" and pred.head.tag_ in ff.VERB_TAGS:
            heads.append(pred.head)
            places += [c for c in pred.head.children if c.dep_ == "dobj"]
    places += [p for h in heads for c in h.children
               if c.dep_ == "prep" and c.lower_ in ("in", "inside", "across")
               for p in c.children if p.dep_ == "pobj"]
    for p in [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
              for p in c.children if p.dep_ == "pobj" and p.lower_ in ff.word_list("side_nouns")]:
        key = who.actor(p)
        if key:
            return key   # "died on the Ruritanian side", "on Freedonia's bank of the river"
    for p in places:
        if p.lower_ in ff.word_list("place_nouns"):     # "in the region of Kherson"
            p = next((x for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                      for x in c.children if x.dep_ == "pobj"), p)
        if not p.tag_.startswith("NNP"):
            continue     # "killed in Ruritanian strikes": what killed them, not where
        key = who.idx.covering(who.sp.off(p))
        if key and who.by_key[key].kind in ("country", "organization", "government_body"):
            return who._state(key) if who.by_key[key].kind != "country" else key
        lo, hi = ff.np_span(p)
        for run in _name_runs([x for x in p.subtree if lo <= x.idx < hi], lambda t: True):
            key = _place_of(run)
            if key in who.by_key:
                return key   # "killed in Kherson": the state the place is a region of
    return None


def _name_runs(tokens, keep) -> list[list]:
    """Runs of proper nouns, hyphens inside kept ("Gash-Barka", "North Darfur")."""
    runs, run = [], []
    for t in tokens:
        if (t.tag_ in ("NNP", "NNPS") and keep(t)) or (run and t.tag_ == "HYPH"):
            run.append(t)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    return [r[:-1] if r[-1].tag_ == "HYPH" else r for r in runs]


def _place_of(run) -> str | None:
    """The state of a run of names that is a place (the whole run, else one of its words)."""
    places = gz.place_countries()
    whole = run[0].doc.text[run[0].idx:run[-1].idx + len(run[-1])].lower()
    return places.get(whole) or next((places[t.lower_] for t in run if t.lower_ in places), None)


def _home(who: _Who, story: Story, attacker: str | None) -> str | None:
    """The country the story happens in, for dead with no side named: the one country the text
    names as a noun at least twice and over twice as often as any other. Not where that country
    is the attacker of a war with another (its enemy's dead are no one's we can name), unless it
    is the only country of the story (a state's strikes on its own people)."""
    ranks = [k for k in who.ranks if who.named.get(k, 0)]
    if not ranks or who.named[ranks[0]] < 2 or \
            (len(ranks) > 1 and who.named[ranks[0]] <= 2 * who.named[ranks[1]]):
        return None
    home = ranks[0]
    if (home in (attacker, story.attacker) or home in story.attackers) and len(who.ranks) > 1:
        return None
    return home


def _attacker_of(who: _Who, frame: ff.Frame) -> str | None:
    """"Bordurian raids killed one person": the side named in the agent of the killing."""
    if frame.pred is None:
        return None
    ag = ff.agent(frame.pred)
    if ag is None or ag.lower_ in ("it", "they", "he", "she", "which", "that"):
        return None
    return who._demonym(ag) or who.actor(ag)


def _release_doer(who: _Who, frame: ff.Frame) -> str | None:
    """The agent of the release verb above the counted thing ("X will release ..., in exchange for")."""
    v = frame.pred
    for _ in range(6):
        if v is None:
            return None
        info = ff.verb_info(v)
        if info and info.cls == "release" and v.tag_ in ff.VERB_TAGS:
            return who.actor(ff.agent(v))
        if v.head == v:
            return None
        v = v.head
    return None


def _captor(who: _Who, frame: ff.Frame) -> str | None:
    """"from Bordurian custody", "released by the rebels", "captives held by Ruritania"."""
    if frame.noun is not None:
        for rel in frame.noun.children:
            if rel.dep_ == "relcl" and rel.lower_ in ff.word_list("holding_verbs"):
                key = who.actor(ff.agent(rel))
                if key:
                    return key     # "the 5 prisoners it still holds", "captives Ruritania keeps"
        for acl in frame.noun.children:
            if acl.dep_ == "acl" and acl.tag_ == "VBN":
                for c in acl.children:
                    if c.dep_ == "agent":
                        for p in c.children:
                            key = who.actor(p) if p.dep_ == "pobj" else None
                            if key:
                                return key
    v = frame.pred
    if v is None:
        return None
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "from"):
            for p in c.children:
                if p.dep_ == "pobj" and (c.dep_ == "agent" or CAPTIVITY.search(p.text)):
                    key = who.actor(p)
                    if key:
                        return key
    return None


def _country_of(who: _Who, key: str | None) -> str | None:
    if key is None:
        return None
    actor = who.by_key.get(key)
    if actor and actor.kind != "country" and actor.affiliation in who.by_key:
        return actor.affiliation
    return key


def _preceding_actor(sp: _Sent, idx: MentionIndex, frame, a: int, text: str) -> str | None:
    """The actor named before the number in the sentence that is not a destination nor a speaker:
    "Ruritanian sappers have been posted ..., with 2,400 troops sent"."""
    for start, end, key in reversed(idx.items):
        if end > a or start < sp.start:
            continue
        if LOCATIVE.search(text[max(sp.start, start - 12):start]):
            continue
        if C["report"].match(text[end:end + 30].lstrip()):
            continue
        actor = idx.by_key[key]
        if actor.kind == "armed_force" and actor.affiliation in idx.by_key \
                and _demonym_group(text[start:end]):
            return actor.affiliation
        return key
    return None


def _clause_actor(sp, idx, frame, a, text) -> str | None:
    """Money and shares: the actor the clause is about ("Borduria earning $4 billion",
    "the loss to Ruritania's fleet is put at $3 million")."""
    v = frame.pred
    if v is not None and not C["forecast"].fullmatch(v.text):    # who forecasts it is its source
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                lo, hi = c.left_edge.idx + sp.base, c.right_edge.idx + len(c.right_edge) + sp.base
                keys = idx.at(lo, hi)
                if keys:
                    return keys[0]
    return _preceding_actor(sp, idx, frame, a, text)


# ---------------------------------------------------------------- source


def _source(sp: _Sent, frame: ff.Frame, idx: MentionIndex, statements, a: int, text: str,
            clause: tuple[int, int]) -> str | None:
    sent = text[sp.start:sp.end]
    # a hedge in the number's own clause ("2,400 troops reportedly sent"), or reports that
    # govern the sentence ("Reports suggest that ..."), leave the number unvouched for
    if C["hedge"].search(text[clause[0]:min(clause[1], a + 60)]) or \
            C["reports_govern"].search(text[sp.start:a]):
        return None
    who = _Who(sp, idx, statements, a, [])
    reporting = ff.reporting_forms()
    t, came_from = frame.number, None
    for _ in range(14):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                k = _according(who, c)
                if k:
                    return k
        says = t.tag_ in ff.VERB_TAGS and (t.lower_ in reporting or t.lower_ in ESTIMATE_VERBS)
        # a reporting verb above the number, or one whose object is not the counted thing itself
        # ("reported 40 boats" reports them; "estimates that 6,500 ..." asserts them)
        if says and (t != frame.pred or frame.noun is None or frame.noun.dep_ != "dobj"):
            # the subject that holds the number is the told content the parse mis-hung on the
            # verb ("X strikes killed 40, the ministry said"), not the teller
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c != came_from), None)
            if subj is not None:
                k = who.actor(subj, state=False)
                if k:
                    return k
                break
            k = _trailing_teller(who, t)
            if k:
                return k
        if t.head == t:
            break
        t, came_from = t.head, t
    m = C["according"].search(sent)
    if m:
        keys = idx.at(sp.start + m.end(), min(sp.end, sp.start + m.end() + 80))
        if keys:
            return keys[0]
    return who.statement.speaker if who.statement else None


def _trailing_teller(who: _Who, verb) -> str | None:
    """"..., Ruritania's defence ministry said": a reporting verb the parse left with no subject
    takes the actor named between the comma before it and it."""
    doc, j = verb.doc, verb.i - 1
    while j >= 0 and doc[j].tag_ not in (",", ":", ".") and verb.i - j <= 6:
        j -= 1
    if j < 0 or doc[j].tag_ != "," or j == verb.i - 1:
        return None
    lo, hi = doc[j + 1].idx + who.sp.base, verb.idx + who.sp.base
    keys = who.idx.at(lo, hi)
    return keys[0] if keys else None


def _according(who: _Who, prep) -> str | None:
    for x in prep.subtree:
        key = who.idx.covering(who.sp.off(x))
        if key:
            return key
    return None


# ---------------------------------------------------------------- story context


@lru_cache(maxsize=1)
def _attack_words() -> re.Pattern:
    forms = {w.split("+")[0] for w, i in ff.verbs().items() if i.cls in ("launch", "target")}
    forms |= {w for w, i in ff.nouns().items() if i.cls == "attack"}
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\b", re.I)


def _note_attacks(sp: _Sent, idx: MentionIndex, story: Story, ranks) -> None:
    """Who attacks whom, from any sentence: "Borduria fired rockets at Ruritania", "Borduria
    stepped up its raids on Ruritania"."""
    if not _attack_words().search(sp.text):
        return               # most sentences name no attack: skip the token walk
    toks = sp.tokens(sp.start, sp.end)
    for v in toks:
        if v.tag_ in ("NNS", "NN") and (ff.noun_info(v) or ff.NounInfo("", "", "")).cls == "attack":
            poss = next((c for c in v.children if c.dep_ == "poss"), None)
            if poss is not None and poss.tag_ == "PRP$" and v.head.tag_ in ff.VERB_TAGS:
                poss = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
            if poss is None:
                poss = next((c for c in v.children if c.dep_ in ("amod", "compound")), None)
        elif v.tag_ in ff.VERB_TAGS \
                and (ff.verb_info(v) or ff.VerbInfo("", "", "")).cls in ("launch", "target"):
            poss = next((c for c in v.children if c.dep_ == "nsubj"), None)
        else:
            continue
        subj = poss
        doer = idx.covering(sp.off(subj)) if subj is not None else None
        if doer is None and subj is not None:
            doer = gz.demonyms().get(subj.text)
            doer = doer if doer in idx.by_key else None
        if doer and idx.by_key[doer].kind == "country":
            story.attacker = doer
        struck = v.tag_ in ff.VERB_TAGS and ff.verb_info(v).cls == "target"
        for c in v.children:
            if c.dep_ == "dobj" and struck:       # "the rebels attacked Freedonia"
                key = idx.covering(sp.off(c))
                if key and idx.by_key[key].kind == "country":
                    story.attacked = key
            if c.dep_ == "prep" and c.lower_ in ("on", "at", "against"):
                for p in c.children:
                    key = idx.covering(sp.off(p)) if p.dep_ == "pobj" else None
                    if key and idx.by_key[key].kind == "country":
                        story.attacked = key


def _anchor(text, story: Story, a, cs, ce, sp, published, statements, cls, vinfo) -> str | None:
    """as_of: the date the sentence gives the counted occasion ("killed on Oct. 9", the end of
    "between X and Y"), the day "now" stands for, the day the number was said, or for counts of
    a strike (weapons, attacks, targets) the day of the story's latest dated occasion."""
    if cls == "deal":
        return None            # a term of a deal holds whenever it is counted
    st = next((st for st in statements if st.evidence.start <= a < st.evidence.end), None)
    if C["now"].search(text[cs:ce]):
        return (st.said_on if st and st.said_on else None) or (published.isoformat() if published else None)
    here = [(abs(pos - a) + (0 if cs <= pos < ce else 1000), v) for pos, v in story.dates]
    if here:
        return min(here)[1]
    if st and st.said_on:
        return st.said_on
    occasion = cls in ("weapon", "attack", "asset") or (vinfo is not None and vinfo.cls in OCCASION_VERBS)
    return story.last_day if occasion else None


# verbs that count what happened on one occasion (a strike, a release): dated by the story's day
OCCASION_VERBS = ("launch", "intercept", "target", "release", "return")


SPAN_START = C["span_start"]      # a date that opens a period is no anchor of what was counted over it


__all__ = ["find_figures"]
