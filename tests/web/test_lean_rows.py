"""List pages are built from plain rows (api/schemas/rows.py), single items by the marshmallow
schemas: every item of every list, and of every actor's lists, is exactly the item's own answer."""
from __future__ import annotations

import csv
import io

import pytest

from .conftest_helpers import follow_pages

# What only a single item shows: the other outlets' reports, competing figures, a thread's stages.
DETAIL_ONLY = {"corroborated_by", "competing", "thread_stages"}


def item_itself(client, resource: str, item_id) -> dict:
    item = client.get(f"/v1/{resource}/{item_id}").get_json()
    return {k: v for k, v in item.items() if k not in DETAIL_ONLY}


@pytest.mark.parametrize("resource", ["statements", "figures", "events"])
def test_every_list_item_equals_the_item_itself(client, resource):
    items, _ = follow_pages(client, f"/v1/{resource}?per_page=7")
    assert items
    for item in items:
        assert item == item_itself(client, resource, item["id"])


@pytest.mark.parametrize("resource", ["statements", "figures", "events"])
def test_an_actors_lists_hold_the_same_items(client, resource):
    actor = "north-korea"
    items, _ = follow_pages(client, f"/v1/actors/{actor}/{resource}?per_page=4")
    assert items
    for item in items:
        assert item == item_itself(client, resource, item["id"])


def test_csv_rows_are_the_json_items_flattened(client):
    json_items = client.get("/v1/figures?per_page=500").get_json()["data"]
    text = client.get("/v1/figures?per_page=500&format=csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(json_items)
    for row, item in zip(rows, json_items, strict=True):
        assert row["id"] == str(item["id"]) and row["evidence.text"] == item["evidence"]["text"]
        assert row["subject.id"] == ((item["subject"] or {}).get("id") or "")


@pytest.mark.parametrize("q", ["troops", "north korea", "ukraine"])
def test_search_hits_are_what_the_hit_schema_dumps(corpus_app, q):
    """Search pages are encoded from plain dicts too: each is exactly SearchHitSchema's dump."""
    from api.extensions import db
    from api.queries.search import search
    from api.schemas import rows
    from api.schemas.search import SearchHitSchema
    with corpus_app.app_context():
        hits = search(db.session, q, limit=500).items
        assert hits
        assert [rows.search_hit(hit) for hit in hits] == SearchHitSchema(many=True).dump(hits)
        db.session.rollback()
