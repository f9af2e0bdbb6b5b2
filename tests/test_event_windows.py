"""A date window lists exactly the events whose period meets it, on SQLite and PostgreSQL, however
the window is read: a short one in id order merges one index run per date it can hold, a longer
one (or one with another filter, or in date order) reads ranges of the index.

Invented dates around the edges a window can cut: month ends, a leap day, the turn of a year,
events dated to a month or a year only, and undated ones.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.extensions import db
from api.models import Event
from api.queries.facts import WINDOW_DAYS, list_events

from .web.conftest_helpers import date_period

DATES = ["2023", "2023-12", "2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-31", "2024-02",
         "2024-02-28", "2024-02-29", "2024-03-01", "2024-03", "2024-05-31", "2024-06", "2024-06-01",
         "2024-06-15", "2024-06-30", "2024-07", "2024-07-01", "2024-08-10", "2024-12", "2024-12-31",
         "2025", "2025-01-01", None]
KINDS = ["summit", "deployment"]

WINDOWS = [("2024-06-01", "2024-06-30"), ("2024-06-15", "2024-06-15"), ("2024-06-30", "2024-07-01"),
           ("2024-02-28", "2024-03-01"), ("2023-12-31", "2024-01-01"), ("2024-12-20", "2025-01-10"),
           ("2024-05-31", "2024-08-01"), ("2024-06-10", "2024-06-05"),
           ("2024-01-01", (date(2024, 1, 1) + timedelta(days=WINDOW_DAYS)).isoformat()),        # merged
           ("2024-01-01", (date(2024, 1, 1) + timedelta(days=WINDOW_DAYS + 1)).isoformat()),    # ranges
           ("2024-01-01", "2024-12-31")]


@pytest.fixture
def dated(app):
    """Two events (of two kinds) for each date; their ids by date."""
    with app.app_context():
        events = [Event(kind=kind, title=f"{kind} {when}", date=when, extractor_version="test", revision=1)
                  for when in DATES for kind in KINDS]
        db.session.add_all(events)
        db.session.commit()
        yield app, [(e.id, e.date, e.kind) for e in events]


def _walk(per_page: int, **filters) -> list[int]:
    ids, cursor = [], None
    while True:
        page = list_events(db.session, cursor=cursor, limit=per_page, **filters)
        ids += [item[0][0] for item in page.items]
        if not page.next_cursor:
            return ids
        cursor = page.next_cursor


@pytest.mark.parametrize(("start", "end"), WINDOWS, ids=[f"{s}..{e}" for s, e in WINDOWS])
@pytest.mark.parametrize("kind", [None, "summit"])
def test_a_window_walks_in_id_order_exactly_the_events_it_meets(dated, start, end, kind):
    app, events = dated
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    expected = [i for i, when, k in events if when and kind in (None, k)
                and date_period(when)[1] >= first and date_period(when)[0] <= last]
    with app.app_context():
        for per_page in (1, 3, 50):
            assert _walk(per_page, date_from=first, date_to=last, kind=kind) == sorted(expected)
        total = list_events(db.session, limit=1, date_from=first, date_to=last, kind=kind).count()
        assert total == len(expected)


def test_a_day_no_calendar_has_is_listed_where_its_text_sorts(dated):
    """The days of a short window are 01 to 31 of each month, as a range read of the text would
    take them: a stored 2024-02-30 is inside the window from February 28 to March 1."""
    app, _ = dated
    with app.app_context():
        odd = Event(kind="summit", title="odd", date="2024-02-30", extractor_version="test", revision=1)
        db.session.add(odd)
        db.session.commit()
        assert odd.id in _walk(2, date_from=date(2024, 2, 28), date_to=date(2024, 3, 1))
        assert odd.id not in _walk(2, date_from=date(2024, 3, 2), date_to=date(2024, 3, 9))
