"""Raw actor mentions in a parsed article: gazetteer hits, NER names, demonym groups, descriptors.

Each rule family is one function returning `Raw` mentions; `actors.py` resolves them into
one actor per real-world actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import gazetteer as gz
from .acronym_names import with_acronym_names
from .aliases import clean_surface, is_acronym, person_matches, strip_title
from .body_names import with_body_names
from .person_names import with_person_names
from .text import ParsedText

NAME_LABELS = ("PERSON", "ORG", "GPE")
# A word of a name: capitalised, or a lowercase particle joined to one ("al-Ansari", "d'Estaing").
_CAP_WORD = re.compile(r"^(?:[a-z]{1,3}[-'’])?[A-Z][\w'’.-]*$")


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
    acts: bool = False           # layout alone shows it acting (a count's subject in a results list)
    surface_key: str | None = None   # the actor key of an earlier spelling of the same name


def skipped(parsed: ParsedText) -> list[tuple[int, int, str]]:
    """(start, end, role) of paragraphs that are not article text; credits and datelines first."""
    return _credits(parsed) + [(s.span.start, s.span.end, s.role) for s in parsed.sentences]


# "KYIV, Ukraine (AP) — ", "SEOUL, July 3 (Reuters) - ", "MOSCOW — ": a dateline opening a paragraph
_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}"
                       r"(?:,\s*[A-Z][\w.'’-]*(?:\s[\w.'’-]+){0,3})*)"
                       r"\s*(?P<credit>\([^()]{2,40}\))?\s*(?:—|–|--?)\s")
# "By Jane Doe and Omar Said, The Associated Press": a byline the line-role rule did not catch
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:(?:,|\s+and)\s+[A-Z][\w.'’-]+"
                     r"(?:\s+[A-Z][\w.'’-]+){0,4}){0,4}\s*$")
_CREDIT_TAIL = re.compile(r"(?:^|\s)(?:—|–|-)\s*[A-Z][\w.&/ -]{1,30}$|\([A-Z][\w.&/ -]{1,30}\)\s*$")


def _credits(parsed: ParsedText) -> list[tuple[int, int, str]]:
    """Layout, not story: a dateline with its wire credit, credit lines ("Reporting by ...",
    "(c) Copyright ..."), and a closing "— AFP" or "(Reuters)" credit."""
    out = []
    openers = tuple(w.lower() for w in _credit_openers())
    for para in parsed.paragraphs:
        t = para.text
        low = t.lower().lstrip("([ ")      # "(Reporting by ...; Editing by ...)" in brackets
        if low.startswith(openers) or len(t) < 200 and "contributed to this report" in low \
                or _BYLINE.match(t) and not t.rstrip().endswith("."):
            out.append((para.start, para.end, "credit"))
            continue
        m = _DATELINE.match(t)
        if m and (m.group("credit") or m.group("place").split(",")[0].isupper()):
            out.append((para.start, para.start + m.end(), "credit"))
        tail = _CREDIT_TAIL.search(t)
        if tail and len(t) > len(tail.group(0)) + 20 and t[:tail.start()].rstrip().endswith((".", "”", '"')):
            out.append((para.start + tail.start(), para.end, "credit"))
    return out


@cache
def _credit_openers() -> list[str]:
    return [line.strip() for line in gz._data("credit_lines.txt").splitlines()
            if line.strip() and not line.startswith("#")]


def _role_at(spans, pos: int) -> str:
    for s, e, role in spans:
        if s <= pos < e:
            return role
    return "body"


def _kind_word(text: str, name: str) -> bool:
    return bool(_word_pattern(name).search(text.lower()))


@cache
def _word_pattern(name: str):
    """One regex for every word of a word list (a search per word was a hot spot)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(gz.words(name), key=len, reverse=True))
                      + r")\b")


