"""Actors: gazetteer, NER names, demonym groups, titles into roles, one actor per real-world actor."""
from __future__ import annotations

import pytest

from api.extract.aliases import match_keys, name_key, strip_title
from api.extract.types import Actor


def _by_name(ex):
    return {a.name: a for a in ex.actors}


@pytest.mark.parametrize("text,name,kind,alias", [
    ("Talks stalled\nOfficials in Seoul said Pyongyang fired a missile, and the DPRK later confirmed it.\n",
     "North Korea", "country", "DPRK"),
    ("Border row\nMoscow said on Tuesday that the Russian Federation would respond.\n",
     "Russia", "country", "Russian Federation"),
    ("Aid talks\nKiev and Kyiv are two spellings; Kyiv said it welcomed the package.\n",
     "Ukraine", "country", "Kiev"),
    ("Drills\nThe Korean People’s Army (KPA) held drills. The KPA said it was ready.\n",
     "Korean People's Army", "armed_force", "KPA"),
])
def test_gazetteer_and_groups(extract, text, name, kind, alias):
    actors = _by_name(extract(text))
    assert name in actors and actors[name].kind == kind
    assert alias in actors[name].aliases


def test_surname_and_hyphen_variants_join_one_person(extract):
    ex = extract("Summit\nKim Jong-un received the envoys. Later Kim Jong Un said the talks "
                 "went well, and Kim added that more would follow.\n")
    kims = [a for a in ex.actors if a.kind == "person"]
    assert len(kims) == 1 and kims[0].name == "Kim Jong Un"
    assert {"Kim Jong-un", "Kim"} <= set(kims[0].aliases)


@pytest.mark.xfail(reason="a country named only adjectivally is not kept, so the affiliation is lost")
def test_unknown_person_gets_role_and_affiliation(extract):
    ex = extract("Trade\nFrench Finance Minister Amelie Durand said tariffs would rise. "
                 "Durand added that talks continue.\n")
    person = _by_name(ex)["Amelie Durand"]
    assert person.kind == "person" and "Durand" in person.aliases
    assert person.role and "Minister" in person.role
    assert person.affiliation == "france"


def test_places_bylines_and_documents_are_not_actors(extract):
    ex = extract("Shelling\nShells hit the Kharkiv region and the city of Donetsk overnight, "
                 "Ukraine’s army said, citing the UN Charter.\nJohn Carter for Example News\n")
    names = {a.name for a in ex.actors}
    assert "John Carter" not in names and "Example News" not in names
    assert not any("Kharkiv" in n or "Donetsk" in n or "Charter" in n for n in names)


def test_keys_are_unique_slugs(extract):
    ex = extract("Talks\nWashington and the US said the United States would help.\n")
    keys = [a.key for a in ex.actors]
    assert len(keys) == len(set(keys)) and "united-states" in keys


@pytest.mark.parametrize("raw,name,role", [
    ("President Emmanuel Macron", "Emmanuel Macron", "President"),
    ("the Prime Minister Jane Roe’s", "Jane Roe", "Prime Minister"),
    ("Maria Lopez", "Maria Lopez", None),
])
def test_strip_title(raw, name, role):
    assert strip_title(raw) == (name, role)


def test_match_keys_skip_bare_surnames():
    a = Actor("kim-jong-un", "Kim Jong Un", "person", ("Kim Jong-un", "Kim"))
    assert match_keys(a) == {"kim jong un"}
    assert name_key("the Korean People’s Army") == "korean peoples army"


@pytest.mark.parametrize("text,name,role", [
    # title after the name in a reversed apposition
    ("Floods\nA police spokeswoman, Muthoni Wanjiru, said two officers were hurt.\n",
     "Muthoni Wanjiru", "police spokeswoman"),
    # the article of an apposition is not part of the role
    ("Trade\nDr Sophie Brandt, a Korea specialist at the Institute for Strategic Studies, said the numbers "
     "were plausible.\n", "Sophie Brandt", "Korea specialist at the Institute for Strategic Studies"),
    # a country possessive leaves the role (the country is the affiliation)
    ("Trade\nHungary’s Deputy Defence Minister Anna Kovacs said tariffs would rise.\n",
     "Anna Kovacs", "Deputy Defence Minister"),
    # parliamentary titles
    ("Trade\nRep. Yoo Yong-won said tariffs would rise.\n", "Yoo Yong-won", "Rep."),
])
def test_titles_become_roles(extract, text, name, role):
    actors = _by_name(extract(text))
    assert name in actors and actors[name].role == role


