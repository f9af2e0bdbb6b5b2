"""Organisation names the text spells out before their acronym in brackets: the brackets tell where
the name begins and ends, and the acronym is one of its names."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,name,alias", [
    # the model cuts a long name at "of": the acronym shows where it ends
    ("Bloc acts\nThe Economic Community of Eastern Coastal States (ECES) suspended Tarvia on Monday. "
     "ECES said the measure would stay.\n", "Economic Community of Eastern Coastal States", "ECES"),
    # an acronym in another language's word order still names it
    ("Coup\nGeneral Ana Bell heads a National Committee for the Defence of the Homeland (CNDP). "
     "The CNDP said on Monday that the borders were shut.\n",
     "National Committee for the Defence of the Homeland", "CNDP"),
    # an office named by its holder keeps its possessive; an acronym from another language
    ("Raid\nThe Veracruz State Attorney General's Office (FGEV) said on Monday that it had arrested "
     "two suspects. The FGEV said more arrests would follow.\n",
     "Veracruz State Attorney General's Office", "FGEV"),
    # a name ending on a lower-case "party"; a party acronym that is also a place's name
    ("Vote\nThe motion was backed by the Popular Renewal party (PRP). The PRP said it would vote "
     "again.\n", "Popular Renewal party", "PRP"),
    ("Vote\nThe motion was tabled by the Alliance for the Union of Romanians (AUR). AUR said the "
     "vote would pass.\n", "Alliance for the Union of Romanians", "AUR"),
    # a title word opening the name does not make it a person
    ("Crime\nTarsk recorded 900 homicides, according to the Executive Secretariat of the Public "
     "Security Board (ESPSB).\n", "Executive Secretariat of the Public Security Board", "ESPSB"),
])
def test_name_before_its_acronym_is_one_organisation(extract, text, name, alias):
    actors = {a.name: a for a in extract(text).actors}
    assert name in actors, sorted(actors)
    assert actors[name].kind != "person"
    assert alias in actors[name].aliases


@pytest.mark.parametrize("text,absent", [
    # a dateline's credit and an acronym whose letters are not the words' initials name nothing
    ("Shelling\nYEREVAN, Armenia (AP) — Shells hit two villages on Monday, the ministry said.\n",
     {"Yerevan, Armenia", "Armenia (AP"}),
    ("Shelling\nThe report by Mark Hill (UNDP) was published on Monday.\n", {"Mark Hill (UNDP"}),
])
def test_no_name_from_a_bracket_that_is_no_acronym_of_it(extract, text, absent):
    assert not {a.name for a in extract(text).actors} & absent


@pytest.mark.parametrize("text,present,absent", [
    # a name printed with a lower-case "party" runs through it
    ("Vote\nMost of the ruling Social Liberal party stayed away from the vote.\n",
     {"Social Liberal party"}, {"Social Liberal"}),
    ("Vote\nMost of the governing Popular Unity party boycotted the ballot on Monday.\n",
     {"Popular Unity party"}, {"Popular Unity"}),
])
def test_the_noun_after_a_name_tells_what_it_names(extract, text, present, absent):
    names = {a.name for a in extract(text).actors}
    assert present <= names and not names & absent, names
