#!/usr/bin/env python3
"""Build the generated gazetteer data from the CIA World Factbook (public domain).

Source: the World Factbook country profiles as JSON, https://github.com/factbook/factbook.json
(the Factbook is a work of the US government, public domain; the JSON repository is CC0 1.0).
Only facts are taken: country names, abbreviations, capitals, demonyms, legislatures and their
chambers, the national armed forces, and the chief of state and head of government.

    python scripts/build_gazetteer.py PATH        # PATH: a checkout or bare git dir of factbook.json

Writes api/extract/data/countries.tsv, places.txt, place_countries.tsv and gazetteer_factbook.jsonl,
each with a header naming the source and its commit. scripts/countries_overlay.tsv (hand-kept) adds the common
English names, aliases and demonyms news uses that the Factbook lacks; its names win.
"""
from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "api" / "extract" / "data"
OVERLAY = ROOT / "scripts" / "countries_overlay.tsv"
REGIONS = ("africa", "australia-oceania", "central-america-n-caribbean", "central-asia",
           "east-n-southeast-asia", "europe", "middle-east", "north-america", "south-america",
           "south-asia")
GENERIC_BODY = re.compile(r"^(?:the\s+)?(?:parliament|national assembly|congress|assembly|senate|"
                          r"house of representatives|chamber of deputies|legislative assembly|"
                          r"national council|federal assembly|majlis|national parliament)$", re.I)


class Source:
    """The Factbook's JSON files, from a work tree or a bare git directory."""

    def __init__(self, path: Path):
        self.path = path
        self.bare = not (path / "europe").is_dir()

    def git(self, *args: str) -> str:
        return subprocess.run(["git", f"--git-dir={self.path}", *args], check=True,
                              capture_output=True, text=True).stdout

    def commit(self) -> str:
        if self.bare:
            return self.git("rev-parse", "HEAD").strip()
        return subprocess.run(["git", "-C", str(self.path), "rev-parse", "HEAD"],
                              capture_output=True, text=True).stdout.strip() or "unknown"

    def profiles(self):
        if self.bare:
            names = [n for n in self.git("ls-tree", "-r", "--name-only", "HEAD").split()
                     if n.split("/")[0] in REGIONS and n.endswith(".json")]
            for n in sorted(names):
                yield json.loads(self.git("show", f"HEAD:{n}"))
        else:
            for region in REGIONS:
                for p in sorted((self.path / region).glob("*.json")):
                    yield json.loads(p.read_text(encoding="utf-8"))


def text(node, *keys: str) -> str:
    for k in keys:
        node = node.get(k) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node = node.get("text")
    if not isinstance(node, str):
        return ""
    s = html.unescape(re.sub(r"<[^>]+>", " ", node)).replace("\xa0", " ")
    s = re.sub(r";?\s*note\b.*$", "", s, flags=re.I | re.S)
    return " ".join(s.split()).strip()


def plain(s: str) -> str:
    return "" if s.lower() in ("none", "na", "") else s


def forms(cell: str) -> list[str]:
    """"Saudi or Saudi Arabian", "Croat(s), Croatian(s)" -> the single forms."""
    cell = re.sub(r"\((?:singular|plural|singular and plural|collective plural|colloquial)[^)]*\)", "", cell)
    out = []
    for part in re.split(r",|;|\bor\b|/", cell):
        part = re.sub(r"\(s\)|\(men\)|\(women\)|\([^)]*\)", "", part).strip()
        if part and plain(part) and part[0].isupper() and len(part.split()) <= 3:
            out.append(part)
    return out


def capitals(cell: str) -> list[str]:
    """"Kyiv (Kiev is the transliteration ...)" -> Kyiv, Kiev; "Washington, D.C." -> Washington."""
    out = []
    for part in re.split(r";", cell):
        main = re.sub(r"\(.*?\)", "", part).strip().rstrip(",")
        main = re.sub(r",\s*D\.C\.$", "", main)
        if main and len(main.split()) <= 3 and main[0].isupper() and "," not in main:
            out.append(main)
        for alt in re.findall(r"\(([^)]*)\)", part):
            for a in re.split(r",|\baka\b|/", alt):
                a = re.sub(r"\bis the transliteration.*$|\bin \w+$", "", a).strip()
                if a and a[0].isupper() and len(a.split()) <= 2 and not re.search(r"capital|seat", a):
                    out.append(a)
    return out[:3]


