"""Cross-document event matching: one event reported by two documents is one event."""
import pytest

from api.extract.merge import StoredEvent, match_event, pick_date
from api.extract.types import Event, Span

EV = Span(0, 4, "text")


def ev(kind, date, actors=("freedonia",), series=None):
    return Event(kind=kind, title=kind, evidence=EV, date=date, precision=None, actors=actors, series=series)


def test_two_documents_merge_into_one_event_with_two_mentions():
    stored, mentions = [], {}
    for doc, event in (("a", ev("summit", "2024-06", ("freedonia", "sylvania"))),
                       ("b", ev("summit", "2024", ("sylvania",)))):
        sid, conflict = match_event(event, frozenset(event.actors), stored)
        assert conflict is None
        if sid is None:
            sid = len(stored)
            stored.append(StoredEvent(sid, event.kind, event.date, frozenset(event.actors), event.series))
        mentions.setdefault(sid, []).append(doc)
    assert mentions == {0: ["a", "b"]}


@pytest.mark.parametrize("stored,event,expected", [
    (StoredEvent(1, "pledge", "2025-04-27", frozenset({"freedonia"}), None), ev("pledge", "2025-04-28"),
     (1, "date: 2025-04-27 vs 2025-04-28")),
    (StoredEvent(1, "pledge", "2025-04-24", frozenset({"freedonia"}), None), ev("pledge", "2025-04-28"),
     (None, None)),
    (StoredEvent(1, "summit", "2024-06", frozenset({"freedonia"}), None),
     ev("invasion", "2024-06"), (None, None)),
    (StoredEvent(1, "treaty_ratified", "2024-11", frozenset({"freedonia"}), "treaty"),
     ev("treaty_ratified", "2024-11-09", series="treaty/law"), (None, None)),
    (StoredEvent(1, "deployment", None, frozenset({"freedonia"}), None),
     ev("deployment", "2025-01"), (1, None)),
    (StoredEvent(1, "incursion", "2024-08", frozenset({"gondor"}), None),
     ev("incursion", "2024-08"), (1, None)),
    (StoredEvent(1, "incursion", None, frozenset({"gondor"}), None), ev("incursion", None), (None, None)),
])
def test_match_rules(stored, event, expected):
    assert match_event(event, frozenset(event.actors), [stored]) == expected


@pytest.mark.parametrize("dates,expected", [
    ([("2024", "year"), ("2024-06", "month"), (None, None)], ("2024-06", "month")),
    ([("2025-04-27", "day"), ("2025-04-28", "day"), ("2025-04-28", "day")], ("2025-04-28", "day")),
    ([(None, None)], (None, None)),
])
def test_pick_date(dates, expected):
    assert pick_date(dates) == expected


def test_speaker_check_for_undated_speech():
    stored = [StoredEvent(1, "pledge", "2024-08", frozenset({"freedonia", "minister"}), None)]
    assert match_event(ev("pledge", None, ("king", "freedonia")), frozenset({"king", "freedonia"}),
                       stored, speaker="king") == (None, None)
    assert match_event(ev("pledge", None, ("minister",)), frozenset({"minister"}),
                       stored, speaker="minister") == (1, None)


def test_dated_report_joins_the_dated_event_first():
    stored = [StoredEvent(1, "pledge", None, frozenset({"freedonia", "sylvania", "king"}), None),
              StoredEvent(2, "pledge", "2025-04-27", frozenset({"freedonia"}), None)]
    got = match_event(ev("pledge", "2025-04-28", ("freedonia", "sylvania")),
                      frozenset({"freedonia", "sylvania"}), stored, speaker="freedonia")
    assert got == (2, "date: 2025-04-27 vs 2025-04-28")


def test_month_dated_reports_of_one_occasion_merge_without_shared_names():
    stored = [StoredEvent(1, "incursion", "2024-08", frozenset({"gondor"}), None)]
    assert match_event(ev("incursion", "2024-08-06", ("gondor-army",)), frozenset({"gondor-army"}),
                       stored) == (1, None)
    assert match_event(ev("incursion", "2024", ("gondor-army",)), frozenset({"gondor-army"}),
                       stored) == (None, None)


def test_a_speakers_series_binds_only_undated_speech():
    stored = [StoredEvent(1, "pledge", None, frozenset({"freedonia", "sylvania"}), "sylvania")]
    assert match_event(ev("pledge", None, ("freedonia",), series="freedonia"),
                       frozenset({"freedonia"}), stored) == (None, None)
    stored = [StoredEvent(1, "pledge", "2025-04-27", frozenset({"freedonia"}), "kremlin")]
    assert match_event(ev("pledge", "2025-04-28", ("freedonia",), series="spokesman"),
                       frozenset({"freedonia"}), stored) == (1, "date: 2025-04-27 vs 2025-04-28")
