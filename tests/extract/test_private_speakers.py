"""Private people speak for no one: "analysts in Lima", "a shopkeeper in Las Palmas" name a place,
not an actor, and a later "she said" is that unnamed person, not the last named official."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("body,unwanted", [
    ("Peru's cabinet resigned on Monday. Analysts in Lima said a caretaker government could stay for "
     "months.", "Peru"),
    ("Governor Rita Moss said schools would reopen on Monday. A shopkeeper in the old town said she had "
     "closed early. \"We hear shots every night,\" she said.", "Rita Moss"),
])
def test_private_people_speak_for_no_actor(extract, body, unwanted):
    ex = extract(f"City news\n{body}\n")
    names = {a.key: a.name for a in ex.actors}
    spoken = [(names.get(s.speaker), s.text) for s in ex.statements]
    theirs = [t for n, t in spoken if n == unwanted]
    assert not [t for t in theirs if "caretaker" in t or "shots" in t or "closed" in t], spoken
