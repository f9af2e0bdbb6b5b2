"""Actors: gazetteer + NER + demonym groups -> one canonical actor per real-world actor.

Within a document: gazetteer surfaces map to their entry; person names are merged by
spelling-insensitive key, bare surnames join the full name ("Peskov" -> "Dmitry Peskov"),
acronyms join their expansion ("Armed Forces of Ukraine (AFU)"), titles become `role`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from . import gazetteer as gz
from .acronym_names import acronym_names
from .acting import ACTS, AUDIENCE, LOCATES, NEGATED, TITLE, role
from .aliases import acronym, is_acronym, name_key, person_matches, slug
from .lowercase_bodies import from_lowercase_bodies, kind_of
from .mentions import (
    Raw,
    acronym_pairs,
    branch_references,
    from_descriptors,
    from_entities,
    from_groups,
    from_quoted_names,
    org_forms,
    speaks,
)
from .own_outlet import own_outlets
from .text import ParsedText
from .types import Actor, ActorMention, Extraction, Span


@dataclass
class _Draft:
    key: str
    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None          # key
    aliases: dict[str, None] = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    named: bool = False                     # named by a proper name, not only adjectivally
    in_title_only: bool = True
    acts: bool = False                      # some mention speaks, acts or is acted on (acting.py)
    roles: set[str] = field(default_factory=set)


@lru_cache(maxsize=4096)
def _org_kind(name: str) -> str:
    low = name.lower()
    for pattern, kind in _org_kinds():
        if pattern.search(low):
            return kind
    return "organization"


@lru_cache(maxsize=1)
def _org_kinds() -> tuple:
    return tuple((re.compile(rf"\b{re.escape(c[0])}\b"), c[1].strip()) for c in gz._rows("org_kinds.tsv"))


def _entry_draft(key: str) -> _Draft:
    e = gz.entries()[key]
    return _Draft(key, e.name, e.kind, e.role, slug(e.affiliation) if e.affiliation else None)


def _named_country(name: str) -> str | None:
    """The country an institution's name opens with: "Chilean Navy", "Peru's Senate" -> its key."""
    words = name.replace("’s", "").replace("'s", "").split()
    for n in (2, 1):
        head = " ".join(words[:n])
        key = gz.demonyms().get(head) or gz.surface_index().get(head)
        if len(words) > n and key and gz.entries()[key].kind == "country":
            return key
    return None


def _branch_draft(country: str, noun: str) -> _Draft:
    """A branch of a country's armed forces: "<Demonym> <Branch>" ("Ukrainian Air Force")."""
    e = gz.entries()[country]
    name = f"{e.demonyms[0] if e.demonyms else e.name} {noun.title()}"
    known = gz.surface_index().get(name)
    return _entry_draft(known) if known else _Draft(slug(name), name, "armed_force", affiliation=country)


def _force_draft(country: str) -> _Draft:
    """The armed force of a country: the gazetteer's, or "<Country> Armed Forces"."""
    key = gz.armed_forces().get(country)
    if key:
        return _entry_draft(key)
    name = f"{gz.entries()[country].name} Armed Forces"
    return _Draft(slug(name), name, "armed_force", affiliation=country)


class _Book:
    """The drafts of one document, by key."""

    def __init__(self, doc=None) -> None:
        self.drafts: dict[str, _Draft] = {}
        self.doc = doc

    def get(self, draft: _Draft) -> _Draft:
        return self.drafts.setdefault(draft.key, draft)

    def add(self, draft: _Draft, raw: Raw, in_title: bool = False) -> None:
        d = self.get(draft)
        d.mentions.append((raw.start, raw.end))
        if raw.label != "ADJ":
            d.named = True
            if raw.acts:
                d.acts = True
            elif not d.acts and self.doc is not None:
                r = role(self.doc, raw.start, raw.end)
                d.roles.add(r)
                # a news outlet an actor "told" gave an interview it reports: a cited outlet
                d.acts = r == ACTS or r == AUDIENCE and d.kind == "media"
            elif self.doc is None:
                d.acts = True
        if not in_title:
            d.in_title_only = False
        if raw.alias and raw.label != "ADJ" and name_key(raw.surface) != name_key(d.name) \
                or raw.alias and raw.surface != d.name and raw.surface.replace("’", "'") != d.name \
                and name_key(raw.surface) == name_key(d.name) and "-" in raw.surface:
            d.aliases.setdefault(raw.surface)


