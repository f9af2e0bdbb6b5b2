"""/v1/changes on the loaded corpus: the same list conventions as every list, and a complete feed."""
from __future__ import annotations

import pytest

from .conftest_helpers import follow_pages
from .test_http import assert_problem

RESOURCES = ("documents", "actors", "statements", "figures", "events", "statement-clusters", "claims",
             "threads")


def test_replaying_the_feed_from_zero_gives_every_id_of_every_list(client):
    changes, pages = follow_pages(client, "/v1/changes?since=0&per_page=9")
    assert pages > 1
    held = set()
    for change in changes:
        key = (change["resource"], change["id"])
        (held.discard if change["action"] == "deleted" else held.add)(key)
    current = {(r, item["id"]) for r in RESOURCES
               for item in follow_pages(client, f"/v1/{r}?per_page=100")[0]}
    assert held == current
    order = [(c["revision"], c["resource"]) for c in changes]
    assert [r for r, _ in order] == sorted(r for r, _ in order)
    live = [(c["resource"], c["id"]) for c in changes if c["action"] != "deleted"]
    assert len(live) == len(set(live))     # an item is listed once, where it was last written


def test_since_narrows_and_meta_revision_says_where_to_resume(client):
    revision = client.get("/v1/stats").get_json()["revision"]
    everything = follow_pages(client, "/v1/changes?per_page=500")[0]
    body = client.get(f"/v1/changes?since={revision - 1}&per_page=500").get_json()
    assert body["meta"]["revision"] == revision
    assert body["data"] == [c for c in everything if c["revision"] > revision - 1] and body["data"]
    assert body["meta"]["total"] == len(body["data"])
    assert client.get(f"/v1/changes?since={revision}").get_json()["data"] == []


def test_one_resource_at_a_time(client):
    figures = follow_pages(client, "/v1/changes?resource=figures&per_page=3")[0]
    listed = {f["id"] for f in follow_pages(client, "/v1/figures?per_page=100")[0]}
    assert figures and {c["resource"] for c in figures} == {"figures"}
    assert {c["id"] for c in figures} == listed


def test_etag_304_and_csv(client):
    first = client.get("/v1/changes?since=1")
    again = client.get("/v1/changes?since=1", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    csv = client.get("/v1/changes?since=0&format=csv&per_page=2")
    assert csv.content_type.startswith("text/csv")
    lines = csv.get_data(as_text=True).splitlines()
    assert lines[0] == "revision,resource,id,action,at" and len(lines) == 3
    assert 'rel="next"' in csv.headers["Link"]


@pytest.mark.parametrize("query", ["since=-1", "since=soon", "resource=treaties", "action=deleted",
                                   "per_page=0", "cursor=WyJpZCIsNTBd"])
def test_bad_arguments_are_400_problems(client, query):
    assert_problem(client.get(f"/v1/changes?{query}"), 400)


def test_a_cursor_of_another_list_is_refused(client):
    next_url = client.get("/v1/figures?per_page=1").get_json()["links"]["next"]
    foreign = next_url.split("cursor=")[1].split("&")[0]
    assert_problem(client.get(f"/v1/changes?cursor={foreign}"), 400)


def test_a_group_that_disappears_leaves_a_tombstone(app, runner, corpus_copy):
    """A remark reported by several outlets is a cluster; once only one outlet reports it, the
    cluster is gone, and the feed says so (a poller would otherwise keep it forever)."""
    assert runner.invoke(args=["ingest", str(corpus_copy)]).exit_code == 0
    client = app.test_client()
    cluster = follow_pages(client, "/v1/statement-clusters?per_page=100")[0][0]
    revision = client.get("/v1/stats").get_json()["revision"]
    kept = cluster["statements"][0]["evidence"]["document"]
    for statement in cluster["statements"]:
        evidence = statement["evidence"]
        if evidence["document"] != kept:
            path = corpus_copy / f"{evidence['document']}.txt"
            path.write_text(path.read_text(encoding="utf-8").replace(evidence["text"], ""), encoding="utf-8")
    assert runner.invoke(args=["ingest", str(corpus_copy)]).exit_code == 0
    assert_problem(client.get(f"/v1/statement-clusters/{cluster['id']}"), 404)
    changes = follow_pages(client, f"/v1/changes?since={revision}&resource=statement-clusters")[0]
    assert {"resource": "statement-clusters", "id": cluster["id"], "action": "deleted"} in [
        {k: c[k] for k in ("resource", "id", "action")} for c in changes]
