"""Cross-document event merging: one happening reported by several documents is one event,
whatever the order the documents come in."""
import random

import pytest

from api.extract.merge import Mention, cluster_mentions, cluster_traced, pick_date


def m(doc, kind, date, actors=("freedonia",), agents=1, frame=None, location=None, series=None, start=0):
    return Mention(doc, start, kind, frame or kind, date, tuple(actors), agents, location, series)


def groups(mentions):
    """Clusters as sets of (document, kind) pairs, independent of list positions."""
    return sorted(sorted((mentions[i].document, mentions[i].kind) for i in g)
                  for g in cluster_mentions(mentions))


@pytest.mark.parametrize("mentions,expected", [
    # one summit told by two outlets, one gives the month, the other only the year
    ([m("a", "summit", "2024-06", ("freedonia", "sylvania")), m("b", "summit", "2024", ("sylvania",))],
     [[("a", "summit"), ("b", "summit")]]),
    # "Sunday" in one report, "Monday" in another: one pledge a day apart
    ([m("a", "pledge", "2025-04-27"), m("b", "pledge", "2025-04-28")], [[("a", "pledge"), ("b", "pledge")]]),
    # four days apart: two pledges
    ([m("a", "pledge", "2025-04-24"), m("b", "pledge", "2025-04-28")],
     [[("a", "pledge")], [("b", "pledge")]]),
    # another kind is another event
    ([m("a", "summit", "2024-06"), m("b", "invasion", "2024-06")], [[("a", "summit")], [("b", "invasion")]]),
    # an undated report joins the dated event it shares participants with
    ([m("a", "deployment", None), m("b", "deployment", "2025-01")],
     [[("a", "deployment"), ("b", "deployment")]]),
    # two mentions in one document are two events: the extractor already merged its own
    ([m("a", "casualties", None), m("a", "casualties", None, start=50)],
     [[("a", "casualties")], [("a", "casualties")]]),
    # another speaker's confirmation is another confirmation
    ([m("a", "confirmation", None, ("ruritania",)), m("b", "confirmation", None, ("borduria",))],
     [[("a", "confirmation")], [("b", "confirmation")]]),
    # talks ("other") and a summit are one meeting when dates and people fit; the summit names it
    ([m("a", "other", None, ("king",), frame="meeting"), m("b", "summit", "2023-09", ("king", "queen"),
                                                        frame="meeting")],
     [[("a", "other"), ("b", "summit")]]),
    # a meeting and an attack on the same day are different happenings
    ([m("a", "other", "2025-05-16", frame="meeting"), m("b", "other", "2025-05-16", frame="attack")],
     [[("a", "other")], [("b", "other")]]),
    # no shared participant, different months: apart
    ([m("a", "incursion", "2024-08", ("gondor",)), m("b", "incursion", "2024-09", ("rohan",))],
     [[("a", "incursion")], [("b", "incursion")]]),
    # stages of one agreement named alike join although the parties are named differently
    ([m("a", "treaty_signed", None, ("ruritania",), series="Friendship Treaty"),
      m("b", "treaty_signed", "2024-06", ("king",), series="friendship treaty")],
     [[("a", "treaty_signed"), ("b", "treaty_signed")]]),
])
def test_cluster_rules(mentions, expected):
    assert groups(mentions) == expected


def test_the_order_of_the_mentions_never_changes_the_events():
    corpus = [m("a", "summit", "2024-06", ("x", "y")), m("b", "summit", None, ("y",)),
              m("c", "summit", "2024", ("x",)), m("a", "pledge", "2025-04-27", ("x",)),
              m("b", "pledge", "2025-04-28", ("x",)), m("c", "pledge", None, ("z",)),
              m("d", "pledge", "2025-04-28", ("x",)), m("d", "summit", "2023-09", ("y",))]
    orders = [random.Random(seed).sample(corpus, len(corpus)) for seed in range(300)]
    outcomes = {repr(groups(order)) for order in orders}
    assert len(outcomes) == 1


@pytest.mark.parametrize("dates,expected", [
    ([("2024", "year"), ("2024-06", "month"), (None, None)], ("2024-06", "month")),
    ([("2025-04-27", "day"), ("2025-04-28", "day"), ("2025-04-28", "day")], ("2025-04-28", "day")),
    ([(None, None)], (None, None)),
])
def test_pick_date(dates, expected):
    assert pick_date(dates) == expected


def _random_mentions(rng: random.Random, n: int) -> list[Mention]:
    """Reports of few happenings by several documents: dates of every precision, a day apart across
    a month's and a year's end, undated ones; shared and differing participants, places, names."""
    days = ["2024-12-31", "2025-01-01", "2025-01-02", "2025-03-31", "2025-04-01", "2025-04-27", "2025-04-28"]
    dates = days + ["2024-12", "2025-01", "2025-04", "2024", "2025", None, None, None]
    kinds = [("pledge", "pledge"), ("other", "meeting"), ("summit", "meeting"), ("deployment", "deployment"),
             ("treaty_signed", "agreement"), ("other", "agreement")]
    out = []
    for i in range(n):
        kind, frame = rng.choice(kinds)
        actors = tuple(rng.sample(["x", "y", "z", "x-envoy", "w"], rng.randint(0, 3)))
        out.append(Mention(rng.choice("abcdefgh"), i * 10, kind, frame, rng.choice(dates), actors,
                           rng.randint(0, len(actors)), rng.choice([None, None, "Geneva", "Vienna"]),
                           rng.choice([None, None, "Friendship Treaty", "Border Accord"]),
                           rng.choice([None, "2025-01-03", "2025-04-29", "2025-09-01"])))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_looking_up_events_by_date_participant_name_and_place_finds_what_comparing_all_finds(seed):
    """Each mention is compared only with the events its date, participants, agreement name or place
    could fit (an index): the events must be those a comparison with every event gives."""
    rng = random.Random(seed)
    mentions = _random_mentions(rng, rng.randint(5, 60))
    affiliation = {"x-envoy": "x"}
    assert cluster_mentions(mentions, affiliation) == cluster_mentions(mentions, affiliation, indexed=False)


@pytest.mark.parametrize("seed", range(30))
def test_replaying_a_clustering_with_documents_added_removed_or_changed_gives_a_fresh_one(seed):
    """Documents come one at a time (a few replaced, a report changed, a participant's country learnt);
    each clustering replays the one before (cluster_traced): it must equal clustering from scratch."""
    rng = random.Random(seed)
    pool = _random_mentions(rng, 120)
    ids: dict[tuple, int] = {}                        # a stable id per mention, as rows have
    stored: list[Mention] = []
    trace, affiliation = None, {"x-envoy": "x"}
    for step in range(12):
        doc = "abcdefgh"[step % 8]
        if step >= 8 and rng.random() < 0.5:          # the document again, with other mentions
            stored = [m for m in stored if m.document != doc]
        stored += [m._replace(document=doc) for m in pool[step * 10:(step + 1) * 10:3]]
        if step == 6:
            affiliation = {"x-envoy": "x", "w": "y"}
        if step in (5, 9) and stored:                  # a report read again says something else
            k = rng.randrange(len(stored))
            stored[k] = stored[k]._replace(date=rng.choice([None, "2025-04-28", "2025"]),
                                           actors=tuple(rng.sample(["x", "y", "z"], 2)))
        keys = [ids.setdefault((m.document, m.start), len(ids)) for m in stored]
        got, trace = cluster_traced(stored, affiliation, keys, trace)
        assert got == cluster_mentions(stored, affiliation, indexed=False), f"step {step}"
