"""The viewer's pages in the test client: what a reader sees, escaping of untrusted text, caching,
the security policy and errors. Every corpus document is checked highlight by highlight."""
from __future__ import annotations

import json
import re

import pytest

from .reading import Page, actor_mentions_of, expected_spans, highlight_mismatches

CSP = "Content-Security-Policy"


def documents(client) -> list[dict]:
    return client.get("/v1/documents?per_page=500").get_json()["data"]


def page(client, path: str) -> tuple:
    response = client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return response, Page(response.get_data(as_text=True))


def test_index_lists_every_document_newest_first_with_counts(client):
    _, index = page(client, "/view/")
    linked = [a["href"].rsplit("/", 1)[1] for tag, a in index.tags
              if tag == "a" and a.get("href", "").startswith("/view/documents/")]
    docs = {d["id"]: d for d in documents(client)}
    assert sorted(linked) == sorted(docs)
    dates = [docs[i]["published"] or "" for i in linked]
    assert dates == sorted(dates, reverse=True)
    body = client.get("/view/").get_data(as_text=True)
    facts = client.get(f"/v1/documents/{linked[0]}/facts").get_json()
    # The first row's statement count is the API's.
    first_row = body[body.index(f"/view/documents/{linked[0]}"):].split("</tr>")[0]
    shown = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', first_row)]
    assert shown[:3] == [len(facts["statements"]), len(facts["figures"]), len(facts["events"])]
    assert 'role="search"' in body and 'action="/view/search"' in body


def test_index_pages_with_a_cursor(client):
    _, first = page(client, "/view/?per_page=2")
    older = [a["href"] for tag, a in first.tags if tag == "a" and a.get("rel") == "next"]
    assert len(older) == 1
    seen = []
    url = "/view/?per_page=2"
    while url:
        _, p = page(client, url)
        seen += [a["href"] for tag, a in p.tags
                 if tag == "a" and a.get("href", "").startswith("/view/documents/")]
        nxt = [a["href"] for tag, a in p.tags if tag == "a" and a.get("rel") == "next"]
        url = nxt[0] if nxt else None
    assert len(seen) == len(set(seen)) == len(documents(client))


def test_every_document_page_highlights_exactly_its_evidence(client, corpus_app):
    for doc in documents(client):
        _, p = page(client, f"/view/documents/{doc['id']}")
        assert p.text == client.get(f"/v1/documents/{doc['id']}").get_json()["text"]
        expected = expected_spans(client, doc["id"], actor_mentions_of(corpus_app, doc["id"]))
        assert len(expected) > 5
        assert highlight_mismatches(p.pieces, expected) == []
        # One focusable label per fact, naming it and pointing at its description on the page.
        assert set(p.labels) == set(expected)
        for key, attrs in p.labels.items():
            assert attrs["aria-label"].strip() and attrs["aria-describedby"] in p.ids, key
        assert len(p.ids) == len(set(p.ids))


def test_document_page_lists_facts_in_text_order_with_their_details(client):
    doc = documents(client)[0]["id"]
    facts = client.get(f"/v1/documents/{doc}/facts").get_json()
    body = client.get(f"/view/documents/{doc}").get_data(as_text=True)
    side = body[body.index('<ol class="facts">'):]
    starts = {f"card-statement-{s['id']}": s["evidence"]["start"] for s in facts["statements"]}
    starts |= {f"card-figure-{f['id']}": f["evidence"]["start"] for f in facts["figures"]}
    order = [i for i in Page(side).ids if i in starts]
    assert order == sorted(order, key=lambda i: starts[i]) and len(order) == len(starts)
    statement = facts["statements"][0]
    card = side[side.index(f'id="card-statement-{statement["id"]}"'):].split("</li>")[0]
    assert statement["speaker"]["name"].replace("'", "&#39;") in card
    assert f'href="/view/statements/{statement["id"]}"' in card


@pytest.mark.parametrize("kind", ["statements", "figures", "events"])
def test_fact_pages_show_the_evidence_in_context_and_link_the_json(client, kind):
    item = client.get(f"/v1/{kind}?per_page=1").get_json()["data"][0]
    response, p = page(client, f"/view/{kind}/{item['id']}")
    body = response.get_data(as_text=True)
    assert f'href="/v1/{kind}/{item["id"]}"' in body
    evidence = [item["evidence"]] if "evidence" in item else item["mentions"]
    marked = [t for t, a in p.tags if t == "mark"]
    assert len(marked) == len(evidence)
    for ev in evidence:
        assert f"/view/documents/{ev['document']}" in body
    quoted = body.split('<blockquote class="context">')[1].split("</blockquote>")[0]
    assert Page(quoted).tags[0][0] == "mark"
    assert evidence[0]["text"] in Page(f'<div id="text">{quoted}</div>').text


def test_event_page_links_every_outlet_that_reports_it(client):
    events = client.get("/v1/events?per_page=500").get_json()["data"]
    event = max(events, key=lambda e: len({m["document"] for m in e["mentions"]}))
    outlets = {m["document"] for m in event["mentions"]}
    assert len(outlets) > 1
    _, p = page(client, f"/view/events/{event['id']}")
    linked = {a["href"].rsplit("/", 1)[1] for t, a in p.tags
              if t == "a" and a.get("href", "").startswith("/view/documents/")}
    assert linked == outlets


