"""Numbers as news writes them, to base units."""
import pytest

from api.extract.numbers import find_numbers, words_value


@pytest.mark.parametrize("text,expected", [
    ("budgets of more than $20 billion", [("$20 billion", 20e9, "USD")]),
    ("a fund of US$5m", [("US$5m", 5e6, "USD")]),
    ("about €3.5 billion in loans", [("€3.5 billion", 3.5e9, "EUR")]),
    ("12,500 refugees", [("12,500", 12500, None)]),
    ("some 2K volunteers", [("2K", 2000, None)]),
    ("6 million residents", [("6 million", 6e6, None)]),
    ("ten thousand marchers", [("ten thousand", 10000, None)]),
    ("two hundred and five ships", [("two hundred and five", 205, None)]),
    ("up to half of the grain", [("half", 0.5, "fraction")]),
    ("two-thirds of voters", [("two-thirds", 0.666666, "fraction")]),
    ("a quarter of the budget", [("a quarter", 0.25, "fraction")]),
    ("unemployment at 40% and 3.5 percent", [("40%", 0.4, "fraction"), ("3.5 percent", 0.035, "fraction")]),
    ("the second half of the season", []),
    ("at 10:50 on the 38th day, an F-16 and a G7 summit", []),
    ("400 dollars", [("400 dollars", 400, "USD")]),
    ("a budget of 50 billion shekels", [("50 billion shekels", 50e9, "ILS")]),
    ("an estimated 7,000 to 8,000 sailors", [("7,000 to 8,000", 7000, None)]),
    ("between 20 and 30 percent of ships", [("20 and 30 percent", 0.2, "fraction")]),
    ("3 to 4 million barrels", [("3 to 4 million", 3e6, None)]),
    ("one in three ballots", [("one in three", 1 / 3, "fraction")]),
    ("two out of every five farms", [("two out of every five", 0.4, "fraction")]),
    ("5 and 6 ships", [("5", 5, None), ("6", 6, None)]),
])
def test_find_numbers(text, expected):
    got = [(n.span.text, n.value, n.unit) for n in find_numbers(text)]
    assert len(got) == len(expected)
    for (t, v, u), (et, ev, eu) in zip(got, expected, strict=True):
        assert (t, u) == (et, eu) and v == pytest.approx(ev)


@pytest.mark.parametrize("phrase,value", [
    ("twenty-one", 21), ("three million", 3e6), ("one hundred thousand", 1e5), ("a dozen", 12), ("seven", 7),
])
def test_words_value(phrase, value):
    assert words_value(phrase) == value


def test_range_keeps_its_upper_bound():
    (n,) = find_numbers("roughly 11 to 12 thousand sailors")
    assert (n.value, n.high) == (11000, 12000)
