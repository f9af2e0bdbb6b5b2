from __future__ import annotations

from urllib.parse import urlsplit

from ..conftest import CORPUS
from .conftest_helpers import follow_pages


def test_documents_page_through_links_next(client):
    items, pages = follow_pages(client, "/v1/documents?per_page=2")
    assert pages == 3
    assert [d["id"] for d in items] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert {"id", "title", "publisher", "url", "published"} <= set(items[0])
    assert "text" not in items[0]


def test_list_has_a_link_header_for_the_next_page(client):
    response = client.get("/v1/documents?per_page=1")
    body = response.get_json()
    assert body["meta"]["total"] == 5
    assert response.headers["Link"] == f'<{body["links"]["next"]}>; rel="next"'


def test_document_serves_its_exact_text(client):
    for path in CORPUS.glob("*.txt"):
        body = client.get(f"/v1/documents/{path.stem}").get_json()
        assert body["text"] == path.read_text(encoding="utf-8")


def test_unknown_document_is_a_problem_404(client):
    response = client.get("/v1/documents/no-such-article")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"
    assert "no-such-article" in response.get_json()["detail"]


def test_unknown_parameter_and_bad_value_are_400s_naming_it(client):
    for query, name in (("colour=red", "colour"), ("per_page=0", "per_page"), ("per_page=ten", "per_page")):
        response = client.get(f"/v1/documents?{query}")
        assert response.status_code == 400
        assert response.content_type == "application/problem+json"
        assert name in response.get_json()["detail"]


def test_forged_cursor_is_a_400(client):
    response = client.get("/v1/documents?cursor=not-a-cursor")
    assert response.status_code == 400
    assert "cursor" in response.get_json()["detail"]


def test_links_are_relative_to_this_server(client):
    body = client.get("/v1/documents?per_page=1").get_json()
    assert urlsplit(body["links"]["next"]).path == "/v1/documents"
