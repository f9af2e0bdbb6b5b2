"""Events: treaty stages, summits, military operations, confirmations and pledges, dated.

Triggers (data/event_triggers.tsv) are found sentence by sentence, outside quotation marks;
each takes the nearest date of its sentence unless another trigger stands between them, and
the actors named in its sentence. One event per document per real event: mentions of the
same kind with compatible dates and shared participants collapse into the best-dated one.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import dates
from .text import ParsedText
from .types import Actor, Event, Span

DATA = Path(__file__).with_name("data")
TRIGGERS = [(k, re.compile(rx, re.I)) for k, rx in
            (ln.split("\t") for ln in (DATA / "event_triggers.tsv").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#"))]
TITLES = {"treaty_signed": "treaty signed", "treaty_ratified": "treaty ratified",
          "treaty_in_force": "treaty enters into force", "summit": "summit", "invasion": "invasion",
          "incursion": "incursion", "deployment": "troop deployment", "offensive": "offensive",
          "liberation": "territory liberated", "casualties": "casualties",
          "confirmation": "official confirmation", "pledge": "pledge", "other": "event"}
TREATY = ("treaty_signed", "treaty_ratified", "treaty_in_force")
SPEECH_KINDS = ("pledge", "confirmation")
QUOTES = re.compile(r"[“\"][^”\"]*[”\"]")
NEGATED = re.compile(r"\b(?:not|never|no|refrained from|declined to|refused to|denied|without|any new|"
                     r"future|possible|potential|could|would|may|might)\s+(?:\w+\s+){0,2}$", re.I)
SPEECH_NEAR = re.compile(r"\b(?:statement|said|says|told|announced|remarks|interview|briefing|published|"
                         r"released|issued)\b", re.I)
META_DATE = re.compile(r"\b(?:updated|posted|published|last modified)\s+(?:on\s+)?$", re.I)
DEFINITE = re.compile(r"\b(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
REGIONAL = re.compile(r"\b(?:region|oblast|province|area|district|border|territor\w*)\b", re.I)
PLACE = re.compile(r"\b(?:in|into|to|from|of|around)\s+(?:the\s+)?((?:[A-Z][\w’'-]+\s+){0,2}"
                   r"(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Aa]rea)|[A-Z][a-z]{3,}(?:\s+[A-Z][a-z]+)?)")
TITLE_WORD = re.compile(r"^(?:President|Prime|Minister|General|Chief|Secretary|Foreign|Defen[cs]e|Leader|"
                        r"Chancellor|King|Queen|Supreme|Commander|Gen|Col|Lt|Mr|Mrs|Ms|Dr)\b")
PRESENT = re.compile(r"\b(?:advance|advancing|ongoing|continues?|are\s+\w+ing|is\s+\w+ing)\b", re.I)
# "confirmed the deployment": the second trigger is what was confirmed, dated by the verb
OBJECT_GAP = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}", re.I)
# "said on Monday that troops had been sent": the date is the saying's, not the sending's
SPEECH_THAT = re.compile(r"\bthat\b", re.I)
SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|statement|remarks|interview|briefing)\s+(?:on\s+)?$",
                         re.I)
# ", and that the soldiers entered combat in May": a date across a new clause is not this event's
NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:that|the|they|it|he|she|its|their)\b|;")
CLAUSE_END = re.compile(r",\s(?!\d)|;|\s[—–]\s")
DEMONYM = re.compile(r"\s+(?!(?:and|or|to|in|on|at|for|from|with|by|of|the|last|this|since)\b)[a-z]")
TREATY_SUBJECT = re.compile(r"^\W*(?:the|this|that|its|their)\s+(?:[\w’'-]+\s+){0,4}?"
                            r"(?:treaty|agreement|pact|accord|document|deal)\b", re.I)
BACKREF = re.compile(r"^\W*(?:at that time|at the time|then)\b", re.I)
LAW = re.compile(r"\b(?:law|decree|bill)\b", re.I)


def find_events(parsed: ParsedText, actors: tuple[Actor, ...]) -> tuple[Event, ...]:
    text = parsed.text
    mentions = sorted((m for a in actors for m in a.mentions), key=lambda m: m.span.start)
    kinds = {a.key: a.kind for a in actors}
    found: list[Event] = []
    prev_dates: list = []
    pending: list[int] = []        # undated events of the previous sentence, for an orphan date
    for sent in parsed.sentences:
        if sent.role != "body":
            continue
        s, e = sent.span.start, sent.span.end
        quoted = [(m.start() + s, m.end() + s) for m in QUOTES.finditer(text[s:e])]
        hits = _triggers(text, s, e, quoted)
        objects = {i for i in range(1, len(hits)) if hits[i - 1][0] in SPEECH_KINDS
                   and OBJECT_GAP.fullmatch(text[hits[i - 1][2]:hits[i][1]])}
        ds = dates.find_dates(text, s, e, parsed.published)
        claimed = set()
        new_idx = []
        for i, (kind, a, b) in enumerate(hits):
            others = [h for j, h in enumerate(hits) if j not in objects]
            d = None if i in objects else _date_for(text, kind, a, b, others, None, ds)
            if d is None and BACKREF.match(text[s:a]) and prev_dates:
                d = prev_dates[-1]
            if d is not None:
                claimed.add(d)
            date_val, prec = (d.value, d.precision) if d else (None, None)
            if d is None and kind == "offensive" and PRESENT.search(text[a:b + 40]) and parsed.published:
                date_val, prec = dates.fmt(parsed.published, "month"), "month"   # ongoing at publication
            if kind == "invasion" and REGIONAL.search(text[max(s, a - 40):b + 40]):
                kind = "incursion"
            who = [m.actor for m in mentions if s <= m.span.start and m.span.end <= e]
            parts = tuple(dict.fromkeys(who))
            if kind in SPEECH_KINDS:   # the one who pledges or confirms leads the participants
                before = [m for m in mentions if s <= m.span.start and m.span.end <= a]
                parts = _speaker_first(parts, before, kinds)
            place = _place(text, a, e, ds)
            series = _series(kind, parts, kinds, text[max(s, a - 30):min(e, b + 40)])
            ev_start, ev_end = _evidence(text, s, e, a, b, d)
            found.append(Event(kind=kind, title=_title(kind, parts, place),
                               evidence=Span.of(text, ev_start, ev_end), date=date_val,
                               precision=prec, location=place, actors=parts, series=series))
            new_idx.append(len(found) - 1)
        first = hits[0][1] if hits else e
        orphans = [d for d in ds if d not in claimed and d.span.end <= first
                   and not SAID_BEFORE.search(text[max(0, d.span.start - 16):d.span.start])]
        if orphans and pending and not hits:
            for i in pending:   # "X signed a law ... The decree, published on Saturday, ..."
                found[i] = _with_date(found[i], orphans[0])
        elif orphans and pending and hits:
            i = pending[0]
            found[i] = _with_date(found[i], orphans[0])
        pending = [i for i in new_idx if found[i].date is None]
        prev_dates = ds or prev_dates
    # A confirmation is an event only as a dated occasion ("confirmed on Monday"); an undated
    # "has confirmed reports that ..." is a statement, and the statements carry it.
    return tuple(ev for ev in _dedupe(found) if ev.kind != "confirmation" or ev.date)


def _with_date(ev: Event, d) -> Event:
    from dataclasses import replace
    return replace(ev, date=d.value, precision=d.precision)


def _triggers(text, s, e, quoted):
    hits, taken = [], []
    for kind, rx in TRIGGERS:
        for m in rx.finditer(text, s, e):
            a, b = m.span()
            if any(x <= a < y for x, y in quoted) or any(x < b and a < y for x, y in taken):
                continue
            if NEGATED.search(text[max(s, a - 30):a]):
                continue
            if kind == "pledge" and TREATY_SUBJECT.match(text[s:a]):
                continue   # "The treaty ... pledges that ...": what the text says, not an act
            taken.append((a, b))
            hits.append((kind, a, b))
    hits.sort(key=lambda h: h[1])
    return hits


def _date_for(text, kind, a, b, hits, i, ds):
    best, best_dist = None, None
    for d in ds:
        ds_, de = d.span.start, d.span.end
        lo, hi = (de, a) if de <= a else (b, ds_)
        if any(lo <= h[1] < hi for j, h in enumerate(hits) if j != i):
            continue   # another trigger stands between: the date is its own
        if META_DATE.search(text[max(0, ds_ - 20):ds_]):
            continue   # "(Updated on 26 April)": when the page changed, not when anything happened
        if kind not in SPEECH_KINDS and SPEECH_NEAR.search(text[max(0, ds_ - 16):de + 12]):
            continue   # "in a Monday statement": the date of the telling, not of the event
        if de <= a and DEFINITE.search(text[max(0, a - 40):a]):
            continue   # "the incursion" names a known event: only its own modifier dates it
        if de <= a and SPEECH_THAT.search(text[de:a]) and any(
                h[0] in SPEECH_KINDS and h[2] <= ds_ for h in hits if h[1] != a):
            continue   # "confirmed on Monday that it had sent troops": the date is the confirming
        if ds_ >= b and NEW_CLAUSE.search(text[b:ds_]):
            continue
        dist = lo - hi if de <= a else ds_ - b
        dist = abs(dist)
        if best_dist is None or dist < best_dist:
            best, best_dist = d, dist
    return best


def _speaker_first(parts, before, kinds):
    """The nearest person named before the verb, else the nearest actor, comes first."""
    if not before:
        return parts
    people = [m for m in before if kinds.get(m.actor) == "person"]
    who = (people or before)[-1].actor
    return (who,) + tuple(p for p in parts if p != who)


def _place(text, a, e, ds):
    """The first place named after the trigger ("into the Kursk region"), never a date ("in June")."""
    stop = CLAUSE_END.search(text, a, e)
    for m in PLACE.finditer(text, a, stop.start() if stop else e):
        if m.start() - a >= 80:
            break
        if TITLE_WORD.match(m.group(1)):
            continue   # "to President Vladimir Putin": a person, not a place
        if DEMONYM.match(text, m.end(1)) and m.group(1).endswith(("an", "ese", "ish")):
            continue   # "of North Korean troops": an adjective, not a place
        if not any(d.span.start < m.end(1) and m.start(1) < d.span.end for d in ds):
            return m.group(1).strip()
    return None


def _series(kind, parts, kinds, sentence):
    """Stages of one treaty share a series ('treaty'); a pledge or confirmation is its speaker's."""
    if kind in SPEECH_KINDS:
        return parts[0] if parts else None
    if kind not in TREATY:
        return None
    base = "treaty"   # documents name the parties differently; participants are matched apart
    if kind == "treaty_ratified" and LAW.search(sentence):
        return base + "/law"   # a head of state signing the ratification law is its own stage
    return base


