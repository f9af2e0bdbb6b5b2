"""Weapons launched from territory an actor holds ("from Hamas-controlled areas of X", "from
Houthi-held districts") are that actor's, not the state the territory lies in."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,value,subject", [
    ("Attack\nTwo cruise missiles and one ballistic missile were launched from Houthi-controlled areas of "
     "Yemen late Tuesday, the US military said.\n", 2, "Houthis"),
    ("Attack\nIsrael said 12 rockets were fired from Hezbollah-held villages in Lebanon on Monday.\n",
     12, "Hezbollah"),
])
def test_weapons_from_held_territory_are_the_holders(extract, text, value, subject):
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    assert (value, subject) in [(f.value, names.get(f.subject)) for f in ex.figures]
