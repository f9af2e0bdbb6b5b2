"""Date phrases resolved against a publication date, as tables."""
from datetime import date

import pytest

from api.extract.dates import find_dates, resolve

MON = date(2025, 4, 28)      # a Monday
SAT = date(2024, 11, 9)      # a Saturday


@pytest.mark.parametrize("phrase,published,expected", [
    ("June 2024", MON, ("2024-06", "month")),
    ("Sept. 2023", MON, ("2023-09", "month")),
    ("April 26", MON, ("2025-04-26", "day")),
    ("December 30", date(2025, 1, 3), ("2024-12-30", "day")),
    ("26 April 2025", MON, ("2025-04-26", "day")),
    ("March 3, 2021", MON, ("2021-03-03", "day")),
    ("2024", MON, ("2024", "year")),
    ("2025-02-14", None, ("2025-02-14", "day")),
    ("last August", MON, ("2024-08", "month")),
    ("last April", MON, ("2024-04", "month")),
    ("last December", MON, ("2024-12", "month")),
    ("this June", MON, ("2025-06", "month")),
    ("earlier this month", MON, ("2025-04", "month")),
    ("last month", MON, ("2025-03", "month")),
    ("last year", MON, ("2024", "year")),
    ("this year", SAT, ("2024", "year")),
    ("next year", SAT, ("2025", "year")),
    ("last week", MON, ("2025-04", "month")),
    ("Saturday", MON, ("2025-04-26", "day")),
    ("Monday", MON, ("2025-04-28", "day")),
    ("Sunday", MON, ("2025-04-27", "day")),
    ("Tuesday", MON, ("2025-04-22", "day")),
    ("last Monday", MON, ("2025-04-21", "day")),
    ("Saturday", SAT, ("2024-11-09", "day")),
    ("today", MON, ("2025-04-28", "day")),
    ("yesterday", MON, ("2025-04-27", "day")),
    ("in March", MON, ("2025-03", "month")),
    ("in October", MON, ("2024-10", "month")),
    ("blue", MON, None),
    ("Saturday", None, None),
    ("two weeks ago", MON, ("2025-04", "month")),
    ("3 days ago", MON, ("2025-04-25", "day")),
    ("six months ago", MON, ("2024-10", "month")),
    ("a year ago", MON, ("2024", "year")),
    # a relative phrase resolves as a whole: "June last year" is a month of last year
    ("June last year", MON, ("2024-06", "month")),
    ("in October last year", MON, ("2024-10", "month")),
    ("March this year", SAT, ("2024-03", "month")),
    ("overnight", MON, ("2025-04-28", "day")),
    ("the past day", MON, ("2025-04-28", "day")),
    ("last night", MON, ("2025-04-27", "day")),
])
def test_resolve(phrase, published, expected):
    assert resolve(phrase, published) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The ministry said on Friday that talks ended in May 2023.",
     [("Friday", "2025-04-25"), ("May 2023", "2023-05")]),
    ("Envoys met last July and again on 3 February.",
     [("last July", "2024-07"), ("3 February", "2025-02-03")]),
    ("Exports rose 2024 percent, to $2024 million, in 2019.", [("2019", "2019")]),
    ("Officials may 5 times reconsider.", []),
    ("The accord took effect last week.", [("last week", "2025-04")]),
    ("It was the first war since the 1950-53 conflict and the 2014–15 fighting.", []),
    ("Held since early 2023, they were freed.", [("2023", "2023")]),
    ("Shells were fired since Nov. 14, officials said.", [("Nov. 14", "2024-11-14")]),
])
def test_find_dates(sentence, expected):
    got = [(d.span.text, d.value) for d in find_dates(sentence, 0, len(sentence), MON)]
    assert got == expected


def test_offsets_are_document_offsets():
    text = "Intro. It happened on Sunday."
    (d,) = find_dates(text, 7, len(text), MON)
    assert text[d.span.start:d.span.end] == "Sunday" and d.precision == "day"
