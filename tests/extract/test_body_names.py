"""Names of bodies the model cuts at a joining word or reads as another body."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,name,alias,absent", [
    # a named organisation's own body is one name, not the organisation and the UN's council
    ("Suspension\nThe African Union's Peace and Security Council said on Wednesday that it had "
     "suspended Tarvia.\n", "African Union Peace and Security Council", "Peace and Security Council",
     {"UN Security Council", "African Union"}),
    # a name joined by "and"; a country's ministry is also named without its country
    ("Floods\nKenya's Ministry of Water Management and Relief said on Monday it had revised the "
     "toll.\n", "Kenyan Ministry of Water Management and Relief", "Ministry of Water Management and Relief",
     set()),
    # a demonym before a federation's name: that country's own society
    ("Clashes\nAt least 11 people were killed, according to the Chadian Red Cross.\n",
     "Chadian Red Cross", None, {"International Committee of the Red Cross"}),
])
def test_body_names(extract, text, name, alias, absent):
    actors = {a.name: a for a in extract(text).actors}
    assert name in actors and not set(actors) & absent, sorted(actors)
    assert alias is None or alias in actors[name].aliases


@pytest.mark.parametrize("text,present,absent", [
    # a body's name shortened to its last word is that body
    ("Troops arrive\nGovernor Rita Moss said on Tuesday that 600 more Coastal Guard troops had been "
     "deployed, bringing the number of Guard personnel in the port to 2,100.\n",
     {"Coastal Guard"}, {"Guard"}),
    # a street's name read as a person, a tax read as an organisation: no actors
    ("Shooting\nA girl was hit by a stray bullet outside a pharmacy on Calle Morelos, police said.\n",
     set(), {"Calle Morelos"}),
    ("Budget\nThe package would have raised VAT from 19% to 21%, the finance minister said.\n",
     set(), {"VAT"}),
])
def test_short_forms_and_things_named_like_bodies(extract, text, present, absent):
    names = {a.name for a in extract(text).actors}
    assert present <= names and not names & absent, names


@pytest.mark.parametrize("text,name", [
    # a name after an outlet noun is a news outlet, even where the model reads a person
    ("Clashes\nSecurity Secretary Hugo Ramos told the Lima daily Reforma that the clashes stemmed "
     "from a split.\n", "Reforma"),
    ("Clashes\nThe minister told the newspaper Diario Norte on Monday that two cells were active.\n",
     "Diario Norte"),
])
def test_outlet_named_after_its_noun(extract, text, name):
    actors = {a.name: a for a in extract(text).actors}
    assert name in actors and actors[name].kind == "media", sorted(actors)
