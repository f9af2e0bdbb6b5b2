"""Each resource as a list and an item; the filters a user reaches for; sorts and keyset paging."""
from __future__ import annotations

from datetime import date

import pytest

from .conftest_helpers import date_period, follow_pages


def every(client, url):
    return follow_pages(client, url)[0]


@pytest.mark.parametrize("resource", ["actors", "statements", "figures", "events", "documents"])
def test_list_pages_cover_every_item_once_and_items_resolve(client, resource):
    items, _ = follow_pages(client, f"/v1/{resource}?per_page=3")
    assert items and len({i["id"] for i in items}) == len(items)
    assert client.get(f"/v1/{resource}").get_json()["meta"]["total"] == len(items)
    assert client.get(f"/v1/{resource}/{items[0]['id']}").status_code == 200


def test_statement_embeds_speaker_and_evidence_matching_the_text(client):
    statement = every(client, "/v1/statements?per_page=500")[0]
    one = client.get(f"/v1/statements/{statement['id']}").get_json()
    assert set(one["speaker"]) == {"id", "name"}
    document = client.get(f"/v1/documents/{one['evidence']['document']}").get_json()
    assert document["text"][one["evidence"]["start"]:one["evidence"]["end"]] == one["evidence"]["text"]


def test_actor_embeds_aliases_and_fact_counts(client):
    actor = client.get("/v1/actors/north-korea").get_json()
    assert "North Korea" not in actor["aliases"] and actor["aliases"]
    made = client.get("/v1/actors/north-korea/figures").get_json()["meta"]["total"]
    assert actor["counts"]["figures"] == made
    events = client.get("/v1/actors/north-korea/events").get_json()["meta"]["total"]
    assert actor["counts"]["events"] == events


def test_actors_by_kind_and_by_any_alias(client):
    assert {a["kind"] for a in every(client, "/v1/actors?kind=country")} == {"country"}
    found = every(client, "/v1/actors?q=dprk")   # an alias, not the name
    assert [a["id"] for a in found] == ["north-korea"]


def test_statement_filters(client):
    statements = every(client, "/v1/statements?per_page=500")
    speaker = statements[0]["speaker"]["id"]
    assert {s["speaker"]["id"] for s in every(client, f"/v1/statements?speaker={speaker}")} == {speaker}
    assert {s["kind"] for s in every(client, "/v1/statements?kind=direct")} <= {"direct"}
    for s in every(client, "/v1/statements?q=TROOPS"):
        assert "troops" in s["text"].lower()
    dated = [s for s in statements if s["said_on"]]
    if dated:
        day = dated[0]["said_on"]
        inside = every(client, f"/v1/statements?said_from={day}&said_to={day}")
        assert inside and {s["said_on"] for s in inside} == {day}
    about = every(client, "/v1/statements?about=north-korea")
    assert all("north-korea" in [a["id"] for a in s["about"]] for s in about)


def test_figure_filters_and_value_sort(client):
    figures = every(client, "/v1/figures?actor=north-korea&per_page=2&sort=-value")
    values = [f["value"] for f in figures]
    assert values == sorted(values, reverse=True)
    assert all("north-korea" in ((f["subject"] or {}).get("id"), (f["source"] or {}).get("id"))
               for f in figures)
    ascending = every(client, "/v1/figures?sort=value&per_page=1")
    assert [f["value"] for f in ascending] == sorted(f["value"] for f in ascending)
    big = every(client, "/v1/figures?min_value=1000&max_value=1000000&unit=people")
    assert all(1000 <= f["value"] <= 1_000_000 and f["unit"] == "people" for f in big)


def test_events_by_date_respect_precision(client):
    june = every(client, "/v1/events?from=2024-06-01&to=2024-06-30")
    assert june and all(e["date"] and e["date"].startswith("2024") for e in june)
    assert any(e["date"] == "2024-06" for e in june)   # a month-dated event is inside its month
    late = every(client, "/v1/events?from=2024-06-15&to=2024-06-15")
    assert any(e["date"] == "2024-06" for e in late)   # ...and overlaps any day of it