@pytest.mark.parametrize("text,name,speaks", [
    # a name with a lowercase particle ("al-", "d'") is a name, and so is its surname alone
    ("Talks\nFighting went on. The ministry spokesperson Majed al-Tamimi said the talks failed.\n"
     "\"This is a first step,\" al-Tamimi told reporters.\n", "Majed al-Tamimi", 2),
    # a long name the model cuts in pieces is one person
    ("Vote\nFighting went on. The envoy, Al-Harith Idriss al-Harith Mohamed, said the council should act.\n",
     "Al-Harith Idriss al-Harith Mohamed", 1),
])
def test_names_with_particles_are_whole(extract, text, name, speaks):
    ex = extract(text)
    key = _by_name(ex)[name].key
    assert sum(s.speaker == key for s in ex.statements) == speaks


@pytest.mark.parametrize("text,speaks", [
    # one name, described as the text quotes the person: a speaker
    ("Quake\nResidents dug through the rubble. \"We lost everything,\" said Hassan, a baker.\n", True),
    ("Quake\nResidents dug through the rubble. Hassan, a baker, said the town was gone.\n", True),
    # one name with no description: maybe a surname of someone unnamed, no actor
    ("Quake\nResidents dug through the rubble. \"We lost everything,\" Hassan said.\n", False),
])
def test_a_person_named_once_by_one_name_and_described_speaks(extract, text, speaks):
    ex = extract(text)
    assert ("Hassan" in _by_name(ex)) is speaks
    assert any(s.speaker == "hassan" for s in ex.statements) is speaks


def test_a_name_read_as_a_product_that_speaks_is_an_organisation(extract):
    ex = extract("Shipping\nFighting went on. Shipping giant Maersk said it had paused all transits.\n")
    assert _by_name(ex)["Maersk"].kind == "organization"
    assert [s.speaker for s in ex.statements] == ["maersk"]


@pytest.mark.parametrize("text,name,surname", [
    # the NER labels a bare surname ORG or GPE: it is the person named in full
    ("Trade\nDeputy Defence Minister Anna Kovacs spoke in Brussels. Kovacs said tariffs would rise.\n",
     "Anna Kovacs", "Kovacs"),
    ("Ceasefire\nAnalysts were cautious. Dr Sophie Brandt, a Korea specialist at the Institute for "
     "Strategic Studies, said the numbers were plausible. \"The question is open,\" Brandt said.\n",
     "Sophie Brandt", "Brandt"),
])
def test_mislabelled_surname_joins_the_person(extract, text, name, surname):
    ex = extract(text)
    actors = _by_name(ex)
    assert surname not in actors and surname in actors[name].aliases


def test_possessive_institution_joins_its_gazetteer_name(extract):
    ex = extract("Prisoners\nUkraine's Security Service (SBU) released a video on Sunday. "
                 "The SBU said the soldiers had no training.\n")
    names = [a.name for a in ex.actors if a.kind != "country"]
    assert names.count("Security Service of Ukraine") == 1 and len(names) == 1


@pytest.mark.parametrize("platform", ["Telegram", "Facebook"])
def test_platforms_are_not_actors(extract, platform):
    ex = extract(f"Denial\nSpokeswoman Maria Zakharova dismissed the reports as fake news on {platform}.\n")
    assert platform not in _by_name(ex)


