from __future__ import annotations

import calendar
from datetime import date


def follow_pages(client, url: str) -> tuple[list[dict], int]:
    """Every item of a list, following links.next as a client would; (items, pages)."""
    items, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        items.extend(body["data"])
        pages += 1
        url = body["links"]["next"]
        assert pages < 1000
    return items, pages


def date_period(text: str) -> tuple[date, date]:
    """First and last day an event's date (YYYY, YYYY-MM or YYYY-MM-DD) can mean."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(*parts, 1), date(*parts, calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)