@pytest.mark.parametrize("window", [{"from": "2024-06-01", "to": "2024-06-30"}, {"from": "2024-06-15"},
                                    {"to": "2024-06-15"}, {"from": "2024-01-01", "to": "2024-12-31"},
                                    {"from": "2023-12-31", "to": "2024-01-01"}])
@pytest.mark.parametrize("sort", ["id", "date", "-date"])
def test_a_date_window_walks_exactly_the_events_it_overlaps(client, window, sort):
    """Every event whose period meets the window, once, in the asked order, whatever the page size."""
    start, end = (date.fromisoformat(window[k]) if k in window else None for k in ("from", "to"))
    expected = {e["id"] for e in every(client, "/v1/events?per_page=500") if e["date"]
                and (start is None or date_period(e["date"])[1] >= start)
                and (end is None or date_period(e["date"])[0] <= end)}
    query = "&".join(f"{k}={v}" for k, v in window.items())
    walked = every(client, f"/v1/events?{query}&sort={sort}&per_page=2")
    assert [e["id"] for e in walked if e["id"] in expected] == [e["id"] for e in walked]
    assert len(walked) == len(expected) and {e["id"] for e in walked} == expected
    assert client.get(f"/v1/events?{query}").get_json()["meta"]["total"] == len(expected)
    if sort == "id":
        assert [e["id"] for e in walked] == sorted(expected)


def test_events_sorted_by_date_page_stably_with_undated_last(client):
    ordered = every(client, "/v1/events?sort=date&per_page=2")
    dates = [e["date"] for e in ordered]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, key=lambda d: (d + "-01-01")[:10])
    assert dates[len(dated):] == [None] * (len(dates) - len(dated))
    assert len(ordered) == client.get("/v1/events").get_json()["meta"]["total"]


def test_cursor_from_one_sort_is_refused_by_another(client):
    next_url = client.get("/v1/figures?sort=value&per_page=1").get_json()["links"]["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    response = client.get(f"/v1/figures?cursor={cursor}")
    assert response.status_code == 400 and "cursor" in response.get_json()["detail"]


def test_document_facts_are_every_fact_of_the_article(client):
    document = every(client, "/v1/documents")[0]["id"]
    facts = client.get(f"/v1/documents/{document}/facts").get_json()
    assert facts["document"]["id"] == document
    statements = every(client, f"/v1/statements?document={document}")
    assert sorted(s["id"] for s in facts["statements"]) == sorted(s["id"] for s in statements)
    assert sorted(e["id"] for e in facts["events"]) == \
        sorted(e["id"] for e in every(client, f"/v1/events?document={document}"))


def test_stats_count_each_resource(client):
    stats = client.get("/v1/stats").get_json()
    for resource, count in stats["counts"].items():
        assert client.get(f"/v1/{resource}").get_json()["meta"]["total"] == count
    assert stats["revision"] >= 1


def test_search_ranks_hits_of_every_type_with_snippets(client):
    body = client.get("/v1/search?q=korea&per_page=500").get_json()
    hits = body["data"]
    assert {h["type"] for h in hits} >= {"statement", "actor"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert all("<mark>" in h["snippet"] for h in hits)
    for hit in hits[:5]:
        assert client.get(hit["url"]).status_code == 200
    only = client.get("/v1/search?q=korea&type=actor").get_json()["data"]
    assert only and {h["type"] for h in only} == {"actor"}


def test_search_pages_and_survives_odd_input(client):
    items, pages = follow_pages(client, "/v1/search?q=north+korea&per_page=2")
    assert pages > 1 and len({(h["type"], h["id"]) for h in items}) == len(items)
    for q in ('"', "AND(", "*", "-", "NEAR"):
        assert client.get("/v1/search", query_string={"q": q}).status_code == 200
    assert client.get("/v1/search").status_code == 400   # q is required
