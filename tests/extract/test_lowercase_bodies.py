"""Institutions named in lower case, as wire copy writes them ("the interior ministry said")."""
from __future__ import annotations

import pytest


def _speakers(ex):
    names = {a.key: a.name for a in ex.actors}
    return [(names[s.speaker], s.text) for s in ex.statements]


@pytest.mark.parametrize("text,name,quote", [
    ("Floods\nThe toll has risen to 212, the interior ministry said on Monday.\n",
     "Interior Ministry", "The toll has risen to 212"),
    ("Strikes\nAt least 40 people were killed in Tarsk, the Tarsk health ministry said.\n",
     "Tarsk Health Ministry", "At least 40 people were killed in Tarsk"),
    ("Vote\nThe ruling party won 61 percent, the national electoral commission said on Sunday.\n",
     "National Electoral Commission", "The ruling party won 61 percent"),
    ("Vote\nThe results were final, the national vote-counting commission said.\n",
     "National Vote-Counting Commission", "The results were final"),
    ("Talks\nPeru's foreign ministry said the envoy had been recalled.\n",
     "Peruvian Foreign Ministry", "the envoy had been recalled"),
])
def test_a_lowercase_body_that_speaks_is_named(extract, text, name, quote):
    ex = extract(text)
    body = next((a for a in ex.actors if a.name == name), None)
    assert body is not None and body.kind == "government_body"
    assert (name, quote) in _speakers(ex)


@pytest.mark.parametrize("text,name,quote", [
    ("Floods\nThe toll has risen to 212, the interior ministry said. The ministry said 30 were missing.\n",
     "Interior Ministry", "30 were missing"),
    ("Vote\nThe count ended, the national electoral commission said. Turnout was 48 percent, "
     "the commission said.\n", "National Electoral Commission", "Turnout was 48 percent"),
])
def test_the_head_noun_alone_refers_back_to_it(extract, text, name, quote):
    assert (name, quote) in _speakers(extract(text))


@pytest.mark.parametrize("text", [
    "Reform\nThe new ministry said it would open in May.\n",
    "Reform\nThe local council said the road would close.\n",
    "Reform\nThe relevant committee said the bill was ready.\n",
])
def test_a_described_body_is_no_name(extract, text):
    assert not any(a.kind == "government_body" for a in extract(text).actors)


def test_a_proper_name_inside_keeps_its_place(extract):
    ex = extract("Raids\nThe SBU security service said it detained three suspects.\n")
    assert not any(a.name.endswith("Security Service") and "SBU" not in a.aliases for a in ex.actors)
