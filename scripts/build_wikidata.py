#!/usr/bin/env python3
"""Build api/extract/data/gazetteer_wikidata.jsonl: the Wikidata item (QID) of each country and
well-known international organisation of the gazetteer, so actors can be joined with other datasets.

Sources (the identifiers themselves are Wikidata's, CC0):
- countries: Our World in Data's country table, which pairs each country's names with its Wikidata
  entity, in https://github.com/owid/owid-grapher at commit c7402d12e25bd1d45f5bd7d66cfc083342a1ed96
  (packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts; MIT-licensed at that
  commit). Later commits of that repository are no longer MIT: read that commit.
- organisations: SupraVerden's list of supranational bodies (UN organs and agencies, NATO, the EU
  and its institutions, AU, ASEAN, IAEA, ICC, ...), each with its Wikidata code and the treaty or
  official page it rests on, in https://github.com/confirmordeny/supraverden at commit
  59ab4fa0f92f3c75bb45e230908e612f15e8dbdf (data/general_list.yaml; CC BY-SA 4.0). Only the
  Wikidata codes are taken, for the few bodies the gazetteer knows.

    python scripts/build_wikidata.py OWID_GITDIR SUPRAVERDEN_GITDIR    # clones or bare git dirs

A gazetteer country matches a row when its name or an alias equals (spelling-insensitively) the
row's name, Wikidata label or one of its aliases; an organisation when its name or an alias equals a
body's English name or other English name (organisation and organization alike), or its name is
the body's English abbreviation; an entry matching no row, or rows with two different QIDs, gets
none, and so do two entries matching one QID. Writes the .jsonl and a .SOURCE beside it naming the
sources and commits.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "api" / "extract" / "data"
COMMIT = "c7402d12e25bd1d45f5bd7d66cfc083342a1ed96"
PATH = "packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts"
QID = re.compile(r"/(Q\d+)$")
BODIES_COMMIT = "59ab4fa0f92f3c75bb45e230908e612f15e8dbdf"
BODIES_PATH = "data/general_list.yaml"
ORGANISATION_KINDS = ("organization", "government_body")
FULL_NAME = re.compile(r"^Name(_other(_\d+)?)?_en$")
ABBREVIATION = re.compile(r"^Abbreviation(_other(_\d+)?)?_en$")


def name_key(name: str) -> str:
    sys.path.insert(0, str(ROOT))
    from api.extract.aliases import name_key as key
    return key(name)


def source_rows(gitdir: Path) -> list[dict]:
    text = subprocess.run(["git", f"--git-dir={gitdir}", "show", f"{COMMIT}:{PATH}"], check=True,
                          capture_output=True, text=True).stdout
    body = text[text.index("`") + 1:text.rindex("`")]
    return list(csv.DictReader(io.StringIO(body)))


def qids_by_name(rows: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in rows:
        found = QID.search(row.get("wikidata_uri") or "")
        if not found:
            continue
        names = [row["name"], row.get("wikidata_label") or ""]
        if row.get("aliases"):
            names += json.loads(row["aliases"])
        for name in names:
            if name:
                out.setdefault(name_key(name), set()).add(found.group(1))
    return out


def gazetteer_countries() -> list[tuple[str, list[str]]]:
    countries = []
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t") + [""]
            countries.append((cells[0].strip(), [a.strip() for a in cells[1].split("|") if a.strip()]))
    return countries


def org_key(name: str) -> str:
    return name_key(name).replace("organisation", "organization")


def bodies(gitdir: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """QIDs by full English name, and by English abbreviation, of SupraVerden's bodies."""
    import yaml
    text = subprocess.run(["git", f"--git-dir={gitdir}", "show", f"{BODIES_COMMIT}:{BODIES_PATH}"],
                          check=True, capture_output=True, text=True).stdout
    by_name: dict[str, set[str]] = {}
    by_abbreviation: dict[str, set[str]] = {}
    for body in yaml.safe_load(text).values():
        qid = str(body.get("Wikidata_code") or "")
        if not re.fullmatch(r"Q[1-9]\d*", qid):
            continue
        for field, value in body.items():
            if not isinstance(value, str) or not value.strip():
                continue
            if FULL_NAME.match(field):
                by_name.setdefault(org_key(value), set()).add(qid)
            elif ABBREVIATION.match(field):
                by_abbreviation.setdefault(org_key(value), set()).add(qid)
    return by_name, by_abbreviation


def gazetteer_organisations() -> list[tuple[str, list[str]]]:
    sys.path.insert(0, str(ROOT))
    from api.extract.gazetteer import entries
    return [(e.name, list(e.aliases)) for e in entries().values() if e.kind in ORGANISATION_KINDS]


def matched(candidates) -> list[dict]:
    """One entry per name with exactly one QID, and one name per QID."""
    entries, seen = [], set()
    for name, qids in candidates:
        if len(qids) != 1:
            continue
        qid = next(iter(qids))
        if qid in seen:          # two gazetteer entries for one item: neither is certain
            entries = [e for e in entries if e["wikidata"] != qid]
            continue
        seen.add(qid)
        entries.append({"name": name, "wikidata": qid})
    return entries


def main(owid: Path, supraverden: Path) -> None:
    by_name = qids_by_name(source_rows(owid))
    countries = [(name, set().union(*(by_name.get(name_key(n), set()) for n in [name, *aliases])))
                 for name, aliases in gazetteer_countries()]
    full, abbreviated = bodies(supraverden)
    organisations = [(name, set().union(*(full.get(org_key(n), set()) for n in [name, *aliases]))
                      or abbreviated.get(org_key(name), set()))
                     for name, aliases in gazetteer_organisations()]
    entries = matched(countries + organisations)
    (DATA / "gazetteer_wikidata.jsonl").write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
    (DATA / "gazetteer_wikidata.SOURCE").write_text(
        "GENERATED by scripts/build_wikidata.py; the identifiers are Wikidata's (CC0). Countries from Our\n"
        "World in Data's country table (MIT at this commit): https://github.com/owid/owid-grapher at commit\n"
        f"{COMMIT}, {PATH}.\n"
        "Organisations from SupraVerden's list of supranational bodies (CC BY-SA 4.0; only the Wikidata\n"
        f"codes are taken): https://github.com/confirmordeny/supraverden at commit {BODIES_COMMIT},\n"
        f"{BODIES_PATH}. Do not edit: rebuild.\n", encoding="utf-8")
    names = {n for n, _ in organisations}
    print(f"{len(entries)} entries with a Wikidata id, {sum(e['name'] in names for e in entries)} "
          "organisations")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
