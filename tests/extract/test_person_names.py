"""Person names the model cuts or mislabels, made whole where a title stands before them."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,name,absent", [
    # a long name after a title: the model tags only its last words
    ("Schools shut\nTarsk Mayor Lucia Ferro Acosta said classes had been suspended on Monday.\n",
     "Lucia Ferro Acosta", {"Acosta", "Ferro Acosta"}),
    # a double surname used alone later is the same person
    ("Bloc acts\nBloc Commission President Ezequiel Ondo Mba told reporters the bloc acted. "
     "\"Order must be restored,\" Ondo Mba said.\n", "Ezequiel Ondo Mba", {"Ondo Mba"}),
    # a name in apposition to a title, read by the model as a nationality or a place
    ("Floods\nThe UN Resident Coordinator in Tarvia, Marguerite Ostby, said: \"Families have lost "
     "everything.\"\n", "Marguerite Ostby", set()),
    ("Vote\nThe party's leader, Sorin Dumitrescu, hailed the vote and demanded a new cabinet.\n",
     "Sorin Dumitrescu", set()),
    # a place and a title before a name do not join it
    ("Raid\nTarsk Gov. Rafael Quintero said on Tuesday that 600 troops had arrived.\n",
     "Rafael Quintero", {"Tarsk Gov. Rafael Quintero"}),
])
def test_person_names_made_whole(extract, text, name, absent):
    ex = extract(text)
    names = {a.name for a in ex.actors}
    assert name in names and not names & absent, names
    assert any(s.speaker == next(a.key for a in ex.actors if a.name == name) for s in ex.statements)