def _org_prefix(doc, ent) -> int:
    """Start of "Russia’s"/"South Korean"/"US" before a generic institution name ("Defense Ministry")."""
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
    if i >= 2 and doc[i - 1].text in ("’s", "'s") and doc[i - 2].ent_type_ == "GPE" \
            and _head_word(ent.text) in _org_heads():     # "Gaza's Health Ministry": a place's own body
        j = i - 2
        while (j > 0 and doc[j - 1].ent_type_ == "GPE" and doc[j - 1].ent_iob_ == "I"
               or j > 0 and doc[j].ent_iob_ == "I"):
            j -= 1
        return doc[j].idx
    if i >= 1 and doc[i - 1].ent_id_ and gz.entries()[doc[i - 1].ent_id_].kind == "country" \
            and doc[i - 1].ent_type_ == "GPE" and doc[i - 1].text.endswith(("’s", "'s")):
        return doc[i - 1].idx
    if i >= 1 and doc[i - 1].ent_id_ and doc[i - 1].ent_type_ == "GPE" and doc[i - 1].whitespace_ == " " \
            and gz.entries()[doc[i - 1].ent_id_].kind == "country" and _head_word(ent.text) in _org_heads():
        # "US Central Command", "UK Ministry of Defence": the state's name as part of its body's
        j = i - 1
        while j > 0 and doc[j - 1].ent_id_ == doc[i - 1].ent_id_:
            j -= 1
        return doc[j].idx
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
    """"Borduria’s Trade Ministry" -> "Bordurian Trade Ministry" (ministries take the demonym, as
    news names them); "Ruritania's Civil Defence Agency" -> "Civil Defence Agency of Ruritania"
    (other bodies their official "of" form); a gazetteer entry's own name where it has one."""
    forms = org_forms(surface)
    return forms[0] if forms else surface


def org_forms(surface: str) -> list[str]:
    """The canonical name first, then the other forms of a country's institution ("<Country>'s X",
    "<Demonym> X", "X of <Country>"), so that every way news names it resolves to one actor."""
    m = re.match(r"^(.+?)['’]s (.+)$", surface)
    key = gz.surface_index().get(m.group(1)) if m else None
    if m and key is None and m.group(1).split()[-1].lower() in gz.words("titles.txt"):
        return [surface]                  # "the Attorney General's Office": an office named by its holder
    if m and key is None and m.group(1)[:1].isupper():
        return [f"{m.group(1)} {m.group(2)}"]         # "Gaza's Health Ministry" -> "Gaza Health Ministry"
    if key is not None and gz.entries()[key].kind != "country" and m.group(2)[:1].isupper():
        return [f"{m.group(1)} {m.group(2)}", m.group(2)]   # "the AU's Peace and Security Council"
    if key is None or gz.entries()[key].kind != "country" or not gz.entries()[key].demonyms:
        return []
    country, inst = gz.entries()[key], m.group(2)
    for form in (f"{inst} of {m.group(1)}", f"{inst} of {country.name}", f"{country.demonyms[0]} {inst}"):
        known = gz.surface_index().get(form)          # "Security Service of Ukraine"
        if known:
            return [gz.entries()[known].name]
    demonym_form = f"{country.demonyms[0]} {inst}"
    of_form = f"{inst} of {country.name}"
    if " of " in inst or _head_word(inst) == "ministry":
        # "Ministry of Disaster Management": a full name that is a name without its country too
        return [demonym_form, of_form] if " of " not in inst else [demonym_form, inst]
    return [of_form, demonym_form]


def _person_shaped(surface: str) -> bool:
    """Whether a PERSON the model found can be a name: not a place and a title ("Volyn Governor"),
    not an adjective run ("Various Russian"), not an institution ("Emergency Service")."""
    words = surface.split()
    last = words[-1].lower() if words else ""
    if last in gz.words("titles.txt") or any(w in gz.demonyms() for w in words):
        return False
    return not _kind_word(surface, "org_kinds.tsv")


def speaks(tok) -> bool:
    """The noun phrase headed by `tok` is the subject of a reporting verb ("Maersk said")."""
    from .attribution import verbs
    return tok.dep_ == "nsubj" and tok.head.lower_ in verbs()


def _person_label(ent, surface: str, people: list[str]) -> str:
    """The model's label, corrected for person names it mislabels: "Mayor Ines Falk" (ORG: a title
    opens it) and a bare surname of a person the article names in full ("Kovacs" as ORG or GPE); a
    "product" or "work of art" that speaks ("Maersk said") is an organisation."""
    if ent.label_ in ("PRODUCT", "WORK_OF_ART") and speaks(ent.root):
        return "ORG"
    if ent.label_ == "PERSON" and not ent.ent_id_ and not _person_shaped(surface):
        return "NOISE"
    if ent.ent_id_ or ent.label_ == "PERSON":
        return ent.label_
    name, title = strip_title(surface)
    if title and ent.label_ == "ORG" and len(name.split()) >= 2 and not _kind_word(name, "org_kinds.tsv") \
            and _head_word(name) not in _org_heads():     # "Executive Secretariat of ...": a body
        return "PERSON"
    if len(surface.split()) == 1 and any(person_matches(surface, p) for p in people):
        return "PERSON"
    if ent.label_ == "ORG" and len(surface.split()) == 1 and gz.person_surnames().get(surface.lower()):
        return "PERSON"        # "Lavrov" read as ORG: the surname of one well-known person
    return ent.label_


