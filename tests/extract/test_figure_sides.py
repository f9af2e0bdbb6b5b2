"""Figures: whose number it is when the clause names no side (invented sentences)."""
import pytest

from tests.extract.test_figures import figures


# a go-between of the parties is never "the other side" of a fight
@pytest.mark.parametrize("text,subject", [
    ("Ruritania brokered talks between Freedonia and Sylvania. Ruritania said the talks would resume in "
     "Ruritania. Sylvania and Freedonia agreed. Fredonian soldiers fired 40 shells overnight. "
     "The shelling killed five people.", "sylvania"),
    ("Ruritania, which mediated between Freedonia and Sylvania, hosted the talks. Ruritania said "
     "Ruritania would keep trying. Sylvania and Freedonia agreed. Fredonian soldiers fired 40 shells "
     "overnight. The shelling killed five people.", "sylvania"),
    ("Ruritanian mediators met both sides. Ruritania said Ruritania would keep trying. "
     "Sylvania said Sylvania and Freedonia agreed. Fredonian soldiers fired 40 shells overnight. "
     "The shelling killed five people.",
     "sylvania"),
])
def test_a_mediator_is_not_the_other_side(text, subject):
    assert [f.subject for f in figures(text) if f.value == 5] == [subject]


def test_a_mediator_that_attacks_is_a_side():
    text = ("Ruritania brokered talks between Freedonia and Sylvania. Ruritania said the talks would resume "
            "in Ruritania. Ruritania fired 40 shells at Freedonia. Sylvania agreed. "
            "The shelling killed five people.")
    assert [f.subject for f in figures(text) if f.value == 5] == ["freedonia"]


# a bare demonym two states share ("Korean") is the one of them the text has
@pytest.mark.parametrize("text,subject", [
    ("China and North Korea open a bridge\nChina and North Korea opened a new road bridge on Monday. "
     "The bridge is 900 meters long: 400 meters on the Chinese side and 500 meters on the Korean side.\n",
     "North Korea"),
    ("China and South Korea open a bridge\nChina and South Korea opened a new road bridge on Monday. "
     "The bridge is 900 meters long: 400 meters on the Chinese side and 500 meters on the Korean side.\n",
     "South Korea"),
    # "Sudanese" is Sudan's own, not South Sudan's: no side where the text has no Sudan
    ("Chad and South Sudan open a bridge\nChad and South Sudan opened a new road bridge on Monday. "
     "The bridge is 900 meters long: 400 meters on the Chadian side and 500 meters on the Sudanese side.\n",
     None),
])
def test_a_shared_demonym_is_the_state_the_text_has(extract, text, subject):
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    assert [names.get(f.subject) for f in ex.figures if f.value == 500] == [subject]


# people counted as such take the side of the latest people of their kind, not of fighters
@pytest.mark.parametrize("text,subject", [
    ("Fighting hit Freedonia. Freedonia closed its schools. The rebels lost 60 fighters, Freedonia said. "
     "The Relief Agency said 40,000 people had fled.", "freedonia"),
    ("Fighting hit Freedonia. Freedonia closed its schools. The rebels lost 60 fighters, Freedonia said. "
     "The Relief Agency said 400 more fighters had fled.", "rebels"),
])
def test_people_do_not_inherit_the_side_of_fighters(text, subject):
    assert [f.subject for f in figures(text)][-1] == subject


# a duration a deal sets is a term of the deal (a figure with no side); other lengths of time are not
@pytest.mark.parametrize("text,expected", [
    ("Under the agreement, fighting will stop for 90 days.", [(90, "days")]),
    ("The deal requires Sylvania to pull its soldiers back within 30 days.", [(30, "days")]),
    ("Under the truce, Freedonia must withdraw over the next 60 days.", [(60, "days")]),
    ("Freedonia and Sylvania signed a 20-year trade agreement.", [(20, "years")]),
    ("Sylvania has occupied the region for 12 years.", []),
    ("The war has lasted three years.", []),
    ("Officials met for six hours on Sunday.", []),
    ("Freedonia will hold elections within six months, Roe said.", []),
    ("Under the agreement, Freedonia withdrew within 30 days.", []),
])
def test_durations_a_deal_sets(text, expected):
    figs = figures(text)
    assert [(f.value, f.unit) for f in figs] == expected
    assert all(f.subject is None for f in figs)


# the state a named region belongs to (data/place_countries.tsv, from the Factbook) owns what is
# counted there when the clause names no side
PLACE_STORY = ("Ethiopia and Eritrea trade blame\nEritrea accused Ethiopia of shelling its border towns on "
               "Monday, and Ethiopia said Eritrea had fired first. Ethiopia and Eritrea met in Kenya. ")


