"""Across documents: which stored actor an extracted actor is, which stored event an event is.

Pure functions over plain values; the loader feeds them what the database holds.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple


@lru_cache(maxsize=16384)   # events look up every token near a participant: the same words recur
def name_key(name: str) -> str:
    """A spelling-insensitive key: case, accents, hyphens, apostrophes and 'the' ignored."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w]+", " ", s.replace("'", ""))
    return " ".join(s.split())


class Mention(NamedTuple):
    """What one document says of one event, as the loader stored it. (A tuple: the loader builds
    one for every mention of a frame each time a document touches it.)"""
    document: str
    start: int
    kind: str
    frame: str | None
    date: str | None
    actors: tuple[str, ...] = ()         # stored actor ids, agents first
    agents: int = 0
    location: str | None = None
    series: str | None = None
    published: str | None = None         # the document's publication day, ISO


# An undated report of a one-off happening (a meeting, a strike) is taken to be about a recent
# one: it joins a dated event only if that lies within this many days before it was published.
RECENT_DAYS = 92


# Reports of one occasion may disagree by a day ("Sunday" vs "Monday": time zones, late copy).
DAY_TOLERANCE = 1
SPEECH_KINDS = ("pledge", "confirmation")
TREATY_KINDS = ("treaty_signed", "treaty_ratified", "treaty_in_force")
GENERIC_SERIES_WORDS = {"treaty", "agreement", "deal", "pact", "accord", "of", "the", "and", "between"}


def _compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) != 10 or len(b) != 10:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


@dataclass
class _Cluster:
    members: list[int]
    kind: str
    frame: str | None
    date: str | None
    documents: set[str]
    actors: set[str]
    agents: set[str]
    locations: set[str]
    series_words: set[str]
    actors_x: set[str]                   # actors and agents with their affiliations (_expand), kept
    agents_x: set[str]                   # as members join, so no comparison recomputes them
    n: int = -1                          # its place among its frame's events (_Events)
    start: object = None                 # the id of the mention that started it (Trace)


@dataclass(frozen=True)
class _Seen:
    """What _fits asks of a mention, worked out once per mention rather than once per event."""
    actors: set[str]                     # _expand(actors)
    agents: set[str]                     # _expand(agents)
    series_words: set[str]
    campaign: bool


def _seen(m: Mention, affiliation: dict[str, str], campaigns: frozenset[str]) -> _Seen:
    return _Seen(_expand(set(m.actors), affiliation), _expand(set(m.actors[:m.agents]), affiliation),
                 _series_words(m.series), m.frame in campaigns)