def _in_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _persons(raws: list[Raw], book: _Book, body_keys: set[str], title_spans) -> None:
    """Full names first, then bare surnames onto the most recent full name that ends (or starts) with it."""
    by_surname = {}
    for key, e in gz.entries().items():
        if e.kind == "person":
            by_surname.setdefault(name_key(e.name).split()[-1], []).append(key)
    full: list[tuple[int, str, str]] = []     # (position, name, key)
    seen: dict[str, str] = {}                 # name key -> actor key, for spelling variants
    _join_name_tails(raws)
    for raw in sorted(raws, key=lambda r: r.start):
        if raw.key is None and len(raw.surface.split()) >= 2:
            twin = _spelling_twin(name_key(raw.surface), seen) or _gazetteer_twin(name_key(raw.surface))
            if twin:
                raw.key = twin if twin in gz.entries() else None
                if raw.key is None:                 # an earlier spelling in this article
                    raw.surface_key = twin
        if raw.key:
            d = book.get(_entry_draft(raw.key))
            full.append((raw.start, d.name, d.key))
            seen.setdefault(name_key(raw.surface), d.key)
        elif len(raw.surface.split()) >= 2:
            key = raw.surface_key or slug(raw.surface)
            full.append((raw.start, raw.surface, key))
            seen.setdefault(name_key(raw.surface), key)
    for raw in sorted(raws, key=lambda r: r.start):
        if raw.headline and name_key(raw.surface) not in body_keys:
            continue
        if raw.key:
            d = _entry_draft(raw.key)
        elif len(raw.surface.split()) >= 2:
            key = raw.surface_key or slug(raw.surface)
            d = book.drafts.get(key) or _Draft(key, raw.surface, "person")
        else:
            near = [f for f in full if person_matches(raw.surface, f[1])]
            near.sort(key=lambda f: (f[0] > raw.start, -f[0] if f[0] <= raw.start else f[0]))
            if near:
                d = book.drafts.get(near[0][2]) or _Draft(near[0][2], near[0][1], "person")
            elif len(by_surname.get(name_key(raw.surface), ())) == 1:
                d = _entry_draft(by_surname[name_key(raw.surface)][0])
            elif book.doc is not None and _introduced_speaker(book.doc, raw):
                key = slug(raw.surface)
                d = book.drafts.get(key) or _Draft(key, raw.surface, "person")
            else:
                continue
        book.add(d, raw, _in_any(raw.start, title_spans))
        if raw.title and not book.drafts[d.key].role:
            book.drafts[d.key].role = raw.title


def _join_name_tails(raws: list[Raw]) -> None:
    """"Ondo Mba" after "Ezequiel Ondo Mba": a name of two words or more that ends a longer name
    of the same article is that person (a double surname), not another one."""
    longer = {name_key(r.surface): r.surface for r in raws if r.key is None and len(r.surface.split()) >= 3}
    if not longer:
        return
    for raw in raws:
        if raw.key is None and raw.surface_key is None and len(raw.surface.split()) >= 2:
            k = name_key(raw.surface)
            whole = [n for lk, n in longer.items() if lk != k and lk.endswith(" " + k)]
            if len(whole) == 1:
                raw.surface_key = slug(whole[0])


def _introduced_speaker(doc, raw: Raw) -> bool:
    """A person the text names by one name and describes as it quotes them ("said Hassan, a
    shopkeeper"): a speaker in their own right, not a surname of someone else."""
    span = doc.char_span(raw.start, raw.end, alignment_mode="expand")
    return span is not None and speaks(span.root) and any(c.dep_ == "appos" for c in span.root.children)


