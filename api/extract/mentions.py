"""Raw actor mentions in a parsed article: gazetteer hits, NER names, demonym groups, descriptors.

Each rule family is one function returning `Raw` mentions; `actors.py` resolves them into
one actor per real-world actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer as gz
from .aliases import clean_surface, person_matches, strip_title
from .text import ParsedText

NAME_LABELS = ("PERSON", "ORG", "GPE")
_CAP_WORD = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass
class Raw:
    start: int
    end: int
    surface: str                 # cleaned surface form ("North Korea" for "North Korea’s")
    label: str                   # PERSON | ORG | GPE | GROUP | ADJ | DESC
    key: str | None = None       # gazetteer key when known
    alias: bool = True           # whether the surface may become an alias
    title: str | None = None     # a person's title, from the words before the name
    title_span: tuple[int, int] | None = None
    headline: bool = False


def skipped(parsed: ParsedText) -> list[tuple[int, int, str]]:
    """(start, end, role) of paragraphs that are not article text."""
    return [(s.span.start, s.span.end, s.role) for s in parsed.sentences]


def _role_at(spans, pos: int) -> str:
    for s, e, role in spans:
        if s <= pos < e:
            return role
    return "body"


def _kind_word(text: str, name: str) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in gz.words(name))


def _org_prefix(doc, ent) -> int:
    """Start of "Russia’s"/"South Korean" before a generic institution name ("Defense Ministry")."""
    i = ent.start
    if i >= 1 and doc[i - 1].ent_type_ == "NORP" and doc[i - 1].text in gz.demonyms():
        j = i - 1
        while j > 0 and doc[j - 1].ent_type_ == "NORP" and doc[j - 1].ent_iob_ == "I":
            j -= 1
        return doc[j].idx if doc[j:i].text in gz.demonyms() else ent.start_char
    if i >= 2 and doc[i - 1].text in ("’s", "'s") and doc[i - 2].ent_id_:
        k = doc[i - 2].ent_id_
        if gz.entries()[k].kind == "country":
            j = i - 2
            while j > 0 and doc[j - 1].ent_id_ == k:
                j -= 1
            return doc[j].idx
    if i >= 1 and doc[i - 1].ent_id_ and gz.entries()[doc[i - 1].ent_id_].kind == "country" \
            and doc[i - 1].ent_type_ == "GPE" and doc[i - 1].text.endswith(("’s", "'s")):
        return doc[i - 1].idx
    return ent.start_char


def _title_before(doc, ent) -> tuple[str | None, tuple[int, int] | None]:
    """The words of a person's noun phrase before the name: "Kremlin spokesperson" Dmitry Peskov."""
    head = ent.root
    words = {w for w in gz.words("titles.txt")}
    if head.dep_ == "appos" and head.head.i < ent.start and head.head.lower_ in words:
        j = ent.start                     # "A police spokeswoman, Muthoni Wanjiru, said"
        while j > head.head.i and doc[j - 1].is_punct:
            j -= 1
        toks = [t for t in doc[head.head.left_edge.i:j] if not t.is_punct]
        while toks and toks[0].dep_ in ("det", "poss"):
            toks = toks[1:]
        if toks:
            return doc[toks[0].i:toks[-1].i + 1].text, (toks[0].idx, toks[-1].idx + len(toks[-1]))
    left = head.left_edge.i
    toks = [t for t in doc[left:ent.start] if t.i >= left]
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct or toks[0].lower_ in ("with", "and")):
        toks = toks[1:]
    if "," in [t.text for t in toks]:
        toks = toks[max(i for i, t in enumerate(toks) if t.text == ",") + 1:]
    appos = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if appos and any(t.lower_ in words for t in appos[0].subtree):
        toks = list(appos[0].subtree)
    elif not toks or not any(t.lower_ in words for t in toks):
        return None, None
    return _role_text(doc, toks), (toks[0].idx, toks[-1].idx + len(toks[-1]))


def _role_text(doc, toks) -> str:
    """The title without its article or a leading country possessive: "Hungary’s Deputy Defence
    Minister" -> "Deputy Defence Minister" (the country becomes the affiliation)."""
    i = 0
    while i < len(toks) - 1 and toks[i].dep_ == "det":
        i += 1
    for j in range(i, min(i + 4, len(toks) - 1)):
        if toks[j].text in ("’s", "'s") and j > i and toks[j - 1].ent_type_ == "GPE":
            i = j + 1
            break
    return doc[toks[i].i:toks[-1].i + 1].text


def _ent_end(doc, tok) -> int:
    """End offset of the entity that starts at `tok`."""
    i = tok.i + 1
    while i < len(doc) and doc[i].ent_iob_ == "I":
        i += 1
    return doc[i - 1].idx + len(doc[i - 1])


def _canonical_org(surface: str) -> str:
    """"Russia’s Defense Ministry" -> "Russian Defense Ministry": the demonym, as institutions are named."""
    m = re.match(r"^(.+?)['’]s (.+)$", surface)
    key = gz.surface_index().get(m.group(1)) if m else None
    if key and gz.entries()[key].kind == "country" and gz.entries()[key].demonyms:
        known = gz.surface_index().get(f"{m.group(2)} of {m.group(1)}")    # "Security Service of Ukraine"
        return gz.entries()[known].name if known else f"{gz.entries()[key].demonyms[0]} {m.group(2)}"
    return surface