def person(cell: str) -> tuple[str, str] | None:
    """"President Vladimir Vladimirovich PUTIN (since 7 May 2012)" -> ("President", "Vladimir Putin")."""
    cell = re.split(r";|\(since|\bsince\b", cell)[0].strip()
    m = re.search(r"((?:[A-Z][\w'’.-]*\s+)*?)"
                  r"((?:(?:al-|bin |de |van |von )?[A-Z][A-Z'’-]{1,}\b\s*)+)(.*)$", cell)
    if not m:
        return None
    before, family, after = m.group(1).split(), m.group(2).strip(), m.group(3).strip()
    titles = {"President", "Prime", "Minister", "King", "Queen", "Supreme", "Leader", "Chancellor",
              "Premier", "Emir", "Sultan", "Crown", "Prince", "Chairman", "Chairperson", "Governor",
              "General", "Grand", "Duke", "Pope", "Dr.", "Sheikh", "Amir", "Federal", "Council",
              "State", "Affairs", "Commission", "Presidential", "Leadership", "Executive", "Interim",
              "Transitional", "Head", "Chief", "of", "the", "Government", "Assembly", "People's"}
    i = 0
    while i < len(before) and before[i] in titles:
        i += 1
    title, given = " ".join(before[:i]), before[i:]
    family = " ".join(w.capitalize() if w.isupper() else w for w in re.split(r"\s+", family))
    family = re.sub(r"(?<=-)([a-z])", lambda x: x.group(1).upper(), family)
    if re.fullmatch(r"[IVX]+", family.split()[-1]) or not title:
        return None
    if family.endswith("-"):
        return None
    if after and not given:                      # "KIM Jong Un": family name first
        names = [f"{family} {after}"]
    elif given:                                  # the full name, and without middle names
        names = list(dict.fromkeys([" ".join([*given, family]), f"{given[0]} {family}"]))
    else:
        return None
    return (title, names) if 2 <= len(names[0].split()) <= 5 else None


def body_names(cell: str) -> tuple[str, list[str]]:
    """"Parliament (Verkhovna Rada)" -> ("Parliament", ["Verkhovna Rada"])."""
    main = re.sub(r"\(.*?\)", "", cell).strip()
    alts = [a.strip() for p in re.findall(r"\(([^)]*)\)", cell) for a in re.split(r",|;| or ", p)]
    return main, [a for a in alts if a and a[0].isupper() and len(a.split()) <= 5]


def division_names(cell: str) -> set[str]:
    """"...; Cherkasy, Crimea or Avtonomna Respublika Krym* (Simferopol), Volyn (Lutsk)" -> the names."""
    out: set[str] = set()
    for chunk in re.split(r";|:", cell)[1:] if ";" in cell or ":" in cell else []:
        for item in re.split(r",(?![^()]*\))", chunk):
            for part in re.split(r"\(|\)|\bor\b", item):
                name = part.strip(" *.")
                if name and name[0].isupper() and len(name.split()) <= 4 and not re.search(
                        r"\d|\b(?:note|and|singular|plural)\b", name) and name not in COMPASS:
                    out.add(name)
    return out


COMPASS = {"Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West",
           "Capital", "Coast", "Lakes", "Upper", "Lower", "Islands"}