def _close(a: str, b: str) -> bool:
    """One letter apart (a typo or a transliteration: "Zelensky"/"Zelenskyy" is two and stays
    for the gazetteer's aliases), with as many words, in names long enough to tell apart."""
    return a != b and len(a) >= 12 and len(a.split()[-1]) >= 6 and len(a.split()) == len(b.split()) \
        and Levenshtein.distance(a, b) <= 1


def _spelling_twin(key: str, seen: dict[str, str]) -> str | None:
    return next((k for n, k in seen.items() if _close(key, n)), None)


@lru_cache(maxsize=4096)
def _gazetteer_twin(key: str) -> str | None:
    """The gazetteer person a name is one letter away from ("Sergey Lavrow" -> Sergei Lavrov)."""
    return next((k for n, k in _person_names() if _close(key, n)), None)


@lru_cache(maxsize=1)
def _person_names() -> tuple[tuple[str, str], ...]:
    return tuple((name_key(s), k) for k, e in gz.entries().items() if e.kind == "person"
                 for s in (e.name, *e.aliases))


_COMPASS_ONLY = ("North", "South", "East", "West")


def _set_up_references(ents: list[Raw]) -> list[Raw]:
    """"the North" is North Korea only where the article names North Korea (by another name)."""
    named = {r.key for r in ents if r.key and r.surface not in _COMPASS_ONLY}
    return [r for r in ents if r.surface not in _COMPASS_ONLY or r.key in named]


def _described(key: str, named: set[str]) -> str:
    """A description ("South Korea's spy agency", "the ruling party") is the institution where the
    article names it, else the country it belongs to (CONVENTIONS)."""
    seen = set()
    while key not in named and key not in seen and gz.entries()[key].kind != "country":
        seen.add(key)
        aff = gz.entries()[key].affiliation
        if not aff or slug(aff) not in gz.entries():
            break
        key = slug(aff)
    return key


def _title_affiliation(title_span, raws: list[Raw], book: _Book) -> str | None:
    """The actor named inside a person's title: "Kremlin spokesperson" -> kremlin, "Russian ..." -> russia."""
    inside = [r for r in raws if r.key and title_span[0] <= r.start < title_span[1]]
    for r in inside:
        if r.label != "ADJ" and r.key in book.drafts and not book.drafts[r.key].in_title_only:
            return r.key
    for r in inside:
        if r.key in gz.entries() and gz.entries()[r.key].kind == "country":
            return r.key
    return inside[0].key if inside else None


