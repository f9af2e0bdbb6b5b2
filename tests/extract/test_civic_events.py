"""Events of politics, crime and disasters (beyond war): what blocs, governments and parties do,
dated where the text dates them; what is only demanded has not happened."""
from datetime import date

import pytest

from api.extract.events import find_events
from api.extract.text import parse

PUB = date(2025, 3, 10)   # a Monday
LEAD = "Headline\nThe region is calm.\n"   # a lead with no event, so the rules for leads stay out


def events(text):
    return [(e.kind, e.date) for e in find_events(parse(LEAD + text, PUB), ())]


@pytest.mark.parametrize("text,expected", [
    # a bloc suspends a member; a government collapses; an office taken; a term won
    ("The regional bloc suspended Tarvia on Thursday over the coup.", [("other", "2025-03-06")]),
    ("The government of Tarvia collapsed on Tuesday after a long crisis.", [("other", "2025-03-04")]),
    ("Lena Vok, who took office in December 2023, leads the cabinet.", [("other", "2023-12")]),
    ("Ivo Marr won a second term in 2022 with most of the votes.", [("other", "2022")]),
    ("Gormland pulled its last 800 soldiers out of Tarvia in January 2024.", [("other", "2024-01")]),
    # a toll revised
    ("The ministry said on Friday it had revised the death toll to 40.", [("other", "2025-03-07")]),
    # crime: gunfights on a day
    ("Gunfights spread to three more districts on Sunday.", [("other", "2025-03-09")]),
    # disasters: a flood, a storm, rain measured on a day
    ("Floods in the same valley in June 2022 affected about two million people.", [("other", "2022-06")]),
    ("More than 200 millimetres of rain fell in 12 hours on Sunday.", [("other", "2025-03-09")]),
    ("A cyclone made landfall near the port on Saturday.", [("other", "2025-03-08")]),
    # what may happen, or is forecast, has not happened
    ("The delta is prone to floods and landslides.", []),
    ("The weather office forecast heavy rain for the coast.", []),
    # asked for is not held
    ("The opposition leader demanded early elections.", []),
    ("Protesters urged talks with the unions.", []),
])
def test_civic_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a clause and the when-clause that times it share the when-clause's date, and back
    ("Two guards were killed and one was wounded when rebels opened fire on the post late Tuesday, "
     "the ministry said on Wednesday.", ("casualties", "2025-03-04")),
    ("The unrest began late Saturday when gunmen attacked a depot in the port.", ("other", "2025-03-08")),
])
def test_a_when_clause_shares_its_time(text, expected):
    assert expected in events(text)
