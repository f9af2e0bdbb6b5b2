"""Which agreement stages are one agreement across documents, and what the thread is called.

Outlets name one agreement differently ("partnership treaty", "Comprehensive Strategic
Partnership Treaty", "the agreement between Ruritania and Borduria"), and some stages name it
not at all ("the treaty entered into force"). Stages are one agreement when:
- they carry names with one key (spelling-insensitive), or one event carries both names, or the
  names differ only in the agreement noun and have two words or more besides;
- one name's words (the agreement noun aside) are among the other's, both nouns are of one kind
  (a treaty is not a truce), and the two share a participant (a person counts as their country);
- a stage without a name, or named only by its parties, shares a participant with them.
Names join only where everything either fits could be one agreement, and a nameless stage only
the one agreement it fits: a "peace treaty" of a country with two neighbours fits two treaties and
joins neither.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..extract.events import PARTIES
from ..extract.merge import name_key

AGREEMENT_NOUNS = frozenset(("treaty", "agreement", "deal", "pact", "accord", "memorandum", "convention",
                             "protocol", "ceasefire", "truce", "armistice"))
TRUCE_NOUNS = frozenset(("ceasefire", "truce", "armistice"))


@dataclass
class Stage:
    id: int
    names: tuple[str, ...]          # every series its reports give it
    date: str | None
    participants: frozenset[str]   # actor ids and their affiliations


@dataclass
class _Group:
    keys: set[str]
    stages: list[Stage]
    participants: set[str]

    def words(self) -> list[frozenset[str]]:
        return [content(k) for k in self.keys if not k.startswith(PARTIES)]

    def nouns(self) -> set[str]:
        return {noun_kind(k) for k in self.keys}


def content(key: str) -> frozenset[str]:
    """The words that tell one agreement from another: its name without the agreement nouns."""
    return frozenset(w for w in key.split() if w not in AGREEMENT_NOUNS)


def noun_kind(key: str) -> str:
    nouns = [w for w in key.split() if w in AGREEMENT_NOUNS]
    return "truce" if nouns and nouns[-1] in TRUCE_NOUNS else "agreement"


def _spelling(key: str) -> str:
    """One name written with another agreement noun ("... Partnership Treaty", "... Partnership
    Agreement"): its words and the kind of noun. Kept for names of two words or more."""
    return f"{noun_kind(key)}: {' '.join(sorted(content(key)))}"


def _nest(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def _fits(a: _Group, b: _Group) -> bool:
    """Could a and b be one agreement: participants meet, nouns agree, and some of their names nest
    (a group named only by parties, or not at all, has no name words to disagree with)."""
    if not a.participants & b.participants:
        return False
    if a.nouns() and b.nouns() and not a.nouns() & b.nouns():
        return False
    wa, wb = a.words(), b.words()
    return not wa or not wb or any(_nest(x, y) for x in wa for y in wb)


def threads(stages: list[Stage]) -> list[tuple[str, list[Stage]]]:
    """The threads (a name and two or more stages) the stages form, in a fixed order that does not
    depend on their ids or the order they arrived in."""
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    nameless: list[Stage] = []
    for s in sorted(stages, key=lambda s: (sorted(s.names), s.date or "", sorted(s.participants), s.id)):
        keys = {k for k in (name_key(n)[:200] for n in s.names) if k}
        if not keys:
            nameless.append(s)
            continue
        aliases = keys | {_spelling(k) for k in keys if len(content(k)) > 1 and not k.startswith(PARTIES)}
        joined = list({id(by_key[k]): by_key[k] for k in sorted(aliases) if k in by_key}.values())
        g = joined[0] if joined else _Group(set(), [], set())
        if not joined:
            groups.append(g)
        for other in joined[1:]:
            _absorb(g, other)
            groups.remove(other)
        g.keys |= keys
        g.stages.append(s)
        g.participants |= s.participants
        for k in aliases | g.keys | {_spelling(k) for k in g.keys}:
            by_key[k] = g
    # Names that nest become one agreement where neither side fits anything else.
    moved = True
    while moved:
        moved = False
        for g in sorted(groups, key=lambda g: (min(map(len, g.words()), default=0), sorted(g.keys))):
            fits = _fitting(g, groups)
            if fits and _one(fits) and all(_one(_fitting(h, groups)) for h in fits):
                for h in fits:
                    _absorb(g, h)
                    groups.remove(h)
                moved = True
                break
    for s in nameless:
        alone = _Group(set(), [s], set(s.participants))
        fits = [g for g in groups if _fits(alone, g)]
        if len(fits) == 1:
            fits[0].stages.append(s)
    out = []
    for g in groups:
        if len(g.stages) > 1:
            out.append((_name(g), sorted(g.stages, key=lambda s: s.id)))
    return sorted(out, key=lambda t: name_key(t[0]))


def _fitting(g: _Group, groups: list[_Group]) -> list[_Group]:
    return [h for h in groups if h is not g and _fits(g, h)]


def _one(groups: list[_Group]) -> bool:
    """Could all of these be one agreement."""
    return all(_fits(x, y) for x in groups for y in groups if x is not y)


def _absorb(g: _Group, other: _Group) -> None:
    g.keys |= other.keys
    g.stages += other.stages
    g.participants |= other.participants


def _name(g: _Group) -> str:
    """The most specific name the reports give (most name words), then the one most stages carry,
    then one written as a proper name, then the longer, then alphabetical; a name by parties only
    where nothing else names it."""
    names = [n for s in g.stages for n in s.names if n]
    proper = [n for n in names if not name_key(n).startswith(PARTIES)] or names
    return min(set(proper), key=lambda n: (-len(content(name_key(n))), -proper.count(n), not n[:1].isupper(),
                                         -len(n), n))