def _recent(event_date: str, published: str | None) -> bool:
    if not published:
        return True
    start = event_date + "-01" * ((10 - len(event_date)) // 3)
    return 0 <= (date.fromisoformat(published) - date.fromisoformat(start)).days <= RECENT_DAYS + 31


def _campaigns() -> frozenset[str]:
    from .event_clauses import lexicon
    return lexicon()[2]["campaign_frames"]


def _series_words(series: str | None) -> set[str]:
    return set(name_key(series).split()) - GENERIC_SERIES_WORDS if series else set()


def _fits(m: Mention, seen: _Seen, c: _Cluster) -> tuple | None:
    """How well mention m fits cluster c (a sortable key), or None when it cannot be the same event."""
    if m.document in c.documents:
        return None                      # one mention per document: the extractor merged its own
    if (m.frame or m.kind) != (c.frame or c.kind):
        return None
    if m.kind != c.kind and "other" not in (m.kind, c.kind):
        return None
    conflict = False
    if not _compatible(c.date, m.date):
        apart = _days_apart(c.date, m.date)
        if apart is None or apart > DAY_TOLERANCE:
            return None
        conflict = True
    shared = len(seen.actors & c.actors_x)
    agents = seen.agents
    if m.kind in SPEECH_KINDS and agents and c.agents and not (agents & c.agents_x):
        return None                      # another speaker's pledge or confirmation
    same_date = bool(c.date and m.date and min(len(c.date), len(m.date)) >= 7 and not conflict)
    series = len(seen.series_words & c.series_words)
    place = bool(m.location and m.location in c.locations)
    if m.actors and c.actors and not (shared or same_date or series or place):
        return None
    campaign = seen.campaign
    ongoing = not c.date or len(c.date) < 10     # a campaign dated only by its start month or year
    if not m.date and not (m.actors and c.actors) and not (series or place) and not (campaign and ongoing):
        return None   # undated, nobody named: too little to call it the same (an ongoing matter is one)
    if not m.date and c.date and not campaign and not series:
        if not (agents & c.agents_x or shared >= 2 or place):
            return None
        if not _recent(c.date, m.published):
            return None
    exact = bool(c.date and c.date == m.date)
    return (bool(c.date and m.date), exact, not conflict, series, shared, place)


def _expand(keys: set[str], affiliation: dict[str, str]) -> set[str]:
    return keys | {affiliation[k] for k in keys if affiliation.get(k)}


class _Events:
    """One frame's events so far, indexed by what a mention must share with an event to fit it
    (_fits), so a mention is compared with those alone, not with every event of its frame: a dated
    mention with events of a compatible date (one a prefix of the other, or a day apart); an undated
    one with events sharing a participant, an agreement word or a place, and, for a campaign, with
    events dated no closer than a month. Events are returned in creation order (ties go to the
    first, as in a scan of all)."""

    def __init__(self):
        self.all: list[_Cluster] = []
        self.by_date: dict[str | None, list[int]] = {}     # an event's date (None: undated) -> events
        self.by_prefix: dict[str, list[int]] = {}          # every prefix of an event's date -> events
        self.by_actor: dict[str, list[int]] = {}           # actors_x
        self.by_word: dict[str, list[int]] = {}            # series words
        self.by_place: dict[str, list[int]] = {}
        self.ongoing: list[int] = []                       # undated, or dated by month or year only

    def add(self, c: _Cluster) -> None:
        n = c.n = len(self.all)
        self.all.append(c)
        self.dated(n, c.date)
        self.grew(n, c.actors_x, c.series_words, c.locations)

    def dated(self, n: int, day: str | None) -> None:
        self.by_date.setdefault(day or None, []).append(n)
        for k in range(1, len(day or "") + 1):
            self.by_prefix.setdefault(day[:k], []).append(n)
        if not day or len(day) < 10:
            self.ongoing.append(n)

    def grew(self, n: int, actors, words, places) -> None:
        """Event n now also has these participants, agreement words and places."""
        for index, keys in ((self.by_actor, actors), (self.by_word, words), (self.by_place, places)):
            for k in keys:
                index.setdefault(k, []).append(n)

    def candidates(self, m: Mention, seen: _Seen) -> list[_Cluster]:
        found: set[int] = set()
        get = self.by_date.get
        if m.date:
            d = m.date
            found.update(get(None, ()))
            for k in range(1, len(d)):
                found.update(get(d[:k], ()))
            found.update(self.by_prefix.get(d, ()))
            if len(d) == 10:
                day = date.fromisoformat(d)
                for step in (-DAY_TOLERANCE, DAY_TOLERANCE):
                    found.update(get((day + timedelta(days=step)).isoformat(), ()))
        else:
            for index, keys in ((self.by_actor, seen.actors), (self.by_word, seen.series_words),
                                (self.by_place, (m.location,) if m.location else ())):
                for k in keys:
                    found.update(index.get(k, ()))
            if seen.campaign:
                found.update(self.ongoing)
        return [self.all[n] for n in sorted(found)]


_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _indexable(day: str | None) -> bool:
    """Dates the index can look up as _fits compares them: YYYY, YYYY-MM or a real YYYY-MM-DD."""
    if not day:
        return True
    if not _ISO_DATE.fullmatch(day):
        return False
    try:
        return len(day) < 10 or bool(date.fromisoformat(day))
    except ValueError:
        return False


class _Scan(_Events):
    """Every event of the frame is a candidate (dates the index cannot look up, or a replay, which
    compares few mentions with all events and keeps no index)."""

    def dated(self, n: int, day: str | None) -> None:
        pass

    def grew(self, n: int, actors, words, places) -> None:
        pass

    def candidates(self, m: Mention, seen: _Seen) -> list[_Cluster]:
        return self.all


@dataclass
class Trace:
    """What a clustering decided, per frame and mention (by a stable id the caller gives): the
    mention, the event it joined (named by the id of the mention that started it; None: it started
    one) and every event it fitted, with how well. The next clustering of the same frames with a few
    mentions added, removed or changed reuses each decision that no changed event can alter."""
    affiliation: dict[str, str]
    frames: dict[str, dict[object, tuple[Mention, object, tuple]]]


def cluster_mentions(mentions: list[Mention], affiliation: dict[str, str] | None = None,
                     indexed: bool = True) -> list[list[int]]:
    """Group mentions into events: one event per real-world happening across documents.

    The result depends only on the set of mentions, never on the order they are given in:
    dated mentions are placed first, most precise first, then by document and offset; each
    joins the best-fitting event so far (same frame, compatible dates or a day apart, shared
    participants, place or agreement name, no second mention from one document) or starts one.
    `indexed=False` compares each mention with every event of its frame (the same result, slower).
    """
    return cluster_traced(mentions, affiliation, indexed=indexed)[0]


def cluster_traced(mentions: list[Mention], affiliation: dict[str, str] | None = None,
                   ids: list | None = None, before: Trace | None = None,
                   indexed: bool = True) -> tuple[list[list[int]], Trace]:
    """cluster_mentions, and its Trace (`ids`: a stable id per mention). Given the Trace of an
    earlier clustering (`before`, same affiliations), the result is the same, computed by replaying
    it: a mention whose decision the changes cannot reach is not compared again.

    Replay: an event is "dirty" once its members so far differ from the earlier run's (a mention
    added, removed, changed, or deciding otherwise). Every other event is as it was, so it fits a
    mention exactly as recorded; only dirty events are compared afresh with a recorded mention,
    and new or changed mentions with every event."""
    affiliation = affiliation or {}
    ids = list(range(len(mentions))) if ids is None else ids
    if before is not None and before.affiliation != affiliation:
        before = None
    order = sorted(range(len(mentions)), key=lambda i: (
        mentions[i].date is None, -len(mentions[i].date or ""), mentions[i].document, mentions[i].start,
        mentions[i].kind))
    clusters: list[_Cluster] = []
    index = _Events if indexed and all(_indexable(m.date) for m in mentions) else _Scan
    by_frame: dict[str, _Events] = {}     # only one frame's events can take a mention
    made: dict[object, _Cluster] = {}     # events by the id of the mention that started them
    dirty: dict[str, set] = {}            # per frame: events whose members differ from `before`
    trace = Trace(dict(affiliation), {})
    traced = trace.frames
    campaigns = _campaigns()
    seen_before: dict[tuple, _Seen] = {}  # mentions repeat participants: worked out once per call
    if before is not None:
        now: dict[str, dict] = {}
        for i, m in enumerate(mentions):
            now.setdefault(m.frame or m.kind, {})[ids[i]] = m
        for frame, recorded in before.frames.items():
            if frame in now:              # a mention gone or changed: the event it joined or started differs
                here = now[frame]
                dirty[frame] = {r[1] if r[1] is not None else key for key, r in recorded.items()
                                if here.get(key) != r[0]}
    for i in order:
        m = mentions[i]
        what = (m.actors, m.agents, m.series, m.frame)
        seen = seen_before.get(what)
        if seen is None:
            seen = seen_before[what] = _seen(m, affiliation, campaigns)
        frame = m.frame or m.kind
        events = by_frame.get(frame)
        if events is None:                # a replayed frame compares few mentions with all events
            events = by_frame[frame] = _Scan() if before is not None and frame in before.frames else index()
        recorded = before.frames.get(frame, {}).get(ids[i]) if before is not None else None
        if recorded is not None and recorded[0] != m:
            recorded = None               # changed: a new mention (its old event is dirty already)
        fitted: list[tuple] = []
        stale = dirty.get(frame, frozenset())
        if recorded is None:
            for c in events.candidates(m, seen):
                key = _fits(m, seen, c)
                if key is not None:
                    fitted.append((key, -c.n, c))
        else:
            for e in stale:
                c = made.get(e)
                if c is not None and (key := _fits(m, seen, c)) is not None:
                    fitted.append((key, -c.n, c))
        if recorded is not None and not fitted and stale.isdisjoint(e for e, _ in recorded[2]):
            # no event it fitted or could fit changed: the same decision, the same record
            target = recorded[1]
            best = made[target] if target is not None else None
            traced.setdefault(frame, {})[ids[i]] = recorded
        else:
            if recorded is not None:
                fitted += [(key, -made[e].n, made[e]) for e, key in recorded[2] if e not in stale]
            best = max(fitted, key=lambda f: f[:2])[2] if fitted else None
            target = best.start if best is not None else None
            if recorded is None or recorded[1] != target:
                changed = dirty.setdefault(frame, set())
                changed.add(target if target is not None else ids[i])
                if recorded is not None:
                    changed.add(recorded[1] if recorded[1] is not None else ids[i])
            traced.setdefault(frame, {})[ids[i]] = (m, target, tuple((c.start, key) for key, _, c in fitted))
        if best is None:
            new = _Cluster([i], m.kind, m.frame, m.date, {m.document}, set(m.actors),
                           set(m.actors[:m.agents]), {m.location} if m.location else set(),
                           set(seen.series_words), set(seen.actors), set(seen.agents))
            clusters.append(new)
            events.add(new)
            made[ids[i]] = new
            new.start = ids[i]
            continue
        best.members.append(i)
        best.documents.add(m.document)
        best.actors |= set(m.actors)
        best.agents |= set(m.actors[:m.agents])
        places = {m.location} - best.locations if m.location else set()
        events.grew(best.n, seen.actors - best.actors_x, seen.series_words - best.series_words, places)
        best.locations |= places
        best.series_words |= seen.series_words
        best.actors_x |= seen.actors
        best.agents_x |= seen.agents
        if best.kind == "other":
            best.kind = m.kind
        if m.date and (not best.date or (m.date.startswith(best.date) and len(m.date) > len(best.date))):
            best.date = m.date
            events.dated(best.n, best.date)
    groups = [sorted(c.members, key=lambda i: (mentions[i].document, mentions[i].start)) for c in clusters]
    return sorted(groups, key=lambda g: (mentions[g[0]].document, mentions[g[0]].start)), trace


def pick_date(dates: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """The date a merged event shows, from its mentions' (date, precision): the most precise
    date that most mentions agree with (a less precise date that is its prefix agrees)."""
    known = [d for d in dates if d[0]]
    if not known:
        return None, None

    counts = Counter(d for d, _ in known)       # count each distinct date once, not per mention
    support = {d: (sum(n for o, n in counts.items() if d.startswith(o)), len(d)) for d in counts}
    return max(known, key=lambda d: support[d[0]])