def main(src_path: str) -> None:
    src = Source(Path(src_path))
    commit = src.commit()
    countries, places = [], set()
    for d in src.profiles():
        gov = d.get("Government", {})
        divisions = division_names(text(gov, "Administrative divisions"))
        places |= divisions
        if not plain(text(gov, "Government type")):
            for form in ("conventional short form", "conventional long form"):
                places |= {p.strip() for p in plain(text(gov, "Country name", form)).split(",") if p.strip()}
            continue                              # no government of its own: a place
        short = plain(text(gov, "Country name", "conventional short form"))
        long = plain(text(gov, "Country name", "conventional long form"))
        long = re.split(r";", long)[0].strip()
        if re.search(r"prior to|disputed", long):
            long = ""
        name = short or long
        if not name:
            continue
        abbr = [a.strip()
                for a in re.split(r"\bor\b|,|\(|\)", plain(text(gov, "Country name", "abbreviation")))
                if re.fullmatch(r"[A-Z][A-Za-z.]{1,5}", a.strip())
                and not re.fullmatch(r"[IVXLC]+", a.strip())]    # "VI" reads as "Mohammed VI"
        nat = d.get("People and Society", {}).get("Nationality", {})
        dem = forms(text(nat, "adjective"))
        countries.append({"name": name, "aliases": [a for a in [long, *abbr] if a and a != name],
                          "demonyms": dem, "capitals": capitals(text(gov, "Capital", "name")), "gov": gov,
                          "mil": text(d.get("Military and Security", {}), "Military and security forces"),
                          "divisions": divisions})

    overlay = []
    for line in OVERLAY.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = (line.split("\t") + [""] * 4)[:4]
            lists = [[p.strip() for p in c.split("|") if p.strip()] for c in cells[1:]]
            overlay.append([cells[0].strip()] + lists)
    for name, aliases, dem, caps in overlay:
        hit = next((c for c in countries if {name, *aliases} & {c["name"], *c["aliases"]}), None)
        if hit is None:
            hit = {"name": name, "aliases": [], "demonyms": [], "capitals": [], "gov": {}, "mil": ""}
            countries.append(hit)
        if hit["name"] != name:
            hit["aliases"].insert(0, hit["name"])
            hit["name"] = name
        hit["aliases"] = list(dict.fromkeys(a for a in hit["aliases"] + aliases if a != name))
        hit["demonyms"] = list(dict.fromkeys(dem + hit["demonyms"]))
        hit["capitals"] = list(dict.fromkeys(caps + hit["capitals"]))
        hit["overlay"] = True
    # a demonym or capital two states share ("Korean", "Kingston") names neither
    # (the overlay's own rows keep theirs: "Chinese" is China's, not Hong Kong's)
    dem_count = Counter(x for c in countries for x in set(c["demonyms"]))
    cap_count = Counter(x for c in countries for x in set(c["capitals"]))
    hand_dem = {x for c in countries if c.get("overlay") for x in c["demonyms"]}
    hand_cap = {x for c in countries if c.get("overlay") for x in c["capitals"]}
    for c in countries:
        own = c.get("overlay")
        c["demonyms"] = [x for x in c["demonyms"] if x != c["name"] and (
            own and x in hand_dem or x not in hand_dem and dem_count[x] == 1)]
        c["capitals"] = [x for x in c["capitals"] if x != c["name"] and (
            own and x in hand_cap or x not in hand_cap and cap_count[x] == 1)]

    # a state's demonym is no other state's alias ("Saint Barthelemy (French)" is not "French")
    for c in countries:
        others = {x for o in countries if o is not c for x in o["demonyms"]}
        c["aliases"] = [a for a in c["aliases"] if a not in others]

    head = (f"# GENERATED by scripts/build_gazetteer.py from the CIA World Factbook (public domain) via\n"
            f"# https://github.com/factbook/factbook.json (CC0 1.0) at commit {commit},\n"
            f"# merged with scripts/countries_overlay.tsv. Do not edit: edit the overlay and rebuild.\n")
    rows = [head + "# name\taliases (|)\tdemonyms (|)\tcapitals used as the state speaking (|)"]
    for c in sorted(countries, key=lambda c: c["name"]):
        rows.append("\t".join([c["name"], "|".join(c["aliases"]), "|".join(c["demonyms"]),
                               "|".join(c["capitals"])]))
    (DATA / "countries.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    states = {x.lower() for c in countries
              for x in (c["name"], *c["aliases"], *c["demonyms"], *c["capitals"])}
    places = sorted(p for p in places if p.lower() not in states)
    (DATA / "places.txt").write_text(
        head + "# Places (first-level divisions and their centres, lands without a\n"
        "# government of their own): where the model calls one an organisation, it is none.\n"
        + "\n".join(places) + "\n", encoding="utf-8")
    # the state each division belongs to ("Kherson" -> Ukraine), where only one state has it
    owners: dict[str, set[str]] = {}
    for c in countries:
        for p in c.get("divisions", ()):
            for form in {p, p.rstrip("'’")}:        # "Syunik'" is written "Syunik" in the news
                owners.setdefault(form, set()).add(c["name"])
    (DATA / "place_countries.tsv").write_text(
        head + "# place\tthe state it is a first-level division (or its centre) of\n"
        + "".join(f"{p}\t{next(iter(o))}\n" for p, o in sorted(owners.items())
                  if len(o) == 1 and p.lower() not in states), encoding="utf-8")
    entries = _institutions(countries)
    (DATA / "gazetteer_factbook.jsonl").write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
    # the header of a JSON-lines file is its own file, next to it
    (DATA / "gazetteer_factbook.SOURCE").write_text(head.replace("# ", "").replace("#", ""), encoding="utf-8")
    print(f"{len(countries)} countries, {len(entries)} institutions and leaders, commit {commit}")


