"""A body's name set off by commas at the end of a described subject names the speaker, wherever
the parser hangs it ("The United Nations agency for Palestinian refugees, UNRWA, said")."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,speaker", [
    ("Aid\nThe United Nations agency for Palestinian refugees, UNRWA, said 159 aid trucks entered "
     "Gaza in February.\n", "UNRWA"),
    ("Aid\nThe United Nations agency for refugees, UNHCR, said 2,000 people crossed the border.\n",
     "UN Refugee Agency"),
])
def test_the_closing_apposition_speaks(extract, text, speaker):
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    assert [speaker] == [names[s.speaker] for s in ex.statements]