def test_actor_page_quotes_where_it_is_named(client):
    actor = client.get("/v1/actors?per_page=500").get_json()["data"][0]
    response, p = page(client, f"/view/actors/{actor['id']}")
    body = response.get_data(as_text=True)
    assert f'href="/v1/actors/{actor["id"]}"' in body
    assert sum(1 for t, a in p.tags if t == "mark") >= 1


def test_search_page_finds_and_links_hits(client):
    statement = client.get("/v1/statements?per_page=1").get_json()["data"][0]
    word = max(statement["text"].split(), key=len).strip(".,\"“”'’")
    response, p = page(client, f"/view/search?q={word}&type=statement")
    assert f'/view/statements/{statement["id"]}' in {a.get("href") for t, a in p.tags if t == "a"}
    assert "<mark>" in response.get_data(as_text=True)


def test_pages_carry_a_strict_policy_and_only_local_assets(client):
    doc = documents(client)[0]["id"]
    for path in ("/view/", f"/view/documents/{doc}", "/view/search?q=troops", "/view/statements/999999"):
        response = client.get(path)
        policy = response.headers[CSP]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        p = Page(response.get_data(as_text=True))
        scripts = [a for t, a in p.tags if t == "script"]
        assert all(s.get("src", "").startswith("/view/static/") for s in scripts)
        assert not any(a.get("style") for _, a in p.tags)    # no inline style for the policy to block
        links = [a.get("href", "") for _, a in p.tags] + [a.get("src", "") for _, a in p.tags]
        assert not any(link.startswith(("http", "//")) for link in links)
    assert client.get("/view/static/view.css").mimetype == "text/css"
    assert client.get("/view/static/view.js").mimetype in ("text/javascript", "application/javascript")


def test_pages_revalidate_with_the_data_revision_etag(client):
    doc = documents(client)[0]["id"]
    path = f"/view/documents/{doc}"
    first = client.get(path)
    etag = first.headers["ETag"]
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert client.get("/view/", headers={"If-None-Match": etag}).status_code == 200   # another page's tag
    assert client.get(f"/v1/documents/{doc}", headers={"If-None-Match": etag}).status_code == 200


@pytest.mark.parametrize("path, status", [
    ("/view/documents/no-such-document", 404),
    ("/view/statements/999999", 404),
    ("/view/actors/no-such-actor", 404),
    ("/view/?cursor=not-a-cursor", 400),
    ("/view/?per_page=0", 400),
    ("/view/documents/x?unknown=1", 400),
    ("/view/search?q=", 400),
])
def test_errors_are_html_pages_that_say_what_was_wrong(client, path, status):
    response = client.get(path)
    assert response.status_code == status and response.mimetype == "text/html"
    assert CSP in response.headers
    assert f"<h1>{status} " in response.get_data(as_text=True)


HOSTILE = ("<script>alert('text')</script>", "<img src=x onerror=alert(1)>", '"><b onmouseover="x()">')


def test_article_markup_is_shown_as_text_never_run(app, runner, tmp_path):
    """An article whose text, title and address carry HTML and script: every page shows them as
    characters, and nothing in them becomes an element, an attribute or a link."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    text = (f"Defence Minister Jan Perowski said on Monday that 4,000 soldiers {HOSTILE[0]} would join "
            f"the exercise. “We are ready {HOSTILE[1]} to defend Valdoria,” Perowski said.\n"
            f"The Valdorian army {HOSTILE[2]} signed a cooperation agreement with Ostland on Tuesday.\n")
    (folder / "hostile.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps([{
        "file": "hostile.txt", "title": "Valdoria <script>alert('title')</script>",
        "publisher": "<i>Ostland Times</i>", "url": "javascript:alert('url')", "published": "2031-05-06"}]))
    result = runner.invoke(args=["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    client = app.test_client()
    facts = client.get("/v1/documents/hostile/facts").get_json()
    assert facts["statements"] and any("<" in s["evidence"]["text"] for s in facts["statements"])
    paths = ["/view/", "/view/documents/hostile", "/view/search?q=exercise <script>"]
    paths += [f"/view/{kind}/{fact['id']}" for kind in ("statements", "figures", "events")
              for fact in facts[kind]]
    paths += [f"/view/actors/{actor['id']}" for actor in facts["actors"]]
    for path in paths:
        body = client.get(path).get_data(as_text=True)
        p = Page(body)
        assert [t for t, _ in p.tags if t in ("script", "img", "b", "i")] == ["script"], path   # view.js
        assert not any(name.startswith("on") for _, a in p.tags for name in a), path
        assert not any(a.get("href", "").lower().startswith("javascript") for _, a in p.tags), path
        assert "<script>alert" not in body and "<img" not in body and "<b " not in body, path
    response, document = page(client, "/view/documents/hostile")
    assert document.text == text   # every character shown as it is
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in response.get_data(as_text=True)
    expected = expected_spans(client, "hostile", actor_mentions_of(app, "hostile"))
    assert highlight_mismatches(document.pieces, expected) == []

    # New data, new ETag: the page a client holds is no longer current.
    etag = client.get("/view/").headers["ETag"]
    assert client.get("/view/", headers={"If-None-Match": etag}).status_code == 304
    (folder / "later.txt").write_text("Ostland and Valdoria held talks in Brightport on Friday.\n")
    assert runner.invoke(args=["ingest", str(folder)]).exit_code == 0
    assert client.get("/view/", headers={"If-None-Match": etag}).status_code == 200
