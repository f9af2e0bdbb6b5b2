"""meta.total, kept per data revision: counted once per list, filters and revision (in each worker),
not on every page.

The count of a list depends only on its filters and on the data, and the data of one revision never
changes (every write bumps it, in the same transaction). So a walk through a list, or a dashboard
polling it, counts its matching rows once per revision rather than once per request; each GET still
reads its total in its own snapshot, at the revision its ETag names. Up to MAX_KEPT totals are kept,
the least recently used dropped first.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from flask import current_app, request

from ..queries.paging import Page
from .caching import data_revision

MAX_KEPT = 4096
# Paging and format change the page, never how many rows match.
NOT_FILTERS = frozenset({"cursor", "per_page", "format"})


class Totals:
    def __init__(self, size: int = MAX_KEPT):
        self.size, self.kept, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key, count) -> int:
        with self.lock:
            if key in self.kept:
                self.kept.move_to_end(key)
                return self.kept[key]
        total = count()
        with self.lock:
            self.kept[key] = total
            if len(self.kept) > self.size:
                self.kept.popitem(last=False)
        return total


def _totals() -> Totals:
    return current_app.extensions.setdefault("newsfacts_totals", Totals())


def page_total(page: Page) -> int | None:
    if page.total is not None or page.count is None:
        return page.total
    filters = tuple(sorted((k, v) for k, v in request.args.items(multi=True) if k not in NOT_FILTERS))
    return _totals().get((data_revision(), request.path, filters), page.count)
