from __future__ import annotations


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