@pytest.mark.parametrize("text,country", [
    # demonym groups stand for the country (CONVENTIONS), not for an armed-force actor
    ("Drills\nMoroccan troops and Moroccan soldiers joined the exercise on Monday.\n", "Morocco"),
    ("Talks\nA high-ranking Chilean delegation arrived in the capital on Monday.\n", "Chile"),
    ("Air raid\nNorwegian jets were scrambled after the incursion.\n", "Norway"),
    # people of a country counted as a side: the figure is about that country
    ("Air raid\nCivil defence officials said 12 Moroccan civilians were killed on Monday.\n", "Morocco"),
    ("Swap\nThe rebels freed three Chilean hostages on Monday.\n", "Chile"),
])
def test_demonym_groups_make_the_country_act(extract, text, country):
    actors = _by_name(extract(text))
    assert country in actors and actors[country].kind == "country"
    assert not any(a.kind == "armed_force" for a in actors.values())
    assert not actors[country].aliases          # a group is no alias


@pytest.mark.parametrize("text,actor,is_actor", [
    # subjects, agents, objects and cited sources act
    ("Clash\nThe Ruritanian Border Agency said on Monday that the crossing was shut.\n",
     "Ruritanian Border Agency", True),
    ("Clash\nThe convoy was stopped by the Ruritanian Border Agency on Monday.\n",
     "Ruritanian Border Agency", True),
    ("Clash\nTwo people died, according to the Ruritanian Border Agency.\n",
     "Ruritanian Border Agency", True),
    ("Clash\nThe minister met the Ruritanian Border Agency on Monday.\n", "Ruritanian Border Agency", True),
    # the parties named as modifiers of an event ("Peru-Chile talks") are its parties
    ("Clash\nThe Peru-Chile talks resumed on Monday in a hotel.\n", "Chile", True),
    # places that only locate, organisations inside a title, audiences, negated speech do not
    ("Clash\nA spokesman at the Ruritanian Border Agency could not be reached for comment.\n",
     "Ruritanian Border Agency", False),
    ("Clash\nRuritanian Border Agency chief Anna Holm said the crossing was shut.\n",
     "Ruritanian Border Agency", False),
    ("Clash\nThe head of the Ruritanian Border Agency, Anna Holm, said the crossing was shut.\n",
     "Ruritanian Border Agency", False),
    ("Clash\nAnna Holm directed questions to the Ruritanian Border Agency on Monday.\n",
     "Ruritanian Border Agency", False),
    ("Clash\nThe Ruritanian Border Agency has neither confirmed nor denied the closure.\n",
     "Ruritanian Border Agency", False),
    ("Clash\nDrones hit the regions of Kovnia and Ostrel, Anna Holm said.\n", "Kovnia", False),
    ("Clash\nDrones hit front-line regions, including Ostrel, Anna Holm said.\n", "Ostrel", False),
    ("Clash\nAnna Holm met Peru's Prime Minister Luis Vela and Chilean Deputy Minister Rosa Pinto.\n",
     "Peru", False),
    ("Clash\nThe storm moved over the northern region, bordering Bolivia, Anna Holm said.\n",
     "Bolivia", False),
    # a place the model reads as a person's name, named only as a place, is no person
    ("Clash\nFighting went on. The army said it seized weapons in Khan Younis.\n", "Khan Younis", False),
    ("Clash\nFighting went on. Jets dropped four bombs on Kan Taw village.\n", "Kan Taw", False),
    # what lies a direction from a place, or is besieged, is a place
    ("Clash\nThe quake hit the mountains south-west of Marrakesh, according to the survey.\n",
     "Marrakesh", False),
    ("Clash\nThe militia must end their siege of El Fasher, the council said.\n", "El Fasher", False),
])
def test_only_entities_that_act_are_actors(extract, text, actor, is_actor):
    names = {n for a in extract(text).actors for n in (a.name, *a.aliases)}
    assert (actor in names) is is_actor


def test_a_news_outlet_told_something_is_cited(extract):
    ex = extract("Talks\nThe minister told Radio Ruritania that the talks would resume on Monday.\n")
    assert "Radio Ruritania" in {a.name for a in ex.actors}


