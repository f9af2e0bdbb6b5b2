"""The list envelope: data, links.next (and an RFC 8288 Link header), meta."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import request

from ..extensions import db
from ..models import current_revision
from ..queries.paging import Page


def page_url(**overrides) -> str:
    args = request.args.to_dict()
    args.update({k: v for k, v in overrides.items() if v is not None})
    query = urlencode(sorted(args.items()))
    return request.base_url + (f"?{query}" if query else "")


def envelope(page: Page, per_page: int) -> tuple[dict, int, dict]:
    """(body, status, headers) for a smorest view returning a page."""
    next_url = page_url(cursor=page.next_cursor) if page.next_cursor else None
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    body = {
        "data": page.items,
        "links": {"self": page_url(), "next": next_url},
        "meta": {"total": page.total, "per_page": per_page, "revision": current_revision(db.session)},
    }
    return body, 200, headers
