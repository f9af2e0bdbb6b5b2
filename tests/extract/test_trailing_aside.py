"""A trailing "X says" set off by commas is a speech act even where the parser hangs it inside
the clause it tells."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,speaker,quote", [
    ("Quake\nThe number of people killed in the earthquake that struck northern Chile late on Sunday "
     "has risen to 2,310, the interior ministry says, with another 3,100 injured, 900 of them critically.\n",
     "Interior Ministry",
     "The number of people killed in the earthquake that struck northern Chile late on Sunday has "
     "risen to 2,310"),
    ("Blast\nThe number of people killed in the blast that hit central Tarsk late on Friday has risen to "
     "312, the health ministry says, with another 259 injured, 104 of them critically.\n",
     "Health Ministry",
     "The number of people killed in the blast that hit central Tarsk late on Friday has risen to 312"),
])
def test_a_trailing_attribution_tells_the_clause_before_it(extract, text, speaker, quote):
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    assert (speaker, quote) in [(names[s.speaker], s.text) for s in ex.statements]


@pytest.mark.parametrize("text,quotes", [
    ("Raid\nGeneral Ana Vale said Borduria fired 20 rockets. None of the rockets reached the city, she "
     "said, and only two shells struck the port, lightly damaging a warehouse.\n",
     ["None of the rockets reached the city",
      "only two shells struck the port, lightly damaging a warehouse"]),
])
def test_a_clause_coordinated_after_the_aside_is_a_second_telling(extract, text, quotes):
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    told = [(names[s.speaker], s.text) for s in ex.statements]
    assert all(("Ana Vale", q) in told for q in quotes)