def _is_place(surface: str, label: str) -> bool:
    """A known place that is no state ("Lyon", "the Isle of Man"), not a person's full name."""
    if is_acronym(surface):
        return False          # "AUR" is a party's acronym, not the atoll Aur
    return (label != "PERSON" or len(surface.split()) == 1) and surface.lower() in gz.places()


def _head_word(name: str) -> str:
    """The noun a name is built on: "Treaty of Friendship" -> treaty, "Tula Province" -> province."""
    first = re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0].split()
    return first[-1].lower() if first else ""


def _org_heads() -> frozenset[str]:
    return gz.words("org_heads.txt")


def _titled(tok) -> bool:
    return tok.text[:1].isupper() and not tok.is_punct


def _name_spans(doc):
    """The model's entities, with the organisation names it cuts or misses made whole:
    "the Northern Command of the" + "Ruritanian Armed Forces" is one name; a known body followed by
    its sub-body ("National Assembly" + "Committee on Fisheries and Ports") is the sub-body; a run of
    capitalised words around an institution noun ("Joint Bureau for the Search for
    Missing Sailors") is an organisation even where the model saw none."""
    ents, out, i = list(doc.ents), [], 0
    covered = {t.i for e in ents for t in e}
    heads = _org_heads()
    while i < len(ents):
        ent = ents[i]
        words = ent.text.split()
        gap = ents[i + 1].start - ent.end if i + 1 < len(ents) else -1
        joined = gap == 0 and words and words[-1].lower() in ("of", "for", "the") or 0 < gap <= 2 \
            and doc[ent.end].lower_ == "of" \
            and all(t.lower_ in ("of", "the") for t in doc[ent.end:ents[i + 1].start])
        if ent.label_ == "ORG" and joined and ents[i + 1].label_ in ("ORG", "GPE") \
                and (gap == 0 or ents[i + 1].label_ == "ORG"):
            ent = doc[ent.start:ents[i + 1].end]
            ent = doc.char_span(ent.start_char, ent.end_char, label="ORG") or ents[i]
            i += 1
        elif ent.label_ == "PERSON" and 0 <= gap <= 2 and ents[i + 1].label_ == "PERSON" \
                and all(t.tag_ == "NNP" and t.is_title and t.lower_.rstrip(".") not in gz.words("titles.txt")
                        for t in doc[ent.end:ents[i + 1].start]) \
                and not doc[ent.end - 1].whitespace_ == "" and doc[ent.end - 1].is_alpha:
            # "Al-Harith" + "Idriss" + "al-Harith Mohamed": one long name the model cut in pieces
            ent = doc.char_span(ent.start_char, ents[i + 1].end_char, label="PERSON") or ents[i]
            i += 1
        if ent.label_ == "ORG":
            end = _sub_body_end(doc, ent.end, heads)
            if end > ent.end:
                ent = doc.char_span(ent.start_char, doc[end - 1].idx + len(doc[end - 1]), label="ORG") or ent
                while i + 1 < len(ents) and ents[i + 1].start < end:
                    i += 1
                covered |= {t.i for t in ent}
        out.append(ent)
        i += 1
    for tok in doc:                      # institution nouns the model left out of any entity
        if tok.i in covered or not _titled(tok) or tok.lower_ not in heads:
            continue
        start = tok.i
        while start > tok.sent.start and _titled(doc[start - 1]) and doc[start - 1].i not in covered \
                and doc[start - 1].tag_.startswith("NNP"):
            start -= 1
        end = _sub_body_end(doc, tok.i + 1, heads, need_head=False)
        if start < tok.i or end > tok.i + 1:
            span = doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label="ORG")
            if span is None:
                continue
            inner = [e for e in out if e.start < span.end and span.start < e.end]
            # "Northern Command of the Ruritanian Armed Forces": a known body at its tail joins it
            if all(e.label_ == "ORG" and e.start > tok.i and e.end <= span.end for e in inner):
                out = [e for e in out if e not in inner] + [span]
                covered |= {t.i for t in span}
    out = with_body_names(doc, sorted(out, key=lambda e: e.start))
    return with_person_names(doc, with_acronym_names(doc, out))


