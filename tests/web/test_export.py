"""The whole corpus in one download: /v1/export.ndjson and `flask --app api export`."""
from __future__ import annotations

import json

from .test_http import assert_problem


def lines(body: bytes) -> list[dict]:
    return [json.loads(line) for line in body.decode().splitlines()]


def test_export_streams_every_fact_at_one_revision_with_its_evidence(client):
    response = client.get("/v1/export.ndjson")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    assert response.is_streamed
    rows = lines(response.get_data())
    stats = client.get("/v1/stats").get_json()
    head, end = rows[0], rows[-1]
    assert head["type"] == "export" and head["revision"] == stats["revision"]
    assert end == {"type": "end", "revision": stats["revision"], "counts": {
        "document": stats["counts"]["documents"], "actor": stats["counts"]["actors"],
        "statement": stats["counts"]["statements"], "figure": stats["counts"]["figures"],
        "event": stats["counts"]["events"]}}
    by_type: dict[str, list] = {}
    for row in rows[1:-1]:
        by_type.setdefault(row["type"], []).append(row["data"])
    assert {k: len(v) for k, v in by_type.items()} == end["counts"]
    texts = {d["id"]: client.get(f"/v1/documents/{d['id']}").get_json()["text"] for d in by_type["document"]}
    for statement in by_type["statement"]:
        ev = statement["evidence"]
        assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["text"]
    one = by_type["figure"][0]
    item = client.get(f"/v1/figures/{one['id']}").get_json()      # the item as the API serves it
    assert one == {k: v for k, v in item.items() if k != "competing"}


def test_export_narrows_by_type_and_revision_and_answers_304(client):
    rows = lines(client.get("/v1/export.ndjson?type=figure&type=event").get_data())
    assert {r["type"] for r in rows[1:-1]} == {"figure", "event"}
    assert rows[0]["types"] == ["figure", "event"]
    revision = rows[0]["revision"]
    assert lines(client.get(f"/v1/export.ndjson?updated_since={revision}").get_data())[-1]["counts"] == {
        "document": 0, "actor": 0, "statement": 0, "figure": 0, "event": 0}
    first = client.get("/v1/export.ndjson")
    again = client.get("/v1/export.ndjson", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_export_refuses_bad_types_and_formats_as_problems(client):
    assert_problem(client.get("/v1/export.ndjson?type=planet"), 400)
    assert_problem(client.get("/v1/export.ndjson", headers={"Accept": "text/csv"}), 406)


def test_cli_export_writes_the_same_lines(corpus_app, client, tmp_path):
    out = tmp_path / "all.ndjson"
    result = corpus_app.test_cli_runner().invoke(args=["export", "--output", str(out)])
    assert result.exit_code == 0, result.output
    served = lines(client.get("/v1/export.ndjson").get_data())
    assert lines(out.read_bytes()) == served