@pytest.mark.parametrize("text,subject", [
    ("The governor of Gash-Barka said debris damaged windows in 14 houses.", "Eritrea"),
    ("The governor of Afar said debris damaged windows in 14 houses.", "Ethiopia"),
    ("Ethiopian shelling damaged 30 houses in Gash-Barka.", "Eritrea"),
    ("Eritrean shelling damaged 30 houses in Afar.", "Ethiopia"),
    ("Four people were killed in the region of Gash-Barka on Monday.", "Eritrea"),
    ("Eritrean troops advanced into the Afar region. The region has a population of about 1.5 million.",
     "Ethiopia"),
])
def test_counts_in_a_named_region_are_its_states(extract, text, subject):
    ex = extract(PLACE_STORY + text + "\n")
    names = {a.key: a.name for a in ex.actors}
    assert [names.get(f.subject) for f in ex.figures] == [subject]


@pytest.mark.parametrize("text,expected", [
    ("The rebels will hand over 500 rifles.", [(500, "rifles", "exact")]),
    ("The rebels handed over more than 500 rifles.", [(500, "rifles", "at_least")]),
    ("Sylvania sent over 500 soldiers.", [(500, "people", "at_least")]),
    ("Shelling damaged one private business and three buses.", [(1, "businesses", "exact"),
                                                                (3, "buses", "exact")]),
])
def test_particles_and_plurals(text, expected):
    assert [(f.value, f.unit, f.qualifier) for f in figures(text)] == expected


@pytest.mark.parametrize("text", [
    "Storm hits Freedonia\nKing Rudolf VI of Spain pledged 40 rescuers to Portugal on Monday, Spain said.\n",
    "Storm hits Freedonia\nSpain said King Rudolf VI had ordered 40 rescuers to Portugal.\n",
])
def test_a_regnal_number_is_no_country(extract, text):
    """A Roman numeral after a name ("Rudolf VI") is the name's, not a state's abbreviation."""
    ex = extract(text)
    assert "Virgin Islands" not in {a.name for a in ex.actors}


# an amount both sides make together has no single side; what a measure is "on" is its target
@pytest.mark.parametrize("text,expected", [
    ("Bilateral trade between Freedonia and Sylvania reached $65 billion last year.", [(65e9, None)]),
    ("Freedonia sold timber worth $4 billion. Trade between Freedonia and Sylvania rose to $8 billion.",
     [(4e9, "freedonia"), (8e9, None)]),
    ("Freedonia earned $4 billion from timber sales.", [(4e9, "freedonia")]),
    ("Sylvania imposed a 25% tariff on Freedonian timber.", [(0.25, "sylvania")]),
    ("Sylvania imposed a 25% tariff on timber from Freedonia.", [(0.25, "sylvania")]),
])
def test_two_sided_amounts_and_measures_on_others(text, expected):
    got = [(f.value, f.subject) for f in figures(text)]
    assert [(pytest.approx(v), s) for v, s in expected] == got


def test_a_place_written_without_its_transliteration_mark_is_found(extract):
    """The Factbook writes "Syunik'", the news "Syunik": both are Armenia's."""
    text = ("Armenia and Azerbaijan trade fire\nArmenia said Azerbaijan had fired first on Monday, and "
            "Azerbaijan blamed Armenia. Azerbaijani forces shelled 4 villages in Syunik province.\n")
    ex = extract(text)
    names = {a.key: a.name for a in ex.actors}
    assert [(f.value, names.get(f.subject)) for f in ex.figures] == [(4, "Armenia")]


# places and things hit are no people: a killing verb after them does not make them dead
@pytest.mark.parametrize("text,expected", [
    ("Sylvanian strikes on six sites had killed 31 civilians.",
     [(6, "sites", "other"), (31, "people", "killed")]),
    ("Shelling damaged 40 houses and killed 3 civilians.",
     [(40, "houses", "other"), (3, "people", "killed")]),
])
def test_things_hit_are_not_the_dead(text, expected):
    assert [(f.value, f.unit, f.metric) for f in figures(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Sylvanian shelling killed 3 soldiers, and 12 civilians died on the Fredonian side.",
     [(3, "freedonia"), (12, "freedonia")]),
    ("Fighting raged. Twelve civilians were killed on the Sylvanian side of the border, Roe said.",
     [(12, "sylvania")]),
])
def test_dead_on_one_side_of_a_line_are_that_sides(text, expected):
    assert [(f.value, f.subject) for f in figures(text)] == expected