def _sub_body_end(doc, i: int, heads, need_head: bool = True) -> int:
    """End token of "Committee on Fisheries and Ports" starting at `i` (i itself when none):
    capitalised words, joined by of/on/for/the/and, the first (if need_head) an institution noun."""
    if need_head and not (i < len(doc) and _titled(doc[i]) and doc[i].lower_ in heads):
        return i
    j, end = i, i
    while j < len(doc) and j < i + 10 and not doc[j].is_sent_start:
        if doc[j].ent_type_ and doc[j].ent_type_ not in ("ORG", "NORP", "GPE") or doc[j].ent_iob_ == "B" \
                and doc[j].ent_type_ != "ORG":
            break                        # "... Ports on June 9": a date ends the name
        if _titled(doc[j]) and doc[j].tag_.startswith("NNP"):
            end = j + 1
        elif doc[j].lower_ not in ("of", "on", "for", "the", "and"):
            break
        j += 1
    return end


def from_entities(parsed: ParsedText) -> list[Raw]:
    """Gazetteer hits and the model's PERSON/ORG/GPE names, cleaned, with persons' titles."""
    doc, spans, out = parsed.doc, skipped(parsed), []
    people = [strip_title(clean_surface(e.text))[0] for e in doc.ents if e.label_ == "PERSON"]
    people = [p for p in people if len(p.split()) >= 2]
    for ent in _name_spans(doc):
        role = _role_at(spans, ent.start_char)
        if role in ("byline", "boilerplate", "duplicate", "credit"):
            continue
        label = _person_label(ent, clean_surface(ent.text), people)
        if label not in NAME_LABELS:
            continue
        if label != ent.label_:
            ent = doc.char_span(ent.start_char, ent.end_char, label=label) or ent
        surface = clean_surface(ent.text)
        if not surface or not (_CAP_WORD.match(surface.split()[0]) or surface[0].isdigit()):
            continue        # a name starts with a capital: "solidarity" tagged ORG is noise
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if ent.ent_id_ and nxt is not None and nxt.lower_ in gz.words("not_actors.txt"):
            continue        # "United Nations Charter": a document, not the organisation
        start = ent.start_char + ent.text.find(surface.split()[0]) if surface.split() else ent.start_char
        raw = Raw(start, start + len(surface), surface, ent.label_, ent.ent_id_ or None,
                  headline=role in ("headline", "subheading", "teaser"))
        if raw.key is None and ent.start > 0 and doc[ent.start - 1].lower_ in gz.words("media_words.txt"):
            raw.label = "MEDIA"     # "the Lima daily El Norte": an outlet, whatever the model read
        if raw.key is None:
            if _is_place(surface, label) or surface.split()[0].lower() in gz.words("place_openers.txt"):
                continue        # "Sumy", "Crimea", "Calle Guerrero" read as a name: a place, never an actor
            if _head_word(surface) in gz.words("not_actors.txt") or not all(_CAP_WORD.match(w) or w.islower()
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
        if gz.entries()[raw.key].kind == "person" if raw.key else raw.label == "PERSON":
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
        if _role_at(spans, ent.start_char) in ("byline", "boilerplate", "duplicate", "credit"):
            continue
        if ent.label_ == "GPE" and ent.ent_id_ and gz.entries()[ent.ent_id_].kind == "country":
            nxt = doc[ent.end + 1:ent.end + 3] if ent.end < len(doc) and doc[ent.end].text in ("'s", "’s") \
                else doc[ent.end:ent.end]
            noun = _group_noun(nxt, grp)
            if noun and grp[noun][0] == "branch":      # "Borduria's navy", "Szohod’s Air Force"
                end = nxt[0].idx + len(noun)
                out.append(Raw(ent.start_char, end, parsed.text[ent.start_char:end], "BRANCH", ent.ent_id_,
                               title=noun))
            continue
        if ent.label_ != "NORP" or ent.text not in dem:
            continue
        country = dem[ent.text]
        j = ent.end                     # "Ruritanian and allied ships", "the Bordurian and Syldavian envoys"
        while j < len(doc) and j < ent.end + 3 and (doc[j].lower_ in ("and", ",") or doc[j].tag_ == "JJ"
                                                     or doc[j].ent_type_ == "NORP"):
            j += 1
        noun = _group_noun(doc[j:j + 2], grp)
        if noun is None:
            out.append(Raw(ent.start_char, ent.end_char, ent.text, "ADJ", country, alias=False))
            continue
        end = doc[j].idx + len(noun)
        label = "BRANCH" if grp[noun][0] == "branch" else "GROUP"
        out.append(Raw(ent.start_char, end, parsed.text[ent.start_char:end], label, country, alias=False,
                       title=noun if label == "BRANCH" else None))
    return out


def _group_noun(toks, grp) -> str | None:
    """The group noun ("troops", "air force") the tokens start with."""
    if not len(toks):
        return None
    return next((n for n in (toks.text.lower(), toks[:1].text.lower()) if n in grp), None)


def branch_references(parsed: ParsedText) -> list[Raw]:
    """"the air force" with no country: the branch the article named last (resolved in actors.py)."""
    doc, out, grp = parsed.doc, [], gz.groups()
    firsts = {n.split()[0] for n, (what, _) in grp.items() if what == "branch"}
    for tok in doc:
        if tok.lower_ == "the" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in firsts:
            noun = _group_noun(doc[tok.i + 1:tok.i + 3], grp)
            if noun and grp[noun][0] == "branch":
                end = doc[tok.i + 1].idx + len(noun)
                out.append(Raw(tok.idx, end, parsed.text[tok.idx:end], "BRANCH_REF", None,
                               alias=False, title=noun))
    return out


def from_descriptors(parsed: ParsedText, known: list[Raw]) -> list[Raw]:
    """"the ruling party", "the lower house" -> that institution of the country most recently named
    before it (data/descriptors.tsv)."""
    out = []
    targets = gz.institutions_of()
    countries = sorted((r for r in known if r.key and gz.entries()[r.key].kind == "country"),
                       key=lambda r: r.start)
    for m in _descriptor_pattern().finditer(parsed.text):
        what = gz.descriptors()[m.group(0).lower()]
        before = [r for r in countries if r.start < m.start() and (r.key, what) in targets]
        if before:
            target = targets[(before[-1].key, what)]
            out.append(Raw(m.start(), m.end(), m.group(0), "DESC", target, alias=False))
    return out


@cache
def _descriptor_pattern():
    phrases = sorted(gz.descriptors(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


_QUOTED = r"[“\"]([A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5})[”\"]"
_COUNTED = re.compile(_QUOTED + r"\s*(?:—|–|-|:)\s*\d")


def from_quoted_names(parsed: ParsedText) -> list[Raw]:
    """Names in quotation marks that the layout shows to be parties: a results list
    ("“Alpha” — 210 votes, “Beta” — 23") and "the “Alpha” party"."""
    out = []
    party = re.compile(r"\bthe\s+" + _QUOTED + r"\s+(?:" + "|".join(lexicon_words("party_nouns")) + r")\b")
    for sent in parsed.sentences:
        if sent.role != "body":
            continue
        text, base = sent.span.text, sent.span.start
        counted = [m for m in _COUNTED.finditer(text) if _title_words_only(m.group(1))]
        for m in (counted if len(counted) >= 2 else []):
            out.append(Raw(base + m.start(1), base + m.end(1), m.group(1), "ORG", acts=True))
        for m in party.finditer(text):
            if _title_words_only(m.group(1)):
                out.append(Raw(base + m.start(1), base + m.end(1), m.group(1), "ORG"))
    return out


def _title_words_only(name: str) -> bool:
    return all(w[0].isupper() or w in ("of", "for", "the", "and", "in", "on") for w in name.split())


def lexicon_words(category: str) -> list[str]:
    from .acting import lexicon
    return sorted(lexicon(category))


def acronym_pairs(text: str) -> list[tuple[str, str]]:
    """"Armed Forces of Ukraine (AFU)" -> ("Armed Forces of Ukraine", "AFU")."""
    out = []
    for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+)(?:(?:of|the|for|and|[A-Z][\w'’-]*)\s+){0,6}[A-Z][\w'’-]*)"
                         r"\s+\(([A-Z]{2,6})\)", text):
        out.append((m.group(1), m.group(2)))
    return out
