"""The gazetteer of well-known actors (data/countries.tsv, data/gazetteer.jsonl) and word lists.

Data, not facts of any article: countries with official names, demonyms and the capitals news
uses for the state speaking ("Moscow said"), plus governments, agencies, armed forces, news
agencies and well-known leaders with their name variants.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources

from .aliases import name_key, slug


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None          # canonical name of another entry
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    armed_force_of: str | None = None
    ruling_party_of: str | None = None
    key: str = field(default="")
    descriptions: tuple[str, ...] = ()      # "South Korea's spy agency": the entry only where the
                                            # article names it, else its country (CONVENTIONS)
    chamber_of: str | None = None           # a legislature's chamber: the country's name
    chamber: str | None = None              # "lower" | "upper"
    legislature_of: str | None = None


def _data(name: str) -> str:
    return resources.files(__package__).joinpath(f"data/{name}").read_text(encoding="utf-8")


def _rows(name: str):
    for line in _data(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """Every gazetteer entry by key (slug of the canonical name)."""
    out: dict[str, Entry] = {}
    for cells in _rows("countries.tsv"):
        cells += [""] * (4 - len(cells))
        name = cells[0].strip()
        out[slug(name)] = Entry(name, "country", _split(cells[1]), demonyms=_split(cells[2]),
                                capitals=_split(cells[3]), key=slug(name))
    for line in _data("gazetteer.jsonl").splitlines():
        if line.strip():
            e = _entry(json.loads(line))
            out[e.key] = e
    _merge_generated(out, [_entry(json.loads(line)) for line in
                           _data("gazetteer_factbook.jsonl").splitlines() if line.strip()])
    return out


def _entry(d: dict) -> Entry:
    return Entry(d["name"], d["kind"], tuple(d.get("aliases", ())), d.get("role"), d.get("affiliation"),
                 armed_force_of=d.get("armed_force_of"), ruling_party_of=d.get("ruling_party_of"),
                 key=slug(d["name"]), descriptions=tuple(d.get("descriptions", ())),
                 chamber_of=d.get("chamber_of"), chamber=d.get("chamber"),
                 legislature_of=d.get("legislature_of"))


def _merge_generated(out: dict[str, Entry], generated: list[Entry]) -> None:
    """Entries built from the Factbook (scripts/build_gazetteer.py) join the hand-kept entry for the
    same body or person (a shared surface form; a person with the same surname and country), which
    keeps its name and role; the rest are added."""
    owner: dict[str, str] = {}
    surnames: dict[tuple[str, str | None], str] = {}
    for key, e in out.items():
        for s in (e.name, *e.aliases, *e.descriptions):
            owner.setdefault(name_key(s), key)
        if e.kind == "person":
            surnames[(name_key(e.name).split()[-1], e.affiliation)] = key
    for g in generated:
        hit = next((owner[name_key(s)] for s in (g.name, *g.aliases, *g.descriptions)
                    if name_key(s) in owner), None)
        if hit is None and g.kind == "person":
            hit = surnames.get((name_key(g.name).split()[-1], g.affiliation))
        if hit is not None and out[hit].kind == "country":
            continue
        if hit is None:
            out.setdefault(g.key, g)
            continue
        e = out[hit]
        extra = tuple(a for a in (g.name, *g.aliases) if a != e.name and a not in e.aliases)
        more = tuple(d for d in g.descriptions if d not in e.descriptions)
        out[hit] = replace(e, aliases=e.aliases + extra, descriptions=e.descriptions + more,
                           armed_force_of=e.armed_force_of or g.armed_force_of,
                           chamber_of=e.chamber_of or g.chamber_of, chamber=e.chamber or g.chamber,
                           legislature_of=e.legislature_of or g.legislature_of)


def _variants(surface: str) -> set[str]:
    """Spelling variants news uses for the same name: hyphen/space, straight/curly apostrophe."""
    out = {surface}
    if "-" in surface:
        out.add(surface.replace("-", " "))
    if "'" in surface or "’" in surface:
        out |= {surface.replace("'", "’"), surface.replace("’", "'")}
    return out | _abbreviated(surface)


_COMPASS = re.compile(r"^(North|South|East|West)(ern)? (?=[A-Z])")


def _abbreviated(surface: str) -> set[str]:
    """Headline abbreviations of a compass word: "North Korea" -> "N. Korea", "N.Korea", "N Korea"."""
    m = _COMPASS.match(surface)
    if not m or m.group(2):
        return set()
    rest = surface[m.end():]
    return {f"{m.group(1)[0]}. {rest}", f"{m.group(1)[0]}.{rest}"}


@lru_cache(maxsize=1)
def surface_index() -> dict[str, str]:
    """Surface form -> entry key, for names, aliases and capitals (not demonyms)."""
    idx: dict[str, str] = {}
    for key, e in entries().items():
        for s in (e.name, *e.aliases, *e.capitals, *e.descriptions):
            for v in _variants(s):
                idx.setdefault(v, key)
    return idx


@lru_cache(maxsize=1)
def descriptions() -> frozenset[str]:
    """Surface forms that describe an entry rather than name it."""
    return frozenset(v for e in entries().values() for s in e.descriptions for v in _variants(s))


_LABEL = {"country": "GPE", "person": "PERSON"}


def ruler_patterns() -> list[dict]:
    """EntityRuler patterns: every gazetteer surface, labelled like spaCy's NER, id = entry key."""
    ents = entries()
    names = [{"label": _LABEL.get(ents[key].kind, "ORG"), "pattern": surface, "id": key}
             for surface, key in surface_index().items()]
    names += [{"label": _LABEL.get(ents[key].kind, "ORG"), "pattern": low, "id": key}
              for surface, key in surface_index().items()
              if (low := _lower_tail(surface)) and low not in surface_index()]
    # demonyms too, so a rarer one ("Malagasy") is still read as the nationality it is
    return names + [{"label": "NORP", "pattern": d} for d in demonyms() if d not in surface_index()]


