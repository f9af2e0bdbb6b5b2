"""What any HTTP client notices: conditional GET, formats, errors as problem+json, request ids, CORS."""
from __future__ import annotations

import csv
import io

import pytest
from flask import Flask

from api.extensions import db
from api.models import bump_revision

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert PROBLEM_KEYS <= set(body) and body["status"] == status
    assert response.headers["X-Request-ID"]
    return body


# --- conditional GET ----------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/v1/figures", "/v1/actors/north-korea", "/v1/stats", "/v1/search?q=troops"])
def test_etag_gives_304_until_the_data_changes(client, url):
    first = client.get(url)
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert first.headers["Cache-Control"] and first.headers["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    assert client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_etag_differs_by_arguments_and_format(client):
    tags = {client.get(url).headers["ETag"] for url in
            ("/v1/figures", "/v1/figures?per_page=2", "/v1/figures?format=csv", "/v1/events")}
    assert len(tags) == 4


def test_304_is_answered_before_any_query_on_the_facts(client, corpus_app):
    """A poll that matches reads the revision row only (counted with an engine hook)."""
    from sqlalchemy import event
    etag = client.get("/v1/statements").headers["ETag"]
    seen: list[str] = []
    with corpus_app.app_context():
        engine = db.engine
    listener = lambda *args: seen.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        assert client.get("/v1/statements", headers={"If-None-Match": etag}).status_code == 304
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    queries = [sql for sql in seen if not sql.startswith(("BEGIN", "SET LOCAL"))]   # the snapshot's own
    assert queries and all("data_revision" in sql for sql in queries)


def test_a_repeated_304_is_the_same_answer_until_the_data_changes(app):
    """The poll the app already answered 304 is answered again without it (web/not_modified.py):
    the same headers, the request's own id, and a 200 as soon as a write moves the revision."""
    client = app.test_client()
    url, origin = "/v1/figures?per_page=3", {"Origin": "https://dashboard.example"}
    first = client.get(url, headers=origin)
    poll = {**origin, "If-None-Match": first.headers["ETag"]}
    answers = [client.get(url, headers={**poll, "X-Request-ID": f"poll-{i}"}) for i in range(3)]
    assert [a.status_code for a in answers] == [304, 304, 304]
    assert [a.headers["X-Request-ID"] for a in answers] == ["poll-0", "poll-1", "poll-2"]
    same = [{k: v for k, v in a.headers.items() if k != "X-Request-ID"} for a in answers]
    assert same[0] == same[1] == same[2] and same[0]["ETag"] == first.headers["ETag"]
    assert same[0]["Access-Control-Allow-Origin"] == "https://dashboard.example"
    # Another Accept or query string is another answer, decided by the app.
    assert client.get(url, headers={**poll, "Accept": "text/csv"}).status_code == 200
    with app.app_context():
        bump_revision(db.session)
        db.session.commit()
    after = client.get(url, headers=poll)
    assert after.status_code == 200 and after.headers["ETag"] != first.headers["ETag"]
    assert after.get_json()["meta"]["revision"] == first.get_json()["meta"]["revision"] + 1


def test_a_new_revision_changes_etag_and_updated_since_returns_only_changes(app):
    client = app.test_client()
    before = client.get("/v1/stats")
    with app.app_context():
        bump_revision(db.session)
        db.session.commit()
    after = client.get("/v1/stats", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.get_json()["revision"] == before.get_json()["revision"] + 1
    revision = after.get_json()["revision"]
    assert client.get(f"/v1/statements?updated_since={revision}").get_json()["data"] == []


def test_updated_since_on_the_corpus(client):
    figures = client.get("/v1/figures?per_page=500").get_json()["data"]
    oldest = min(f["revision"] for f in figures)
    newer = client.get(f"/v1/figures?per_page=500&updated_since={oldest}").get_json()["data"]
    assert {f["id"] for f in newer} == {f["id"] for f in figures if f["revision"] > oldest}


# --- formats ------------------------------------------------------------------------------------

@pytest.mark.parametrize("how", [{"query_string": {"format": "csv"}}, {"headers": {"Accept": "text/csv"}}])
def test_figures_of_one_actor_as_csv(client, how):
    response = client.get("/v1/actors/north-korea/figures", **how)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    as_json = client.get("/v1/actors/north-korea/figures").get_json()["data"]
    assert [int(r["id"]) for r in rows] == [f["id"] for f in as_json]
    assert {"value", "unit", "metric", "subject.id", "source.name", "evidence.text"} <= set(rows[0])


def test_events_csv_flattens_lists(client):
    text = client.get("/v1/events?format=csv").get_data(as_text=True)
    header, first = list(csv.reader(io.StringIO(text)))[:2]
    assert header[:3] == ["id", "kind", "title"]
    assert ";" in first[header.index("actors")] or first[header.index("actors")]


def test_browser_accept_gets_json_and_impossible_accept_gets_406(client):
    accept = "text/html,application/xhtml+xml,*/*;q=0.8"
    assert client.get("/v1/figures", headers={"Accept": accept}).mimetype == "application/json"
    assert "406" in assert_problem(client.get("/v1/actors", headers={"Accept": "text/csv"}), 406)["type"]
    assert_problem(client.get("/v1/figures", headers={"Accept": "application/xml"}), 406)


# --- errors -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, status, named", [
    ("/v1/actors/atlantis", 404, "atlantis"),
    ("/v1/statements/999999", 404, "999999"),
    ("/v1/nowhere", 404, None),
    ("/v1/figures?min_value=lots", 400, "min_value"),
    ("/v1/events?from=June", 400, "from"),
    ("/v1/figures?sort=colour", 400, "sort"),
    ("/v1/actors/north-korea?verbose=1", 400, "verbose"),
    ("/v1/actors?format=csv", 400, "format"),
])
def test_errors_are_problems_that_name_the_culprit(client, url, status, named):
    body = assert_problem(client.get(url), status)
    assert body["instance"] == url.split("?")[0]
    if named:
        assert named in body["detail"]


def test_405_keeps_allow_header(client):
    response = client.post("/v1/figures")
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_500_is_a_problem_without_a_stack_trace(app):
    assert isinstance(app, Flask)

    @app.get("/v1/boom")
    def boom():
        raise RuntimeError("secret internals")

    app.config["PROPAGATE_EXCEPTIONS"] = False
    body = assert_problem(app.test_client().get("/v1/boom"), 500)
    assert "secret" not in str(body) and "Traceback" not in str(body)


def test_request_id_is_echoed_or_made(client):
    assert client.get("/v1/stats", headers={"X-Request-ID": "poll-42"}).headers["X-Request-ID"] == "poll-42"
    made = client.get("/v1/actors/atlantis", headers={"X-Request-ID": "bad id with spaces"})
    assert made.headers["X-Request-ID"] not in ("", "bad id with spaces")


# --- CORS ---------------------------------------------------------------------------------------

def test_any_origin_may_read_and_preflight_is_answered(client):
    response = client.get("/v1/figures", headers={"Origin": "https://dashboard.example"})
    assert response.headers["Access-Control-Allow-Origin"] in ("*", "https://dashboard.example")
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options("/v1/figures", headers={
        "Origin": "https://dashboard.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match"})
    assert preflight.status_code == 200
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    assert "if-none-match" in preflight.headers["Access-Control-Allow-Headers"].lower()