@pytest.mark.parametrize("surface,is_name", [
    ("Kovnia Governor", False),          # a place and a title
    ("Various Russian", False),          # an adjective run
    ("Emergency Service", False),        # an institution
    ("Anna Holm", True),
    ("Ivo Marek", True),
])
def test_person_noise_is_no_person(surface, is_name):
    # The model sometimes tags these shapes PERSON; the rule is what keeps them from becoming people
    # (the model rarely reproduces the mislabel on a short invented sentence, so the rule is tested directly).
    from api.extract.mentions import _person_shaped

    assert _person_shaped(surface) is is_name


def test_a_description_is_the_institution_only_where_it_is_named(extract):
    unnamed = _by_name(extract("Spies\nSouth Korean intelligence estimates that 6,000 troops were sent.\n"))
    assert "National Intelligence Service" not in unnamed and "South Korea" in unnamed
    named = _by_name(extract("Spies\nThe National Intelligence Service briefed lawmakers on Monday. "
                             "South Korean intelligence estimates that 6,000 troops were sent.\n"))
    assert "National Intelligence Service" in named
    assert "South Korean intelligence" not in named["National Intelligence Service"].aliases


@pytest.mark.parametrize("text,name,alias", [
    # states from the generated gazetteer: names, demonym groups, capitals speaking for the state
    ("Vote\nLesotho officials said the count was over. Maseru said it would appeal.\n", "Lesotho", "Maseru"),
    ("Vote\nMalagasy soldiers guarded the count on Monday.\n", "Madagascar", None),
    ("Vote\nOfficials in the Ivory Coast said on Monday that the count was over.\n", "Côte d'Ivoire", None),
])
def test_gazetteer_covers_world_states(extract, text, name, alias):
    actors = _by_name(extract(text))
    assert name in actors and actors[name].kind == "country"
    assert alias is None or alias in actors[name].aliases


@pytest.mark.parametrize("text,name,kind", [
    # a known body and its sub-body are one name
    ("Vote\nThe Knesset Committee on Foreign Affairs on Monday approved the bill.\n",
     "Knesset Committee on Foreign Affairs", "government_body"),
    # "X of the" + a known body is one name
    ("Jets\nThe Northern Command of the Israel Defense Forces said jets were scrambled.\n",
     "Northern Command of the Israel Defense Forces", "armed_force"),
    # capitalised words around an institution noun the model misses
    ("Swap\nThe Interagency Headquarters for the Return of Detained Fishermen said 12 men came home.\n",
     "Interagency Headquarters for the Return of Detained Fishermen", "government_body"),
    # a state's name or abbreviation before its body's name is part of it
    ("Drones\nUS Central Command said its forces shot down 18 drones on Tuesday.\n",
     "US Central Command", "armed_force"),
    ("Jets\nThe UK Ministry of Defence said two jets took part in the strikes.\n",
     "UK Ministry of Defence", "government_body"),
    # surveys, institutes and observatories are bodies too
    ("Quake\nThe US Geological Survey said the quake struck at a depth of 18 km.\n",
     "US Geological Survey", "organization"),
    ("Raid\nThe Jordanian Observatory for Human Rights said 12 fighters were killed in the raid.\n",
     "Jordanian Observatory for Human Rights", "organization"),
])
def test_institution_names_are_made_whole(extract, text, name, kind):
    actors = _by_name(extract(text))
    assert name in actors and actors[name].kind == kind
    assert not any(n != name and n in name for n in actors)     # no piece of it is a second actor


def test_a_country_institution_has_its_official_and_demonym_forms(extract):
    ex = extract("Fire\nPeru's Civil Defence Agency said on Monday that no one died.\n")
    actor = _by_name(ex)["Civil Defence Agency of Peru"]
    assert {"Peru's Civil Defence Agency", "Peruvian Civil Defence Agency"} <= set(actor.aliases)
    ministry = _by_name(extract("Talks\nPeru's Foreign Ministry said on Monday that talks resumed.\n"))
    assert "Peruvian Foreign Ministry" in ministry
    # a place that is no state keeps its body apart from every other "Health Ministry"
    local = _by_name(extract("Strike\nGaza's Health Ministry said on Monday that two people died.\n"))
    assert "Gaza Health Ministry" in local and "Health Ministry" not in local


