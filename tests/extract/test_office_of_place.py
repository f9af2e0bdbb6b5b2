"""An unnamed office-holder of a place ("the governor of the Arequipa region", "its governor")
speaks for the state the place is a division of, where the text names that state (CONVENTIONS:
unnamed groups map to what they belong to)."""
from __future__ import annotations

import pytest


def _statements(ex):
    names = {a.key: a.name for a in ex.actors}
    return [(names[s.speaker], s.text) for s in ex.statements]


@pytest.mark.parametrize("text,speaker,quote", [
    ("Floods\nPeru declared an emergency on Monday. The governor of the southern region of Arequipa "
     "said the river had burst its banks.\n", "Peru", "the river had burst its banks"),
    ("Floods\nPeru declared an emergency on Monday. The governors of the Cusco and Loreto regions "
     "reported no casualties.\n", "Peru", "no casualties"),
    ("Floods\nPeru declared an emergency on Monday. Roads were cut in the region of Cusco, its governor "
     "said. Two bridges collapsed, he said.\n", "Peru", "Two bridges collapsed"),
])
def test_an_unnamed_official_of_a_place_speaks_for_its_state(extract, text, speaker, quote):
    assert (speaker, quote) in _statements(extract(text))


def test_no_state_named_no_speaker(extract):
    ex = extract("Floods\nThe governor of the southern region of Arequipa said the river had burst.\n")
    assert not ex.statements
