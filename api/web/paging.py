"""The list envelope: data, links.next (and an RFC 8288 Link header), meta; or the same page as CSV."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, request
from marshmallow import Schema

from ..queries.paging import Page
from .caching import data_revision
from .formats import csv_response, wants_csv


def page_url(**overrides) -> str:
    args = request.args.to_dict()
    args.update({k: v for k, v in overrides.items() if v is not None})
    query = urlencode(sorted(args.items()))
    # Behind a proxy the Host header is whatever the client sent: links use the configured public
    # address when there is one.
    public = current_app.config.get("PUBLIC_URL")
    base = public.rstrip("/") + request.path if public else request.base_url
    return base + (f"?{query}" if query else "")


def envelope(page: Page, per_page: int, item_schema: Schema | None = None):
    """(body, status, headers) for a smorest view returning a page; a CSV Response when asked."""
    next_url = page_url(cursor=page.next_cursor) if page.next_cursor else None
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    if item_schema is not None and wants_csv():
        return csv_response(item_schema, page.items, headers)
    body = {
        "data": page.items,
        "links": {"self": page_url(), "next": next_url},
        "meta": {"total": page.total, "per_page": per_page, "revision": data_revision()},
    }
    return body, 200, headers
