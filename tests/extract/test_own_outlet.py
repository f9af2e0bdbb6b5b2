"""The article's own outlet, from its wire credit, is no actor and no source (CONVENTIONS)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,outlet", [
    ("Fighting\nTARSK (AP) — Shelling hit the port on Monday.\nThe clashes have killed 45 people, "
     "according to an AP tally.\n", "Associated Press"),
    ("Fighting\nTARSK, March 3 (Reuters) - Shelling hit the port on Monday.\nThe clashes have killed "
     "45 people, according to a Reuters count.\n", "Reuters"),
    ("Fighting\nShelling hit the port on Monday. The clashes have killed 45 people, according to an "
     "AFP tally. — AFP\n", "Agence France-Presse"),
])
def test_the_credited_outlet_is_no_actor_and_no_speaker(extract, text, outlet):
    ex = extract(text)
    assert outlet not in {a.name for a in ex.actors}
    assert not ex.statements
    assert all(f.source is None for f in ex.figures if f.value == 45)


def test_another_outlet_cited_is_still_a_source(extract):
    ex = extract("Fighting\nTARSK (AP) — Shelling hit the port on Monday.\nThe clashes have killed 45 "
                 "people, Reuters reported.\n")
    names = {a.key: a.name for a in ex.actors}
    assert "Reuters" in [names[s.speaker] for s in ex.statements]