def _lower_tail(surface: str) -> str | None:
    """"UN Security Council" -> "UN security council", as many outlets write a body's name after
    its acronym; only for names that open with an acronym, so the words alone stay common nouns."""
    words = surface.split()
    if len(words) < 3 or not re.fullmatch(r"[A-Z](?:\.?[A-Z])+\.?", words[0]) or \
            not all(w[:1].isupper() and w[1:].islower() for w in words[1:]):
        return None
    return " ".join([words[0]] + [w.lower() for w in words[1:]])


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Places that are no state (data/places.txt, from the Factbook): lower-cased names."""
    return frozenset(line.strip().lower() for line in _data("places.txt").splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def place_countries() -> dict[str, str]:
    """Lower-case place -> key of the one state it is a division of (data/place_countries.tsv)."""
    return {cells[0].lower(): slug(cells[1]) for cells in _rows("place_countries.tsv") if len(cells) == 2}


@lru_cache(maxsize=1)
def person_surnames() -> dict[str, str]:
    """Lower-case surname -> key, for the surnames exactly one gazetteer person has."""
    seen: dict[str, set[str]] = {}
    for key, e in entries().items():
        if e.kind == "person":
            seen.setdefault(e.name.split()[-1].lower(), set()).add(key)
    return {s: next(iter(k)) for s, k in seen.items() if len(k) == 1}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """"North Korean" (and "N. Korean") -> "north-korea"."""
    return {v: key for key, e in entries().items() for d in e.demonyms for v in {d} | _abbreviated(d)}


@lru_cache(maxsize=1)
def armed_forces() -> dict[str, str]:
    """country key -> key of its armed force entry."""
    return {slug(e.armed_force_of): key for key, e in entries().items() if e.armed_force_of}


@lru_cache(maxsize=1)
def ruling_parties() -> dict[str, str]:
    return {slug(e.ruling_party_of): key for key, e in entries().items() if e.ruling_party_of}


@lru_cache(maxsize=1)
def institutions_of() -> dict[tuple[str, str], str]:
    """(country key, "ruling_party" | "lower" | "upper" | "legislature") -> entry key."""
    out = {(c, "ruling_party"): k for c, k in ruling_parties().items()}
    for key, e in entries().items():
        if e.chamber_of and e.chamber:
            out.setdefault((slug(e.chamber_of), e.chamber), key)
        if e.legislature_of:
            out.setdefault((slug(e.legislature_of), "legislature"), key)
    return out


@lru_cache(maxsize=1)
def descriptors() -> dict[str, str]:
    """"the lower house" -> "lower" (data/descriptors.tsv)."""
    return {c[0].strip().lower(): c[1].strip() for c in _rows("descriptors.tsv")}


@lru_cache(maxsize=1)
def groups() -> dict[str, tuple[str, bool]]:
    """Noun after a demonym -> (what the group stands for, whether the surface is a name)."""
    return {c[0]: (c[1], c[2].strip() == "yes") for c in _rows("groups.tsv")}


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(w for cells in _rows(name) for w in cells[0].split())
