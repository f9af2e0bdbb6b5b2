"""Across outlets on the seed corpus: one remark in several outlets, competing figures, a treaty's
stages; and the lists' filters, paging and errors on the new resources."""
from __future__ import annotations

from .conftest_helpers import follow_pages
from .test_http import assert_problem


def quoted(client, evidence) -> bool:
    text = client.get(f"/v1/documents/{evidence['document']}").get_json()["text"]
    return text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_the_kremlin_spokesmans_remark_is_one_cluster_listing_each_outlet(client):
    url = "/v1/statement-clusters?speaker=dmitry-peskov&min_outlets=3&per_page=1"
    clusters, _ = follow_pages(client, url)
    assert len(clusters) == 1
    cluster = clusters[0]
    documents = {s["evidence"]["document"] for s in cluster["statements"]}
    assert cluster["documents"] == len(documents) >= 3 and len(cluster["outlets"]) >= 3
    assert all(quoted(client, s["evidence"]) for s in cluster["statements"])
    one = client.get(f"/v1/statements/{cluster['statements'][0]['id']}").get_json()
    assert one["cluster"] == cluster["id"]
    assert {s["id"] for s in one["corroborated_by"]} == {s["id"] for s in cluster["statements"]} - {one["id"]}
    assert client.get(f"/v1/statement-clusters/{cluster['id']}").get_json() == cluster


def test_corroborated_and_min_outlets_filter_statements(client):
    corroborated, _ = follow_pages(client, "/v1/statements?corroborated=true")
    alone, _ = follow_pages(client, "/v1/statements?corroborated=false")
    everything = client.get("/v1/statements").get_json()["meta"]["total"]
    assert corroborated and len(corroborated) + len(alone) == everything
    assert all(s["cluster"] for s in corroborated) and not any(s["cluster"] for s in alone)
    wide, _ = follow_pages(client, "/v1/statements?min_outlets=3")
    assert wide and {s["cluster"] for s in wide} <= {s["cluster"] for s in corroborated}
    assert client.get("/v1/statements?min_outlets=1").get_json()["meta"]["total"] == everything


def test_competing_troop_figures_for_north_korea_with_sources_and_dates(client):
    groups, _ = follow_pages(client, "/v1/claims?subject=north-korea&metric=troops_deployed")
    assert groups
    group = groups[0]
    assert len(group["claims"]) >= 2 and len({c["value"] for c in group["claims"]}) >= 2
    assert group["min_value"] == min(c["value"] for c in group["claims"])
    assert all(c["date"] and c["outlet"] and quoted(client, c["evidence"]) for c in group["claims"])
    assert any(c["source"] for c in group["claims"])
    figure = client.get(f"/v1/figures/{group['claims'][0]['id']}").get_json()
    assert figure["claim"] == group["id"]
    assert [c["id"] for c in figure["competing"]] == [c["id"] for c in group["claims"][1:]]


def test_claims_filter_by_disagreement(client):
    every = client.get("/v1/claims").get_json()["meta"]["total"]
    agree = client.get("/v1/claims?disagree=false").get_json()["meta"]["total"]
    disagree = client.get("/v1/claims?disagree=true").get_json()["meta"]["total"]
    assert agree + disagree == every


def test_a_treatys_stages_are_one_thread_in_date_order(client):
    """Outlets name the treaty differently, and one stage only as 'the agreement ... which became
    effective': still one thread, from signature to force, and no other thread of treaty stages."""
    threads, _ = follow_pages(client, "/v1/threads?q=treaty")
    stages = {"treaty_signed", "treaty_ratified", "treaty_in_force"}
    thread = next(t for t in threads if stages <= {s["kind"] for s in t["stages"]})
    treaty_events, _ = follow_pages(client, "/v1/events?kind=treaty_in_force")
    assert treaty_events and all(e["thread"] == thread["id"] for e in treaty_events)
    assert len(threads) == 1
    dates = [s["date"] for s in thread["stages"] if s["date"]]
    assert dates == sorted(dates) and thread["first_date"] == dates[0]
    stage = client.get(f"/v1/events/{thread['stages'][0]['id']}").get_json()
    assert stage["thread"] == stage["thread_stages"]["id"] == thread["id"]
    assert [s["id"] for s in stage["thread_stages"]["stages"]] == [s["id"] for s in thread["stages"][1:]]
    assert client.get("/v1/threads?actor=north-korea").get_json()["meta"]["total"] >= 1


def test_new_resources_page_and_refuse_bad_input(client):
    for resource in ("statement-clusters", "claims", "threads"):
        items, _ = follow_pages(client, f"/v1/{resource}?per_page=1")
        total = client.get(f"/v1/{resource}").get_json()["meta"]["total"]
        assert len({i["id"] for i in items}) == len(items) == total
        assert_problem(client.get(f"/v1/{resource}/999999"), 404)
        assert_problem(client.get(f"/v1/{resource}?per_page=0"), 400)
    assert_problem(client.get("/v1/statements?min_outlets=0"), 400)
    assert_problem(client.get("/v1/claims?disagree=perhaps"), 400)


def test_well_known_actors_carry_their_wikidata_id_and_are_found_by_it(client):
    russia = client.get("/v1/actors/russia").get_json()
    assert russia["wikidata"] == "Q159"
    found, _ = follow_pages(client, "/v1/actors?wikidata=Q159")
    assert [a["id"] for a in found] == ["russia"]
    assert client.get("/v1/actors?wikidata=Q1").get_json()["data"] == []
    assert_problem(client.get("/v1/actors?wikidata=russia"), 400)