def _institutions(countries: list[dict]) -> list[dict]:
    """Legislatures and chambers, armed forces, chiefs of state and heads of government."""
    raw: list[tuple[dict, str, str, list[str], dict]] = []    # (country, kind, name, alts, extra)
    for c in countries:
        gov = c["gov"]
        leg = text(gov, "Legislative branch", "legislature name")
        if plain(leg):
            raw.append((c, "government_body", *body_names(leg), {"legislature_of": c["name"]}))
        for chamber in ("lower", "upper"):
            ch = text(gov, f"Legislative branch - {chamber} chamber", "chamber name")
            if plain(ch):
                raw.append((c, "government_body", *body_names(ch),
                            {"chamber_of": c["name"], "chamber": chamber}))
        force = re.split(r":|<br>", c["mil"])[0].strip()
        if force and not force[0].islower() and len(force) < 120:
            main_name, alts = body_names(force)
            alts = [re.sub(r"^aka\s+", "", a) for a in alts]
            raw.append((c, "armed_force", main_name, alts, {"armed_force_of": c["name"]}))
    counts = Counter(r[2].lower() for r in raw)
    counts.update(a.lower() for r in raw for a in r[3])
    out = []
    for c, kind, name, alts, extra in raw:
        dem = c["demonyms"][0] if c["demonyms"] else None
        distinctive = [a for a in alts if counts[a.lower()] == 1 and not GENERIC_BODY.match(a)
                       and not re.fullmatch(r"[A-Z]{2,6}", a)]
        acronyms = [a for a in alts if re.fullmatch(r"[A-Z]{2,6}", a) and counts[a.lower()] == 1
                    and a.lower() not in STOP_WORDS]     # "AND" is a word in a capitalised headline
        named_country = c["name"] in name or any(d in name for d in c["demonyms"]) \
            or any(a in name.split() for a in c["aliases"])
        if GENERIC_BODY.match(name) and distinctive and len(distinctive[0].split()) <= 2:
            canonical, others = distinctive[0], [name] if False else []
        elif named_country or counts[name.lower()] == 1 and not GENERIC_BODY.match(name):
            canonical, others = name, distinctive
        elif dem:
            canonical = f"{dem} {name}"
            others = distinctive + [f"{d} {name}" for d in c["demonyms"][1:]] + [f"{name} of {c['name']}"]
        else:
            continue
        if kind == "armed_force":
            others = [o for o in others if not re.search(r"\b(?:military|army)$", o, re.I)]
        entry = {"name": canonical, "kind": kind, "aliases": list(dict.fromkeys(
                 [o for o in others + acronyms if o != canonical])), "affiliation": c["name"], **extra}
        if kind == "government_body" and "legislature_of" in extra and dem:
            entry["descriptions"] = [f"{dem} parliament", f"{c['name']}'s parliament"]
        out.append(entry)
    for c in countries:
        seen = set()
        for field in ("chief of state", "head of government"):
            got = person(text(c["gov"], "Executive branch", field))
            if got and got[1][0] not in seen:
                seen.add(got[1][0])
                out.append({"name": got[1][0], "kind": "person", "aliases": got[1][1:],
                            "role": f"{got[0]} of {c['name']}", "affiliation": c["name"]})
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