def _evidence(text, s, e, a, b, d):
    """The clause around the trigger, stretched to take in its date."""
    lo, hi = min(a, d.span.start) if d else a, max(b, d.span.end) if d else b
    start = s
    for m in re.finditer(r"[.;:]\s|,\s(?=(?:which|while|but|and|with)\b)", text[s:lo]):
        start = s + m.end()
    end = e
    m = re.search(r"[.;:](?:\s|$)|,\s", text[hi:e])
    if m:
        end = hi + m.start()
    return start, max(end, hi)


def _title(kind, parts, place):
    head = TITLES.get(kind, kind)
    return f"{head.capitalize()}" + (f" ({place})" if place else "")


def _compatible(x: str | None, y: str | None) -> bool:
    return not x or not y or x.startswith(y) or y.startswith(x)


def _dedupe(events: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        for i, kept in enumerate(out):
            same = (kept.kind == ev.kind and _compatible(kept.date, ev.date)
                    and (kept.series == ev.series if kept.series and ev.series and kept.kind in TREATY
                         else True)
                    and (set(kept.actors) & set(ev.actors) or not kept.actors or not ev.actors
                         or kept.location and kept.location == ev.location))
            if (kept.kind == ev.kind in TREATY and kept.series == ev.series
                    and _compatible(kept.date, ev.date)):
                same = True   # one treaty's stage, however differently its parties are named
            if same and ev.kind in SPEECH_KINDS and kept.actors and ev.actors and kept.date != ev.date:
                same = kept.actors[0] in ev.actors or ev.actors[0] in kept.actors   # another speaker
            if same:
                if len(ev.date or "") > len(kept.date or ""):
                    out[i] = ev
                break
        else:
            out.append(ev)
    return out


__all__ = ["find_events"]
