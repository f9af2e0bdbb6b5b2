"""Hostile or odd requests get a 4xx problem+json on both databases, a database that is missing,
away or slow is a 503 that recovers on its own, and every answer carries the browser safety headers."""
from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from api import create_app

PROBLEM = "application/problem+json"


def forged(*values) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.mark.parametrize("url, names", [
    ("/v1/actors?q=%00", "q"),
    ("/v1/statements?q=peace%00", "q"),
    ("/v1/statements?speaker=%00", "speaker"),
    ("/v1/figures?metric=%00troops", "metric"),
    ("/v1/search?q=%00", "q"),
    ("/v1/actors/north%00korea", "actor_id"),
    ("/v1/documents/%00", "document_id"),
    ("/v1/documents/%00/facts", "document_id"),
    ("/v1/actors?cursor=%00", "cursor"),
])
def test_a_nul_anywhere_is_a_400_never_a_match(client, url, names):
    response = client.get(url)
    assert response.status_code == 400 and response.mimetype == PROBLEM
    assert names in response.get_json()["detail"]


@pytest.mark.parametrize("cursor", [
    forged("statements:id", 2 ** 70),
    forged("statements:id", -(2 ** 64)),
    forged("statements:id", "1"),
    forged("documents:id", "000"),            # another list's cursor
    forged("statements:-value", 1),
])
def test_a_forged_or_foreign_cursor_is_a_400(client, cursor):
    response = client.get(f"/v1/statements?cursor={cursor}")
    assert response.status_code == 400 and response.mimetype == PROBLEM
    assert "cursor" in response.get_json()["detail"]


def test_a_cursor_from_another_list_is_refused(client):
    next_url = client.get("/v1/documents?per_page=1").get_json()["links"]["next"]
    cursor = parse_qs(urlsplit(next_url).query)["cursor"][0]
    assert client.get("/v1/documents", query_string={"per_page": 1, "cursor": cursor}).status_code == 200
    for other, args in (("/v1/actors", {}), ("/v1/statements", {}), ("/v1/search", {"q": "korea"})):
        assert client.get(other, query_string={**args, "cursor": cursor}).status_code == 400, other


def test_if_modified_since_does_not_hide_a_missing_id(client):
    later = {"If-Modified-Since": "Wed, 01 Jan 2031 00:00:00 GMT"}
    assert client.get("/v1/actors/no-such-actor", headers=later).status_code == 404
    assert client.get("/v1/documents/no-such-document", headers=later).status_code == 404
    assert client.get("/v1/stats", headers=later).status_code == 304


@pytest.mark.parametrize("url, status", [
    ("/v1/stats", 200), ("/v1/actors/no-such-actor", 404), ("/v1/actors?bogus=1", 400), ("/healthz", 200),
])
def test_every_answer_forbids_sniffing_and_referrers(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_serving_never_creates_a_missing_sqlite_file(tmp_path):
    path = tmp_path / "never-created.sqlite"
    client = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}).test_client()
    assert client.get("/readyz").status_code == 503
    response = client.get("/v1/stats")
    assert response.status_code == 503 and response.mimetype == PROBLEM
    assert "db upgrade" in response.get_json()["detail"]
    assert not path.exists()


def test_a_slow_database_costs_a_bounded_time_then_recovers(corpus_app, monkeypatch):
    from sqlalchemy import text

    from api.web import stats as stats_view
    with corpus_app.app_context():
        from api.extensions import db
        if db.engine.dialect.name != "postgresql":
            pytest.skip("statement timeouts are PostgreSQL's; SQLite readers never wait (WAL)")
    original = stats_view.stats

    def slow(session):
        session.execute(text("SELECT pg_sleep(5)"))
        return original(session)

    monkeypatch.setitem(corpus_app.config, "STATEMENT_TIMEOUT_MS", 200)
    monkeypatch.setattr(stats_view, "stats", slow)
    client = corpus_app.test_client()
    response = client.get("/v1/stats")
    assert response.status_code == 503 and response.mimetype == PROBLEM
    assert response.headers["Retry-After"]
    monkeypatch.setattr(stats_view, "stats", original)
    assert client.get("/v1/stats").status_code == 200


def test_paging_links_use_the_public_url_not_the_host_header(client, corpus_app, monkeypatch):
    monkeypatch.setitem(corpus_app.config, "PUBLIC_URL", "https://news.example.org/")
    response = client.get("/v1/documents?per_page=1", headers={"Host": "evil.example"})
    assert response.get_json()["links"]["next"].startswith("https://news.example.org/v1/documents?cursor=")
    assert response.headers["Link"].startswith("<https://news.example.org/v1/documents?")


def test_one_etag_never_names_two_bodies_across_hosts(client):
    one = client.get("/v1/documents?per_page=1", headers={"Host": "a.example"})
    two = client.get("/v1/documents?per_page=1", headers={"Host": "b.example"})
    assert one.get_data() != two.get_data() and one.headers["ETag"] != two.headers["ETag"]
