""""The regime", "the junta": a definite noun that refers back to the state last named, for a
speaker and for whose count a figure is."""
from __future__ import annotations

import pytest


def _named(ex):
    return {a.key: a.name for a in ex.actors}


@pytest.mark.parametrize("text,value,subject", [
    ("Strikes\nChile's army has bombed 40 villages this year. The regime has carried out more "
     "than 900 airstrikes since the coup, an opposition spokesman said.\n", 900, "Chile"),
    ("Strikes\nPeru's army shelled the border town on Monday. The junta fired 60 rockets, "
     "residents said.\n", 60, "Peru"),
])
def test_a_referring_noun_is_the_subject_of_its_count(extract, text, value, subject):
    ex = extract(text)
    names = _named(ex)
    assert (value, subject) in [(f.value, names.get(f.subject)) for f in ex.figures]


def test_a_referring_noun_prefers_the_actor_it_names(extract):
    ex = extract("Quake\nThe toll rose to 212, the interior ministry said. Chile asked for help. "
                 "Most of the dead were in the north, where 150 people died, the ministry said.\n")
    names = _named(ex)
    assert ("Interior Ministry") in {names.get(f.source) for f in ex.figures if f.value == 150}


def test_the_junta_speaks_for_its_state(extract):
    ex = extract("Strikes\nPeru's army shelled the border town on Monday. The junta said the "
                 "town was held by rebels.\n")
    names = _named(ex)
    assert ("Peru", "the town was held by rebels") in [(names[s.speaker], s.text) for s in ex.statements]