@pytest.mark.parametrize("text,name", [
    ("Raid\nChile’s air force said it downed 40 drones. The air force added that two fell in the sea.\n",
     "Chilean Air Force"),
    ("Raid\nThe Chilean Navy said on Monday that it had seized the vessel.\n", "Chilean Navy"),
])
def test_a_named_branch_is_an_armed_force(extract, text, name):
    actors = _by_name(extract(text))
    assert name in actors and actors[name].kind == "armed_force"
    assert len([a for a in actors.values() if a.kind == "armed_force"]) == 1


@pytest.mark.parametrize("text,name,kind", [
    ("Launch\nN. Korea fired a missile on Monday, the agency said.\n", "North Korea", "country"),
    ("Launch\nS. Korean officials said on Monday the launch had failed.\n", "South Korea", "country"),
    ("Strike\nTwo people died in the strike, according to Anadolu Agency.\n", "Anadolu Agency", "media"),
    ("Strike\nThe Houthis said on Monday that they had fired at a ship.\n", "Houthis", "armed_force"),
    ("Strike\nThe ICRC said on Monday that its convoy was hit.\n", "International Committee of the Red Cross",
     "organization"),
])
def test_abbreviations_and_world_bodies_resolve(extract, text, name, kind):
    actors = _by_name(extract(text))
    assert name in actors and actors[name].kind == kind


@pytest.mark.parametrize("text,absent,present", [
    # a dateline with its wire credit, credit lines and a closing credit yield no actor of their own
    ("Port hit\nODESA, Ukraine (AP) — Russian drones hit the port overnight, Governor Oleh Kiper said.\n"
     "Reporting by Anna Smith; Editing by John Doe\n", {"Associated Press", "Anna Smith", "John Doe"},
     {"Oleh Kiper", "Russia"}),
    ("Talks resume\nSEOUL, July 3 (Reuters) - Japan said on Wednesday that it would reopen talks.\n"
     "(c) Copyright Thomson Reuters 2025\n", {"Reuters", "South Korea"}, {"Japan"}),
    ("Talks resume\nJapan said on Wednesday that it would reopen talks with Peru on trade. — AFP\n",
     {"Agence France-Presse"}, {"Japan", "Peru"}),
    # credit lines in brackets, and the dateline's own outlet where the body names it
    ("Dam opens\nLIMA, May 2 (Reuters) - Peru opened the dam on Friday, Minister Rosa Quispe said.\n"
     "(Reporting by Ana Torres; Additional reporting by Luis Vega in Quito; Editing by Mark Hill)\n",
     {"Ana Torres", "Luis Vega", "Mark Hill", "Reuters"}, {"Rosa Quispe", "Peru"}),
    ("Dam opens\nLIMA, May 2 (Reuters) - Peru opened the dam on Friday. Minister Rosa Quispe told Reuters "
     "by telephone that it would supply three cities.\n", {"Reuters"}, {"Rosa Quispe", "Peru"}),
    ("Port hit\nODESA, Ukraine (AP) — Governor Oleh Kiper told The Associated Press that drones hit the "
     "port.\n", {"Associated Press"}, {"Oleh Kiper"}),
    # a cited outlet is an actor
    ("Talks resume\nReuters reported that Japan would resume talks, citing officials.\n",
     set(), {"Reuters", "Japan"}),
])
def test_layout_credits_are_no_actors(extract, text, absent, present):
    names = {a.name for a in extract(text).actors}
    assert not names & absent and present <= names


@pytest.mark.parametrize("text,mention,actor", [
    # "the lower/upper house" is the named country's chamber where the article names it, else the country
    ("Vote\nThe State Duma approved the treaty on Tuesday. Russia said the lower house acted quickly.\n",
     "the lower house", "State Duma"),
    ("Vote\nRussian lawmakers backed the treaty. The upper house approved it on Wednesday.\n",
     "The upper house", "Russia"),
    ("Vote\nThe Knesset met on Monday. Israel said the country's parliament would vote again.\n",
     "the country's parliament", "Knesset"),
])
def test_chambers_resolve_to_the_named_country(extract, text, mention, actor):
    actors = _by_name(extract(text))
    assert actor in actors and mention in [m.span.text for m in actors[actor].mentions]


