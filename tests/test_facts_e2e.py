"""The seed corpus end to end: ingest, then read facts over HTTP as a client would."""
from __future__ import annotations

from .conftest import CORPUS
from .web.conftest_helpers import follow_pages

TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}


def all_items(client, resource):
    return follow_pages(client, f"/v1/{resource}?per_page=100")[0]


def evidence_of(item):
    return item["mentions"] if "mentions" in item else [item["evidence"]]


def test_every_fact_quotes_its_document_exactly(client):
    for resource in ("statements", "figures", "events"):
        items = all_items(client, resource)
        assert items, f"the corpus yields no {resource}"
        for item in items:
            for ev in evidence_of(item):
                assert TEXTS[ev["document"]][ev["start"]:ev["end"]] == ev["text"]


def test_an_event_reported_by_several_documents_is_one_event_with_a_mention_each(client):
    events = all_items(client, "events")
    merged = [e for e in events if len({m["document"] for m in e["mentions"]}) >= 2]
    assert merged, "no event was merged across documents"
    keys = [(e["kind"], e["date"], e["series"], e["title"]) for e in events]
    for event in merged:
        assert keys.count((event["kind"], event["date"], event["series"], event["title"])) == 1


def test_actors_are_one_per_real_actor_with_their_spellings_as_aliases(client):
    actors = all_items(client, "actors")
    names = [a["name"] for a in actors]
    assert len(names) == len(set(names))
    seen = {}
    for actor in actors:
        for alias in actor["aliases"]:
            key = alias.lower().replace("-", " ")
            assert seen.setdefault(key, actor["id"]) == actor["id"], f"{alias} names two actors"


def test_statements_have_a_known_speaker_and_contract_fields(client):
    actor_ids = {a["id"] for a in all_items(client, "actors")}
    statements = all_items(client, "statements")
    for s in statements:
        assert {"id", "speaker", "kind", "text", "said_on", "about", "evidence"} <= set(s)
        assert s["speaker"]["id"] in actor_ids
        assert s["kind"] in ("direct", "indirect")
        assert all(ref["id"] in actor_ids for ref in s["about"])


def test_figures_by_actor_are_that_actors_numbers(client):
    figures = all_items(client, "figures")
    subject = next(f["subject"]["id"] for f in figures if f["subject"])
    mine, _ = follow_pages(client, f"/v1/actors/{subject}/figures?per_page=2")
    assert mine
    assert all(subject in (f["subject"] or {}).get("id", "") + (f["source"] or {}).get("id", "")
               for f in mine)
    assert len(mine) == sum(1 for f in figures if subject in {(f["subject"] or {}).get("id"),
                                                             (f["source"] or {}).get("id")})
