"""Wikidata items of well-known actors: data/gazetteer_wikidata.jsonl (scripts/build_wikidata.py),
keyed by the gazetteer name an extracted actor takes."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..extract.aliases import name_key


@cache
def wikidata_ids() -> dict[str, str]:
    data = resources.files("api.extract").joinpath("data/gazetteer_wikidata.jsonl")
    text = data.read_text(encoding="utf-8")
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {name_key(e["name"]): e["wikidata"] for e in entries}


def wikidata_of(name: str) -> str | None:
    return wikidata_ids().get(name_key(name))