def _person_shaped(surface: str) -> bool:
    """Whether a PERSON the model found can be a name: not a place and a title ("Volyn Governor"),
    not an adjective run ("Various Russian"), not an institution ("Emergency Service")."""
    words = surface.split()
    last = words[-1].lower() if words else ""
    if last in gz.words("titles.txt") or any(w in gz.demonyms() for w in words):
        return False
    return not _kind_word(surface, "org_kinds.tsv")


def _person_label(ent, surface: str, people: list[str]) -> str:
    """The model's label, corrected for person names it mislabels: "Mayor Ines Falk" (ORG: a title
    opens it) and a bare surname of a person the article names in full ("Kovacs" as ORG or GPE)."""
    if ent.label_ == "PERSON" and not ent.ent_id_ and not _person_shaped(surface):
        return "NOISE"
    if ent.ent_id_ or ent.label_ == "PERSON":
        return ent.label_
    name, title = strip_title(surface)
    if title and ent.label_ == "ORG" and len(name.split()) >= 2 and not _kind_word(name, "org_kinds.tsv"):
        return "PERSON"
    if len(surface.split()) == 1 and any(person_matches(surface, p) for p in people):
        return "PERSON"
    return ent.label_


def from_entities(parsed: ParsedText) -> list[Raw]:
    """Gazetteer hits and the model's PERSON/ORG/GPE names, cleaned, with persons' titles."""
    doc, spans, out = parsed.doc, skipped(parsed), []
    people = [strip_title(clean_surface(e.text))[0] for e in doc.ents if e.label_ == "PERSON"]
    people = [p for p in people if len(p.split()) >= 2]
    for ent in doc.ents:
        role = _role_at(spans, ent.start_char)
        if role in ("byline", "boilerplate", "duplicate"):
            continue
        label = _person_label(ent, clean_surface(ent.text), people)
        if label not in NAME_LABELS:
            continue
        if label != ent.label_:
            ent = doc.char_span(ent.start_char, ent.end_char, label=label) or ent
        surface = clean_surface(ent.text)
        if not surface or not (surface[0].isupper() or surface[0].isdigit()):
            continue        # a name starts with a capital: "solidarity" tagged ORG is noise
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.ent_id_ and nxt is not None and nxt.lower_ in gz.words("not_actors.txt"):
            continue        # "United Nations Charter": a document, not the organisation
        if nxt is not None and ent.text.split()[-1] in ("of", "for") and nxt.ent_type_:
            ent = doc.char_span(ent.start_char, _ent_end(doc, nxt), label="ORG") or ent
            surface = clean_surface(ent.text)
        start = ent.start_char + ent.text.find(surface.split()[0]) if surface.split() else ent.start_char
        raw = Raw(start, start + len(surface), surface, ent.label_, ent.ent_id_ or None,
                  headline=role in ("headline", "subheading", "teaser"))
        if raw.key is None:
            if _kind_word(surface, "not_actors.txt") or not all(_CAP_WORD.match(w) or w.islower()
                                                               for w in surface.split()):
                continue
            if ent.label_ == "ORG":
                raw.start = min(raw.start, _org_prefix(doc, ent))
                raw.surface = clean_surface(parsed.text[raw.start:raw.end])
            if ent.label_ == "PERSON":
                name, title = strip_title(surface)
                if name != surface:
                    raw.start = raw.end - len(name)
                    raw.surface = name
        if gz.entries()[raw.key].kind == "person" if raw.key else ent.label_ == "PERSON":
            raw.title, raw.title_span = _title_before(doc, ent)
        out.append(raw)
    return out


def from_groups(parsed: ParsedText) -> list[Raw]:
    """Demonym groups: "North Korean troops", "Ukrainian officials" -> the country (CONVENTIONS: not an
    armed-force actor, and not an alias).

    Demonyms alone ("Russian media") are adjectival mentions of the country (label ADJ).
    """
    doc, spans, out = parsed.doc, skipped(parsed), []
    dem, grp = gz.demonyms(), gz.groups()
    for ent in doc.ents:
        if ent.label_ != "NORP" or ent.text not in dem:
            continue
        if _role_at(spans, ent.start_char) in ("byline", "boilerplate", "duplicate"):
            continue
        country = dem[ent.text]
        nxt = doc[ent.end:ent.end + 2]
        noun = next((n for n in (nxt.text.lower(), nxt[:1].text.lower()) if n in grp), None)
        if noun is None:
            out.append(Raw(ent.start_char, ent.end_char, ent.text, "ADJ", country, alias=False))
            continue
        end = ent.end_char + 1 + len(noun)
        out.append(Raw(ent.start_char, end, parsed.text[ent.start_char:end], "GROUP", country, alias=False))
    return out


_RULING = re.compile(r"\bthe ruling party\b", re.I)


def from_descriptors(parsed: ParsedText, known: list[Raw]) -> list[Raw]:
    """"the ruling party" -> the ruling party of the country most recently named before it."""
    out = []
    parties = gz.ruling_parties()
    countries = [r for r in known if r.key and gz.entries()[r.key].kind == "country"]
    for m in _RULING.finditer(parsed.text):
        before = [r for r in countries if r.start < m.start() and r.key in parties]
        if before:
            out.append(Raw(m.start(), m.end(), m.group(0), "DESC", parties[before[-1].key]))
    return out


def acronym_pairs(text: str) -> list[tuple[str, str]]:
    """"Armed Forces of Ukraine (AFU)" -> ("Armed Forces of Ukraine", "AFU")."""
    out = []
    for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+)(?:(?:of|the|for|and|[A-Z][\w'’-]*)\s+){0,6}[A-Z][\w'’-]*)"
                         r"\s+\(([A-Z]{2,6})\)", text):
        out.append((m.group(1), m.group(2)))
    return out
