"""An ongoing happening is dated by its start where the text tells it; a toll over the period is not."""
from __future__ import annotations

import pytest

# published 2025-03-12 (conftest.PUBLISHED)


def _events(ex):
    return [(e.kind, e.date) for e in ex.events]


@pytest.mark.parametrize("text,kind,date", [
    ("Toll\nAt least 900 people have been killed in Ruritania's offensive in Tarsk since Jan. 4, "
     "officials said.\n", "offensive", "2025-01-04"),
    ("Border\nThe exchanges of fire, which began on Oct. 8, have killed more than 45 people.\n",
     "other", "2024-10-08"),
    ("Sudan\nThe militia has been at war with the army since April last year.\n", "other", "2024-04"),
    ("Siege\nThe siege of Tarsk, which began in June last year, has cut the city off.\n",
     "other", "2024-06"),
])
def test_an_ongoing_happening_is_dated_by_its_start(extract, text, kind, date):
    assert (kind, date) in _events(extract(text))


@pytest.mark.parametrize("text", [
    "Strikes\nBorduria has fired at least 40 missiles at Ruritania since Dec. 30, in strikes that "
    "have killed 12 civilians.\n",
    "Talks\nThe war has dragged on, the minister said.\n",
])
def test_a_tally_or_an_undated_state_gives_no_start(extract, text):
    ex = extract(text)
    assert not any(e.date and e.date.startswith("2024-12-30") for e in ex.events if e.frame != "attack")
    assert not any(e.frame == "conflict" for e in ex.events)


def test_a_toll_in_an_offensive_is_not_dated_by_its_start(extract):
    ex = extract("Toll\nAt least 900 people have been killed in Ruritania's offensive in Tarsk since "
                 "Jan. 4, officials said.\n")
    assert not any(e.kind == "casualties" and e.date == "2025-01-04" for e in ex.events)