def find_actors(parsed: ParsedText) -> tuple[Actor, ...]:
    ents = _set_up_references(from_entities(parsed))
    taken = [(r.start, r.end) for r in ents]
    ents += [r for r in from_quoted_names(parsed) if not any(s < r.end and r.start < e for s, e in taken)]
    ents = _with_lowercase_bodies(ents, from_lowercase_bodies(parsed))
    own = own_outlets(parsed)            # "BEIRUT (AP) —": the article's own outlet is no actor
    ents = [r for r in ents if r.key not in own]
    ents.sort(key=lambda r: r.start)
    groups = from_groups(parsed)
    descs = from_descriptors(parsed, ents + groups)
    title_spans = [r.title_span for r in ents if r.title_span]
    body_keys = {name_key(r.surface) for r in ents if not r.headline}
    book = _Book(parsed.doc)
    persons = [r for r in ents if r.label == "PERSON" or r.key and gz.entries()[r.key].kind == "person"]
    _persons(persons, book, body_keys, title_spans)
    acr = {a: name_key(n) for n, a in acronym_pairs(parsed.text)}
    acr.update({a: name_key(parsed.doc[s:e].text) for s, e, a in acronym_names(parsed.doc)})
    shorts = _short_forms(ents)
    named_keys = {r.key for r in ents if r.key and r.surface not in gz.descriptions()}
    for raw in ents:
        if raw in persons or raw.headline and not raw.key and name_key(raw.surface) not in body_keys:
            continue
        in_title = _in_any(raw.start, title_spans)
        if raw.key and raw.surface in gz.descriptions():
            raw.alias = False
            book.add(_entry_draft(_described(raw.key, named_keys)), raw, in_title)
        elif raw.key:
            book.add(_entry_draft(raw.key), raw, in_title)
        elif raw.label in ("ORG", "BODY", "MEDIA"):
            target = next((d for d in book.drafts.values() if is_acronym(raw.surface) and (
                acronym(d.name) == raw.surface or acr.get(raw.surface) == name_key(d.name))), None)
            if target is None and is_acronym(raw.surface) and raw.surface in acr:
                continue      # the expansion comes later in the same sentence and carries it
            forms = org_forms(raw.surface) or [raw.surface]
            if raw.surface in shorts:             # "Guard" after "National Guard": that body
                forms, raw.alias = [shorts[raw.surface]], False
            name = forms[0]
            known = slug(name) in gz.entries()
            kind = kind_of(name) if raw.label == "BODY" else \
                "media" if raw.label == "MEDIA" else _org_kind(name)
            draft = _entry_draft(slug(name)) if known else _Draft(slug(name), name, kind,
                                                                   affiliation=_named_country(name))
            book.add(target or draft, raw, in_title)
            for form in forms[1:]:
                book.drafts[(target or draft).key].aliases.setdefault(form)
    branches: dict[str, str] = {}                         # branch noun -> key of the last one named
    for raw in sorted(groups + descs + branch_references(parsed), key=lambda r: r.start):
        if raw.label == "GROUP":           # "North Korean troops" -> the country (CONVENTIONS)
            book.add(_entry_draft(raw.key), raw, _in_any(raw.start, title_spans))
        elif raw.label == "BRANCH":        # "Ukraine's air force" -> Ukrainian Air Force, a named force
            d = _branch_draft(raw.key, raw.title)
            book.add(d, raw, _in_any(raw.start, title_spans))
            branches[raw.title] = d.key
        elif raw.label == "BRANCH_REF":
            if raw.title in branches and not any(
                    s <= raw.start < e for s, e in book.drafts[branches[raw.title]].mentions):
                book.add(book.drafts[branches[raw.title]], raw)
        elif raw.label == "DESC":
            book.add(_entry_draft(_described(raw.key, named_keys)), raw)
        elif raw.key in book.drafts or raw.alias is False and raw.surface.split()[-1] not in raw.key:
            book.add(_entry_draft(raw.key), raw, True)
    for raw in ents:                                      # titles give roles and affiliations
        if raw.title_span and raw.key is None and raw.label == "PERSON":
            d = book.drafts.get(slug(raw.surface))
            if d and not d.affiliation:
                d.affiliation = _title_affiliation(raw.title_span, ents + groups, book)
    _headline_mentions(parsed, book)
    return _finish(book, parsed.text)


def _short_forms(ents: list[Raw]) -> dict[str, str]:
    """One capitalised word that ends exactly one longer organisation name of the article ("Guard",
    "the Commission") -> that name: news shortens a body's name to its last word."""
    longer: dict[str, set[str]] = {}
    for r in ents:
        words = r.surface.split()
        if r.label == "ORG" and r.key is None and len(words) >= 2 and words[-1][:1].isupper():
            longer.setdefault(words[-1], set()).add(r.surface)
    singles = {r.surface for r in ents if r.label == "ORG" and r.key is None and len(r.surface.split()) == 1
               and not is_acronym(r.surface)}
    return {w: next(iter(full)) for w, full in longer.items() if w in singles and len(full) == 1}


def _with_lowercase_bodies(ents: list[Raw], bodies: list[Raw]) -> list[Raw]:
    """Bodies named in lower case ("the interior ministry") join the names, replacing the model's
    partial reading of the same words ("Gaza health ministry", "Tarsk" as organisations); a
    proper name already there ("the SBU security service") keeps its place."""
    def a_name(r: Raw, b: Raw) -> bool:
        """A known body or an acronym, or a name running past the phrase: not a mere modifier
        ("Tarsk" in "the Tarsk health ministry" read as an organisation)."""
        return r.label in ("ORG", "PERSON") and (r.key is not None or is_acronym(r.surface)
                                                 or r.start < b.start or r.end > b.end)

    kept = []
    for b in bodies:
        overlapping = [r for r in ents if r.start < b.end and b.start < r.end]
        if not any(a_name(r, b) for r in overlapping):
            ents = [r for r in ents if r not in overlapping or r.label not in ("ORG", "PERSON")]
            kept.append(b)
    return sorted(ents + kept, key=lambda r: r.start)