@pytest.mark.parametrize("text,present,absent", [
    # quoted names in a results list, and "the “X” party", are parties
    ("Vote\nThe results by faction: “Green Dawn” — 120 votes, “People First” — 40, “Unity” — 12.\n",
     {"Green Dawn", "People First", "Unity"}, set()),
    ("Vote\nAn MP from the “Green Dawn” party said all factions voted.\n", {"Green Dawn"}, set()),
    # one quoted title followed by a number is no list of parties
    ("Film\nThe film “Green Dawn” — 120 minutes long — opened on Monday.\n", set(), {"Green Dawn"}),
])
def test_quoted_party_names(extract, text, present, absent):
    names = {a.name for a in extract(text).actors}
    assert present <= names and not names & absent


@pytest.mark.parametrize("text,name,variant", [
    # a one-letter spelling variant is the same person: of a name earlier in the article ...
    ("Talks\nThe envoy Tomasz Kowalski said on Monday that talks would resume. Later, envoy Tomasz "
     "Kowalsky added that more would follow.\n", "Tomasz Kowalski", "Tomasz Kowalsky"),
    # ... or of a well-known person
    ("Talks\nForeign Minister Sergey Lavrow said on Monday that talks would resume.\n", "Sergei Lavrov",
     "Sergey Lavrow"),
])
def test_spelling_variants_are_one_person(extract, text, name, variant):
    persons = [a for a in extract(text).actors if a.kind == "person"]
    assert len(persons) == 1 and persons[0].name == name and variant in persons[0].aliases


def test_short_names_one_letter_apart_stay_apart(extract):
    ex = extract("Talks\nJohn Smith and John Smyth met on Monday in Lima.\n")
    persons = {a.name for a in ex.actors if a.kind == "person"}
    assert {"John Smith", "John Smyth"} <= persons


@pytest.mark.parametrize("text,north_korea", [
    ("Talks\nNorth Korea fired a missile. The North said on Monday it was a test.\n", True),
    ("Talks\nSudan's army said the North was calm on Monday and the South was not.\n", False),
])
def test_the_north_needs_the_text_to_set_it_up(extract, text, north_korea):
    assert ("North Korea" in _by_name(extract(text))) is north_korea


def test_a_byline_yields_no_actor(extract):
    ex = extract("Strike\nBy Jane Doe and Omar Said, The Associated Press\n"
                 "Iran said on Tuesday it would respond to the strike.\n")
    assert {a.name for a in ex.actors} == {"Iran"}


@pytest.mark.parametrize("text,place", [
    ("Annexed\nCrimea was annexed in 2014, the envoy Tomasz Kowalski said.\n", "Crimea"),
    ("Strikes\nSumy and Poltava were hit overnight, the envoy Tomasz Kowalski said.\n", "Sumy"),
    ("Strikes\nThe Gaza Strip has seen heavy fighting, the envoy Tomasz Kowalski said.\n", "Gaza Strip"),
])
def test_known_places_are_never_actors(extract, text, place):
    assert place not in {n for a in extract(text).actors for n in (a.name, *a.aliases)}


def test_title_case_headline_names_join_the_body_actors(extract):
    ex = extract("Kowalski To Meet Lavrov In Vienna After Stalled Talks\n"
                 "Polish envoy Tomasz Kowalski told reporters on Friday "
                 "he would see Sergei Lavrov next week.\n")
    mentions = {a.name: [m.span.text for m in a.mentions] for a in ex.actors}
    assert "Kowalski" in mentions["Tomasz Kowalski"] and "Lavrov" in mentions["Sergei Lavrov"]
    assert len(ex.actors) == 2


@pytest.mark.parametrize("text", [
    "Ministers back new rules\nG7 leaders agreed on Friday to tighten export controls.\n",
    "Ministers back new rules\nThe EU said on Friday it would tighten export controls.\n",
])
def test_an_actor_with_only_short_names_survives_a_headline(extract, text):
    ex = extract(text)       # an empty headline pattern used to make empty mentions and fail the article
    assert all(m.span.text.strip() for a in ex.actors for m in a.mentions)
