"""Wikidata ids of well-known actors: data in the repository, well-formed and one per item."""
from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources

from api.extract.gazetteer import entries
from api.ingest.wikidata import wikidata_of


def rows() -> list[dict]:
    data = resources.files("api.extract").joinpath("data/gazetteer_wikidata.jsonl")
    text = data.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_ids_are_qids_one_per_entry_and_one_entry_per_id():
    data = rows()
    assert len(data) > 150
    assert all(re.fullmatch(r"Q[1-9]\d*", r["wikidata"]) for r in data)
    assert not [q for q, n in Counter(r["wikidata"] for r in data).items() if n > 1]
    assert not [q for q, n in Counter(r["name"] for r in data).items() if n > 1]


def test_every_id_names_a_gazetteer_entry():
    names = {e.name for e in entries().values()}
    assert {r["name"] for r in rows()} <= names
    assert wikidata_of("Russia") == "Q159" and wikidata_of("the Russia") == "Q159"
    assert wikidata_of("Ruritania") is None
