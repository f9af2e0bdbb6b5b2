"""Event triggers, dates and in-document dedupe on sentences written for these tests."""
from datetime import date

import pytest

from api.extract.events import find_events
from api.extract.text import parse

PUB = date(2025, 3, 10)   # a Monday


def events(text):
    return [(e.kind, e.date) for e in find_events(parse("Headline\n" + text, PUB), ())]


@pytest.mark.parametrize("text,expected", [
    ("Gondor and Rohan signed a defence pact in May 2023.", [("treaty_signed", "2023-05")]),
    ("Both parliaments ratified the accord last December.", [("treaty_ratified", "2024-12")]),
    ("The agreement entered into force on 1 February 2025.", [("treaty_in_force", "2025-02-01")]),
    ("The leaders held a summit in Minas Tirith last week.", [("summit", "2025-03")]),
    ("Mordor's invasion of Gondor in March 2019 shocked the world.", [("invasion", "2019-03")]),
    ("Rohan's forces launched an incursion into the Eastfold region last August.",
     [("incursion", "2024-08")]),
    ("On Saturday the army declared the complete liberation of the river district.", [("liberation", None)]),
    ("The army completed the liberation of the town on Saturday.", [("liberation", "2025-03-08")]),
    ("The minister pledged full support for the campaign on Friday.", [("pledge", "2025-03-07")]),
    ("Officials refrained from confirming the deployment of troops.", []),
    ("“We will defend every village,” the general said on Sunday.", []),
])
def test_triggers(text, expected):
    assert events(text) == expected


def test_date_behind_another_trigger_is_not_taken():
    got = events("The pact was signed after the army launched an incursion into the north in July 2024.")
    assert ("incursion", "2024-07") in got and ("treaty_signed", None) in got


def test_one_event_per_document():
    text = ("The treaty was ratified in June 2024. Critics said the ratification was rushed. "
            "The ratification was welcomed abroad.")
    assert events(text) == [("treaty_ratified", "2024-06")]


@pytest.mark.parametrize("text,location", [
    ("Rohan's forces launched an incursion into the Eastfold region last August.", "Eastfold region"),
    ("Gondor and Rohan signed a defence pact in May 2023.", None),
])
def test_location_is_a_place_never_a_date(text, location):
    (event,) = find_events(parse("Headline\n" + text, PUB), ())
    assert event.location == location
