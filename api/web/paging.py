"""The list envelope: data, links.next (and an RFC 8288 Link header), meta; or the same page as CSV."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import current_app, request
from marshmallow import Schema

from ..queries.paging import Page
from .caching import data_revision
from .formats import csv_response, wants_csv
from .totals import page_total


def page_url(**overrides) -> str:
    args = request.args.to_dict()
    args.update({k: v for k, v in overrides.items() if v is not None})
    query = urlencode(sorted(args.items()))
    # Behind a proxy the Host header is whatever the client sent: links use the configured public
    # address when there is one.
    public = current_app.config.get("PUBLIC_URL")
    base = public.rstrip("/") + request.path if public else request.base_url
    return base + (f"?{query}" if query else "")


def envelope(page: Page, per_page: int, item_schema: Schema | type[Schema] | None = None,
             dump: Callable[[Any], dict] | None = None):
    """(body, status, headers) for a smorest view returning a page; a CSV Response when asked.

    With `dump` (api/schemas/rows.py), the items are turned into what `item_schema` would dump, and
    the answer is encoded here, not walked again by smorest's schema. A schema class is only
    instantiated for CSV (its columns): JSON pages never need it."""
    next_url = page_url(cursor=page.next_cursor) if page.next_cursor else None
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    items = [dump(item) for item in page.items] if dump else page.items
    if item_schema is not None and wants_csv():
        schema = item_schema() if isinstance(item_schema, type) else item_schema
        return csv_response(schema, items, headers, dumped=dump is not None)
    body = {
        "data": items,
        "links": {"self": page_url(), "next": next_url},
        "meta": {"total": page_total(page), "per_page": per_page, "revision": data_revision()},
    }
    if dump:
        response = current_app.json.response(body)
        response.headers.update(headers)
        return response
    return body, 200, headers
