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


def test_well_known_organisations_carry_their_ids():
    # As the cited list gives them (scripts/build_wikidata.py names it and its commit).
    expected = {"NATO": "Q7184", "United Nations": "Q1065", "European Union": "Q458",
                "African Union": "Q7159",
                "International Atomic Energy Agency": "Q41984", "World Health Organization": "Q7817",
                "International Criminal Court": "Q47488"}
    assert {name: wikidata_of(name) for name in expected} == expected
    kinds = {e.name: e.kind for e in entries().values()}
    organisations = [r for r in rows() if kinds[r["name"]] != "country"]
    assert len(organisations) >= 30


def test_an_organisation_in_an_article_is_found_by_its_id(app, runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "summit.txt").write_text(
        "Alliance meets in Vilnius\n\nNATO foreign ministers met in Vilnius on Tuesday. The African Union "
        "sent an observer, and the Secretary General of NATO said the alliance would stay united.\n",
        encoding="utf-8")
    assert runner.invoke(args=["ingest", str(folder)]).exit_code == 0
    client = app.test_client()
    found = client.get("/v1/actors?wikidata=Q7184").get_json()["data"]
    assert [(a["name"], a["wikidata"]) for a in found] == [("NATO", "Q7184")]
    assert client.get(f"/v1/actors/{found[0]['id']}").get_json()["wikidata"] == "Q7184"
