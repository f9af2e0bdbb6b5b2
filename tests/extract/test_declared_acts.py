"""What is declared or conceded as an act ("declared three days of mourning", "conceded defeat")
is no speech content, and a verb coordinated with the act is a second act, not its content."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Floods\nPresident Ana Vale declared three days of national mourning on Saturday and ordered the "
    "army to deploy rescue teams.\n",
    "Vote\nCandidate Ivo Marek conceded defeat on Monday and congratulated his rival.\n",
    "Floods\nPresident Ana Vale declared a state of emergency in the north.\n",
])
def test_a_declared_act_is_no_statement(extract, text):
    assert not extract(text).statements


def test_a_declared_clause_is_a_statement(extract):
    ex = extract("Floods\nPresident Ana Vale declared that the floods were over.\n")
    assert ["the floods were over"] == [s.text for s in ex.statements]