def test_a_demonym_is_its_own_states_not_another_states_alias(extract):
    """The Factbook's "Saint Barthelemy (French)" does not make "French" a name of Saint Barthelemy."""
    ex = extract("Mali expels diplomats\n"
                 "Mali's government expelled 3 French diplomats on Monday, Mali said.\n")
    names = {a.key: a.name for a in ex.actors}
    assert [(f.value, names.get(f.subject)) for f in ex.figures] == [(3, "France")]


# captives are freed by the side a relative clause says holds them
@pytest.mark.parametrize("text,expected", [
    ("Sylvania said 40 soldiers Freedonia held were freed.", [(40, "freedonia")]),
    ("Sylvania will release the 40 Fredonian soldiers it holds.", [(40, "sylvania")]),
    ("Ruritania freed 20 captives in exchange for 5 prisoners Freedonia still keeps.",
     [(20, "ruritania"), (5, "freedonia")]),
])
def test_captives_are_freed_by_who_holds_them(text, expected):
    assert [(f.value, f.subject) for f in figures(text)] == expected


@pytest.mark.parametrize("text,metric", [
    ("The package includes $1 billion for schools and 300 generators for Fredonian hospitals.", "other"),
    ("The mines generated $1 billion for Freedonia last year.", "revenue"),
])
def test_revenue_is_read_on_verbs_not_on_nouns_that_share_their_letters(text, metric):
    assert [f.metric for f in figures(text) if f.value == 1e9] == [metric]


@pytest.mark.parametrize("text,expected", [
    ("The resolution calls for a 90-day humanitarian pause.", [(90, "days")]),
    ("Both sides agreed to a 30-day partial ceasefire.", [(30, "days")]),
    ("Freedonia marked the end of the 15-month bitter war.", []),
])
def test_a_hyphened_duration_before_an_adjective_reaches_its_noun(text, expected):
    assert [(f.value, f.unit) for f in figures(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("Floods hit Freedonia. Freedonia closed its schools and asked Freedonia's neighbours for help. "
     "Sylvania fired rockets at Ruritania. The floods destroyed 265 homes.", [(265, "freedonia")]),
    ("Sylvania attacked Freedonia. Sylvanian strikes destroyed 5 Fredonian jets.", [(5, "sylvania")]),
])
def test_things_destroyed_by_no_one_named_are_their_owners(text, expected):
    assert [(f.value, f.subject) for f in figures(text)] == expected


def test_a_trailing_teller_the_parse_hangs_elsewhere_is_the_source():
    text = "Fredonian shelling killed 12 people in the village of Brod, Sylvania’s defence ministry said."
    assert [(f.value, f.source) for f in figures(text)] == [(12, "sylvania")]


@pytest.mark.parametrize("text,expected", [
    ("Sylvania said it had spotted 45 Fredonian jets and 9 ships near its coast.",
     [(45, "freedonia"), (9, "freedonia")]),
])
def test_a_thing_coordinated_with_an_owned_thing_shares_its_owner(text, expected):
    assert [(f.value, f.subject) for f in figures(text)] == expected


def test_a_body_written_in_lower_case_after_its_acronym_is_found(extract):
    """"the UN security council" is the UN Security Council, not the UN."""
    ex = extract("Council extends sanctions\nThe UN security council voted 13 to 2 on Monday to extend "
                 "sanctions on Sudan, with Russia and China voting against.\n")
    names = {a.key: a.name for a in ex.actors}
    assert "UN Security Council" in names.values()
    assert {names.get(f.subject) for f in ex.figures if f.unit == "votes"} == {"UN Security Council"}


def test_an_elliptical_toll_does_not_continue_a_count_of_votes():
    text = ("Heavy fighting hit Freedonia. Freedonia closed its schools. Freedonia asked for help. "
            "The National Assembly backed the bill with 140 votes. In Sylvanian strikes, 120 were wounded.")
    got = [(f.value, f.subject) for f in figures(text)]
    assert got == [(140, "national-assembly"), (120, "freedonia")]


def test_votes_are_the_body_the_sentence_names(extract):
    ex = extract("Assembly demands truce\nThe UN Security Council failed to act last week, Russia said. "
                 "The UN General Assembly met on Tuesday, and 140 members voted to demand a truce.\n")
    names = {a.key: a.name for a in ex.actors}
    assert [(f.value, names.get(f.subject)) for f in ex.figures] == [(140, "UN General Assembly")]