def _headline_mentions(parsed: ParsedText, book: _Book) -> None:
    """Title-case headlines defeat the model ("Ruiz To Host Marek"): their words are matched
    against the names the body gave its actors (full names, aliases, persons' surnames)."""
    heads = [s.span for s in parsed.sentences if s.role in ("headline", "subheading")]
    if not heads:
        return
    taken = [m for d in book.drafts.values() for m in d.mentions]
    for d in list(book.drafts.values()):
        if not d.named or d.in_title_only:
            continue
        names = {d.name, *d.aliases}
        if d.kind == "person" and len(d.name.split()) >= 2:
            names.add(d.name.split()[-1])
        names = sorted((n for n in names if len(n) >= 3), key=len, reverse=True)
        if not names:      # only short names ("G7", "EU"): an empty pattern would match everywhere
            continue
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)
        for span in heads:
            for m in pattern.finditer(span.text):
                s, e = span.start + m.start(), span.start + m.end()
                if not any(a < e and s < b for a, b in taken):
                    d.mentions.append((s, e))
                    taken.append((s, e))


def _finish(book: _Book, text: str) -> tuple[Actor, ...]:
    """Drop actors named only adjectivally or only inside someone's title; freeze the rest."""
    keep = {k: d for k, d in book.drafts.items()
            if d.named and not (d.in_title_only and k not in gz.entries()) and not _only_place(d)}
    out = []
    for d in keep.values():
        aff = d.affiliation
        while aff and aff not in keep and aff in book.drafts:     # a dropped org: its country instead
            aff = book.drafts[aff].affiliation
        if aff and aff not in keep:
            aff = None
        mentions = tuple(ActorMention(d.key, Span.of(text, s, e)) for s, e in sorted(set(d.mentions)))
        aliases = tuple(a for a in d.aliases if a != d.name)
        out.append(Actor(d.key, d.name, d.kind, aliases, d.role, aff, mentions,
                         acts=d.acts or d.kind == "person"))
    return tuple(sorted(out, key=lambda a: a.mentions[0].span.start if a.mentions else 0))


def _only_place(d: _Draft) -> bool:
    """An organisation named only as a place, inside a title, as an audience or as the subject of
    negated speech is no candidate at all: no fact may fall to it (a country may still be the
    subject of a figure: "9 killed in Ruritania"); nor is a "person" named only as a place."""
    if d.kind == "person":   # "in Tarsk", "the Tarsk district" read as a person's name: a place
        return not d.acts and d.key not in gz.entries() and d.roles == {LOCATES}
    return not d.acts and d.kind != "country" and bool(d.roles) \
        and d.roles <= {LOCATES, TITLE, AUDIENCE, NEGATED}


def keep_acting(found: Extraction) -> Extraction:
    """Drop the actors that never act (acting.py) unless a fact needs them: a statement's speaker,
    a figure's subject or source. References to a dropped actor go: from statements' `about` and
    events' actors they are removed; an affiliation moves up to the dropped actor's own."""
    needed = {s.speaker for s in found.statements}
    needed |= {k for f in found.figures for k in (f.subject, f.source) if k}
    kept = {a.key for a in found.actors if a.acts or a.key in needed}
    if len(kept) == len(found.actors):
        return found
    by_key = {a.key: a for a in found.actors}

    def lifted(key: str | None) -> str | None:
        seen: set[str] = set()
        while key and key not in kept and key in by_key and key not in seen:
            seen.add(key)
            key = by_key[key].affiliation
        return key if key in kept else None

    return replace(
        found,
        actors=tuple(replace(a, affiliation=lifted(a.affiliation), acts=True)
                     for a in found.actors if a.key in kept),
        statements=tuple(replace(s, about=tuple(k for k in s.about if k in kept)) for s in found.statements),
        events=tuple(replace(e, actors=tuple(k for k in e.actors if k in kept)) for e in found.events))
