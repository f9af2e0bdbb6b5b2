"""Figures: value, metric, qualifier, subject and source on sentences written for these tests."""
import re
from datetime import date

import pytest

from api.extract.figures import find_figures
from api.extract.text import parse
from api.extract.types import Actor, ActorMention, Span

# key, name, kind, affiliation, surface forms
CAST = [
    ("freedonia", "Freedonia", "country", None, ["Freedonia", "Fredonian"]),
    ("sylvania", "Sylvania", "country", None, ["Sylvania", "Sylvanian strikes"]),   # a demonym group
    ("freedonian-army", "Freedonian Army", "armed_force", "freedonia", ["Freedonian soldiers"]),
    ("sylvanian-intelligence", "Sylvanian Intelligence Service", "organization", "sylvania",
     ["Sylvanian intelligence"]),
    ("defence-ministry", "Sylvanian Ministry of Defence", "government_body", "sylvania",
     ["Sylvania’s Ministry of Defence"]),
    ("jane-roe", "Jane Roe", "person", "freedonia", ["Roe"]),
    ("ruritania", "Ruritania", "country", None, ["Ruritania", "Ruritanian"]),
    ("green-party", "Green Party", "organization", None, ["Green Party"]),
    ("blue-party", "Blue Party", "organization", None, ["Blue Party"]),
    ("national-assembly", "National Assembly", "government_body", "freedonia", ["National Assembly"]),
    ("relief-agency", "Relief Agency", "organization", None, ["Relief Agency"]),
    ("rebels", "Rebels", "armed_force", None, ["The rebels", "the rebels"]),
]


def actors_for(text):
    out = []
    for key, name, kind, aff, forms in CAST:
        ms = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(re.escape(form), text):
                if not any(x.span.start <= m.start() < x.span.end for x in ms):
                    ms.append(ActorMention(key, Span.of(text, m.start(), m.end())))
        out.append(Actor(key, name, kind, affiliation=aff, mentions=tuple(ms)))
    return tuple(out)


def figures(text):
    parsed = parse(text, date(2025, 3, 10))
    return find_figures(parsed, actors_for(text), ())


@pytest.mark.parametrize("text,value,unit,metric,qualifier,subject,source", [
    ("Sylvanian intelligence estimates that some 8,000 Freedonian soldiers have been sent to the border.",
     8000, "people", "troops_deployed", "approximately", "freedonia", "sylvanian-intelligence"),
    ("Sylvania’s Ministry of Defence has stated that up to 3,500 Freedonian soldiers are stationed abroad.",
     3500, "people", "troops_deployed", "at_most", "freedonia", "defence-ministry"),
    ("Freedonia is reportedly earning more than $2.8 billion a year from timber sales.",
     2.8e9, "USD", "revenue", "at_least", "freedonia", None),
    ("Roe said Freedonia now provides nearly a third of the fuel used by Sylvania.",
     0.333333, "fraction", "share_of_supply", "approximately", "freedonia", "jane-roe"),
    ("The Freedonian Army lost ground as Sylvania captured 12 villages in a week.",
     12, "villages", "settlements_captured", "exact", "sylvania", None),
    ("Reports suggest that 300 Freedonian soldiers were killed in the fighting.",
     300, "people", "killed", "exact", "freedonia", None),
    ("Officials said 45 Fredonian civilians were wounded.",
     45, "people", "wounded", "exact", "freedonia", None),
    ("About 2K Freedonian soldiers were killed or injured, Sylvania said.",
     2000, "people", "casualties", "approximately", "freedonia", "sylvania"),
    ("Freedonia has dispatched roughly 1,500 additional soldiers to the front.",
     1500, "people", "troops_deployed", "approximately", "freedonia", None),
    ("Roe said \u201csome 2,500\u201d Freedonian soldiers were stationed there.",
     2500, "people", "troops_deployed", "approximately", "freedonia", "jane-roe"),
    ("Sylvania said one in four of the shells used by its army comes from Freedonia.",
     0.25, "fraction", "share_of_supply", "exact", "freedonia", "sylvania"),
    ("Freedonia is believed to have earned about $2bn, Sylvanian intelligence said.",
     2e9, "USD", "revenue", "approximately", "freedonia", None),
    ("Sylvania's analysts put the Freedonian presence at roughly 9,000 soldiers.",
     9000, "people", "troops_deployed", "approximately", "freedonia", "sylvania"),
    ("Freedonia has supplied as many as 150 long-range artillery pieces to Sylvania.",
     150, "pieces", "other", "at_most", "freedonia", None),
    # the told clause mis-hung as the reporting verb's subject: the other subject is the source
    ("Sylvanian air strikes killed at least 40 civilians in Freedonia overnight, Roe said on Tuesday.",
     40, "people", "killed", "at_least", "freedonia", "jane-roe"),
    # a body of no party counts others' dead: it is their source, not their side
    ("The Relief Agency said 45 people were wounded.",
     45, "people", "wounded", "exact", None, "relief-agency"),
])
def test_figure_rules(text, value, unit, metric, qualifier, subject, source):
    (fig,) = figures(text)
    assert fig.value == pytest.approx(value)
    got = (fig.unit, fig.metric, fig.qualifier, fig.subject, fig.source)
    assert got == (unit, metric, qualifier, subject, source)
    assert text[fig.evidence.start:fig.evidence.end] == fig.evidence.text


def test_elliptical_clause_inherits_subject():
    text = ("Sylvanian intelligence says 9,000 Freedonian soldiers were deployed, "
            "with about 1,200 killed or wounded.")
    figs = figures(text)
    assert [(f.value, f.metric, f.subject) for f in figs] == [
        (9000, "troops_deployed", "freedonia"), (1200, "casualties", "freedonia")]
    assert figs[1].source == "sylvanian-intelligence"


def test_coordinated_counts_take_their_own_metric():
    figs = figures("Sylvania said 80 Freedonian soldiers were killed and about 700 wounded.")
    assert [(f.value, f.metric) for f in figs] == [(80, "killed"), (700, "wounded")]


@pytest.mark.parametrize("text,metric", [
    ("Sylvania says 9,000 Freedonian soldiers were sent, with 1,000 more dispatched in May.",
     "troops_deployed"),
    ("Sylvania says 9,000 Freedonian soldiers were sent and 4,000 of them moved to the border.",
     "troops_deployed"),
])
def test_elliptical_count_takes_the_previous_noun(text, metric):
    figs = figures(text)
    assert [(f.metric, f.unit) for f in figs][1] == (metric, "people")


@pytest.mark.parametrize("text", [
    "Under Article 5 of the pact, the two countries must help each other.",
    "Both houses voted on 14 March 2024 for the first time.",
    "The talks began at 10:30 a.m. in 2023.",
    "The army took multiple villages and one of the two leaders spoke.",
    "It was the first such visit in 24 years.",
    "The front moved a few hundred metres.",
    "Freedonia sent troops abroad for the first time since the 1950-53 war.",
])
def test_not_figures(text):
    assert figures(text) == ()


def test_now_anchors_as_of():
    (fig,) = figures("Freedonia now has some 5,000 soldiers stationed abroad.")
    assert fig.as_of == "2025-03-10"


def facts(text):
    return [(f.value, f.unit, f.metric, f.qualifier, f.subject) for f in figures(text)]


@pytest.mark.parametrize("text,expected", [
    # whose weapons: who fired them, not who made them
    ("Sylvania has fired 40 Ruritanian drones at Freedonia.",
     [(40, "drones", "other", "exact", "sylvania")]),
    # who shot them down; the whole of "35 of the 40" stays the launcher's
    ("Sylvania launched 40 drones at Freedonia. Freedonia's air defences shot down 35 of the 40 drones.",
     [(40, "drones", "other", "exact", "sylvania"), (35, "drones", "other", "exact", "freedonia"),
      (40, "drones", "other", "exact", "sylvania")]),
    # whose dead: the side attacked; "others" counts the same people
    ("Sylvania fired missiles at Freedonia. Two people were killed and 17 others were injured.",
     [(2, "people", "killed", "exact", "freedonia"), (17, "people", "wounded", "exact", "freedonia")]),
    ("Sylvanian shelling killed 14 Ruritanian civilians.",
     [(14, "people", "killed", "exact", "ruritania")]),
    # who releases the prisoners
    ("Sylvania released 120 Freedonian prisoners.", [(120, "prisoners", "other", "exact", "sylvania")]),
    ("Freedonia managed to return 90 soldiers from Sylvanian captivity.",
     [(90, "people", "other", "exact", "sylvania")]),
    # a term of a two-sided deal belongs to no single side, and "N-for-N" is one figure
    ("Freedonia and Sylvania agreed to a 500-for-500 exchange.",
     [(500, "prisoners", "other", "exact", None)]),
    ("Freedonia and Sylvania agreed a 60-day truce.", [(60, "days", "other", "exact", None)]),
    # whose targets: the owner of what was hit, passed on to the next target
    ("Freedonia struck four Sylvanian airbases and damaged 30 warplanes.",
     [(4, "airbases", "other", "exact", "sylvania"), (30, "warplanes", "other", "exact", "sylvania")]),
    # whose territory: the one that controls it
    ("Sylvania controls about 15% of Freedonian territory.",
     [(0.15, "fraction", "other", "approximately", "sylvania")]),
    ("The attacks hit seven regions of Freedonia.", [(7, "regions", "other", "exact", "freedonia")]),
    # a range is two figures, the low end at least, the high end at most
    ("Ruritania may send a further 6,000 to 8,000 troops to Sylvania.",
     [(6000, "people", "troops_deployed", "at_least", "ruritania"),
      (8000, "people", "troops_deployed", "at_most", "ruritania")]),
    ("Freedonian troops advanced 3-5km into Sylvania.",
     [(3, "km", "other", "at_least", "freedonia"), (5, "km", "other", "at_most", "freedonia")]),
    # a tally: the name before the dash; members of parliament vote for the legislature
    ('The National Assembly passed the bill. '
     '300 MPs voted for it: Green Party \u2014 120 votes, Blue Party \u2014 80.',
     [(300, "votes", "other", "exact", "national-assembly"), (120, "votes", "other", "exact", "green-party"),
      (80, "votes", "other", "exact", "blue-party")]),
    # a measure of a joint project has no subject; a part on one side has that side
    ("The dam will be two kilometers long, with 700 meters on the Sylvanian bank.",
     [(2, "km", "other", "exact", None), (700, "m", "other", "exact", "sylvania")]),
    # a title-case headline reads like a sentence
    ("Freedonia Says Sylvania Launched 300 Drones Overnight",
     [(300, "drones", "other", "exact", "sylvania")]),
    # "over" as a preposition is no hedge
    ("Freedonia shot down 29 drones over eight Freedonian regions.",
     [(29, "drones", "other", "exact", "freedonia"), (8, "regions", "other", "exact", "freedonia")]),
    ("The damage to Sylvania's fleet is estimated at $3 billion.",
     [(3e9, "USD", "other", "approximately", "sylvania")]),
    # the price of an exchange is freed by the other side
    ("Sylvania freed three Freedonian hostages in exchange for 90 Sylvanian prisoners.",
     [(3, "hostages", "other", "exact", "sylvania"), (90, "prisoners", "other", "exact", "freedonia")]),
    # the whole of "most of the 180 missiles fired by X" is X's
    ("Freedonia said it intercepted most of the 180 missiles fired by Sylvania.",
     [(180, "missiles", "other", "exact", "sylvania")]),
    # victims with no noun are people; the place they died in says whose
    ("Sylvanian strikes killed at least 27 in Freedonia on Monday.",
     [(27, "people", "killed", "at_least", "freedonia")]),
    ("The death toll in Freedonia has risen to 45,000.", [(45000, "people", "killed", "exact", "freedonia")]),
    # a toll that tops, exceeds or rises above a number is at least that number
    ("The death toll in Freedonia tops 31,000.", [(31000, "people", "killed", "at_least", "freedonia")]),
    ("The death toll in Freedonia rose above 2,000.", [(2000, "people", "killed", "at_least", "freedonia")]),
    # "more than" is a hedge on the count a toll takes, not "9 more" continuing the money before it
    ("Sylvania gave Freedonia $2 billion. The death toll in Freedonia has risen to more than 45,000.",
     [(2e9, "USD", "other", "exact", "sylvania"), (45000, "people", "killed", "at_least", "freedonia")]),
    ("Sylvania Strikes Kill 30 In Freedonia", [(30, "people", "killed", "exact", "freedonia")]),
    # prisoners "held by X" are X's to free; "including" counts a subset of the same dead
    ("Freedonia will free ten hostages in exchange for 200 prisoners held by Sylvania.",
     [(10, "hostages", "other", "exact", "freedonia"), (200, "prisoners", "other", "exact", "sylvania")]),
    ("Sylvanian strikes on Freedonia killed 492 people, including 35 children.",
     [(492, "people", "killed", "exact", "freedonia"), (35, "people", "killed", "exact", "freedonia")]),
    # durations that are terms of a deal are figures, spelled or not
    ("Freedonia and Sylvania agreed to a six-week ceasefire.", [(6, "weeks", "other", "exact", None)]),
    ("Under the deal, the first stage, which will last 30 days, starts on Friday.",
     [(30, "days", "other", "exact", None)]),
    # refugees coming home are no release: they stay their own country's
    ("An estimated 60,000 Freedonians have returned from Sylvania since May.",
     [(60000, "people", "other", "approximately", "freedonia")]),
    # "claimed to have fired": the claimant did the firing; "one of which" is a count
    ("Sylvania claimed to have fired two missiles at Freedonia, one of which was intercepted.",
     [(2, "missiles", "other", "exact", "sylvania"), (1, "missiles", "other", "exact", "freedonia")]),
    # "bring its death toll to N" counts the dead
    ("Sylvania said two soldiers died, bringing its death toll to 405.",
     [(2, "people", "killed", "exact", "sylvania"), (405, "people", "killed", "exact", "sylvania")]),
    # the word right after a bare number says what it counts; a hyphened noun is the one counted
    ("Sylvanian shelling killed four and left 13 wounded in Freedonia.",
     [(4, "people", "killed", "exact", "freedonia"), (13, "people", "wounded", "exact", "freedonia")]),
    ("The 120-seat National Assembly met.", [(120, "seats", "other", "exact", "national-assembly")]),
    # dead reported by a side that was not the attacker are that side's own
    ("Ruritania fired missiles at Sylvania. Freedonia said 1,900 people had been killed in the country.",
     [(1900, "people", "killed", "exact", "freedonia")]),
    # a bare number borrows the counted noun of its own sentence only; after "passed" it is a tally
    ("Freedonia deployed 900 soldiers to the border. The motion passed 120 to 3.", [
        (900, "people", "troops_deployed", "exact", "freedonia"),
        (120, "votes", "other", "exact", "national-assembly"),
        (3, "votes", "other", "exact", "national-assembly")]),
    # the side attacked as the object of an attack verb: the dead told next are its own
    ("Sylvania attacked Freedonia on Monday. Two people were killed.",
     [(2, "people", "killed", "exact", "freedonia")]),
    # fighters and other people nouns count people
    ("Sylvanian shelling killed nearly 20 Freedonian militants.",
     [(20, "people", "killed", "approximately", "freedonia")]),
    # "killed in Sylvanian strikes" names what killed them, not where: the reporting state's own dead
    ("Sylvania fired missiles at Ruritania. "
     "Freedonia said 3,000 people had been killed in Sylvanian strikes.",
     [(3000, "people", "killed", "exact", "freedonia")]),
    # fired from a state with no one named firing: that state fired them, not the target
    ("Freedonia struck Sylvania. Some 1,500 rockets have been fired at Freedonia from Sylvania.",
     [(1500, "rockets", "other", "approximately", "sylvania")]),
    # what a sum is for, or whom troops go to, does not own it: the giver does
    ("Sylvania announced $25 million in aid for Freedonia.", [(25e6, "USD", "other", "exact", "sylvania")]),
    # the winner of seats; the whole they are part of is its owner's
    ("The Green Party won 64 of the National Assembly's 120 seats.",
     [(64, "seats", "other", "exact", "green-party"), (120, "seats", "other", "exact", "national-assembly")]),
    # a share or a sum followed by a time adverb is no duration
    ("Inflation in Freedonia reached 211% last year.", [(2.11, "fraction", "other", "exact", "freedonia")]),
    # the dead of a disaster: where what killed them was, or where the happening they end struck
    ("Floods in Freedonia have killed 1,100 people since June.",
     [(1100, "people", "killed", "exact", "freedonia")]),
    ("A powerful earthquake struck eastern Freedonia on Monday, killing at least 300 people.",
     [(300, "people", "killed", "at_least", "freedonia")]),
    # a non-state side's other party: the price of its exchange is freed by the state it fights
    ("The rebels freed 33 hostages in exchange for 90 prisoners, Freedonia said.",
     [(33, "hostages", "other", "exact", "rebels"), (90, "prisoners", "other", "exact", "freedonia")]),
])
def test_figure_frames(text, expected):
    got = facts(text)
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[0] == pytest.approx(e[0]) and g[1:] == e[1:]


def test_enemy_is_the_other_side_of_the_speaker():
    text = ("Sylvania fired missiles at Freedonia. "
            "\u201cThe enemy launched at least 9 raids on Freedonian towns,\u201d Roe said.")
    parsed = parse(text, date(2025, 3, 10))
    cast = actors_for(text)
    from api.extract.types import Statement
    quote = text.index("The enemy")
    st = Statement("jane-roe", "direct", "", Span.of(text, quote, text.index(",\u201d")))
    (fig,) = find_figures(parsed, cast, (st,))
    assert (fig.value, fig.subject, fig.source, fig.qualifier) == (9, "sylvania", "jane-roe", "at_least")


@pytest.mark.parametrize("text", [
    "The two had met before the summit.",
    "It was one of the largest attacks of the war.",
    "Two captives in their 30s were shown; Roe, aged 41, spoke.",
    "Freedonia marked the end of the 9-year war.",
    "The exchange will continue on June 3 and 4.",
    "Sylvania fired KN-23/24 and Kh-59 missiles.",
    "The P5+1 talks resumed.",
])
def test_more_not_figures(text):
    if "captives" in text:
        assert [f for f in figures(text) if f.value not in (2,)] == []
    else:
        assert figures(text) == ()


def test_one_of_them_counts_only_when_focused():
    figs = figures("Two Freedonian captives spoke; only one of them agreed to sign.")
    assert [(f.value, f.subject) for f in figs] == [(2, "freedonia"), (1, "freedonia")]
    assert figures("The name of one of them was withheld.") == ()


def test_hedge_covers_only_its_own_clause():
    figs = figures("Freedonia still holds 59 hostages, of whom 24 are believed to be alive, Sylvania said.")
    assert [(f.value, f.source) for f in figs] == [(59, "sylvania"), (24, None)]


@pytest.mark.parametrize("text,as_of", [
    # the date the sentence gives the counted occasion; the end of a period, not its start
    ("Sylvanian shelling killed three people on Feb. 4.", ["2025-02-04"]),
    ("Between January 8 and February 12, Sylvania launched 12 attacks.", ["2025-02-12"]),
    ("Since August last year, Freedonia has deployed 4,000 troops to Sylvania.", [None]),
    ("Sylvania said 1,900 people had been killed over the past year.", [None]),
    # a strike counted later in the story takes the day the story dated it
    ("Sylvania launched 40 drones at Freedonia on Sunday. Freedonia shot down 35 of them.",
     ["2025-03-09", "2025-03-09"]),
    # a term of a deal is undated; "now" is the day of publication
    ("On Monday the sides agreed to a 500-for-500 exchange.", [None]),
    ("Freedonia now has 5,000 soldiers stationed abroad.", ["2025-03-10"]),
])
def test_as_of(text, as_of):
    assert [f.as_of for f in figures(text)] == as_of


def test_according_to_reads_its_own_sentence_only():
    figs = figures("Sylvania launched 30 drones, according to the army. "
                   "Freedonia said 12 civilians were killed.")
    assert [(f.value, f.source) for f in figs] == [(30, None), (12, "freedonia")]


# vote tallies: bare numbers beside "in favour", "against", a vote verb, or the other half of a pair;
# members voting and abstaining are votes of the body; a council votes like an assembly
@pytest.mark.parametrize("text,expected", [
    ("The National Assembly passed the budget 88-41 on Tuesday.",
     [(88, "votes", "national-assembly"), (41, "votes", "national-assembly")]),
    ("The National Assembly adopted the motion by a recorded vote of 120 in favour to 14 against.",
     [(120, "votes", "national-assembly"), (14, "votes", "national-assembly")]),
    ("The National Assembly approved the text, with 23 abstentions.",
     [(23, "abstentions", "national-assembly")]),
    ("In the National Assembly, 13 members voted in favour and three abstained.",
     [(13, "votes", "national-assembly"), (3, "votes", "national-assembly")]),
    ("The score was 3-1 after extra time.", []),
    ("Freedonia beat Sylvania 2-0 in the final.", []),
])
def test_vote_tallies(text, expected):
    got = [(f.value, f.unit, f.subject) for f in figures(text)]
    assert got == expected


# whose dead when the clause names no side: the one country the story is set in; not where that
# country is waging an offensive on others; and a counted noun's own participle gives the metric
@pytest.mark.parametrize("text,expected", [
    ("Heavy rain fell across Freedonia for a week. Freedonia closed its schools. "
     "At least 40 people have died and 9,000 were injured.",
     [(40, "killed", "freedonia"), (9000, "wounded", "freedonia")]),
    ("Freedonia's bombardment of the valley went on. Freedonia said its jets hit depots. Freedonia "
     "called it a success, and Sylvania called for calm. At least 40 people were killed.",
     [(40, "killed", None)]),
    ("The number of people killed in the quake has risen to 212.", [(212, "killed", None)]),
    ("The number of people displaced has risen to 9,000.", [(9000, "other", None)]),
])
def test_dead_of_the_story_country(text, expected):
    assert [(f.value, f.metric, f.subject) for f in figures(text)] == expected


# an amount of money names its own unit: it never takes the last counted noun's owner, only the
# owner of the amount it continues
@pytest.mark.parametrize("text,value,subject", [
    ("Sylvania fired 40 missiles at Freedonia. The attack cost Ruritania about $80 million.",
     80e6, "ruritania"),
    ("Freedonia earned more than $20 billion. The majority of this, around $19 billion, came from timber.",
     19e9, "freedonia"),
])
def test_money_is_never_elliptical(text, value, subject):
    got = {f.value: f.subject for f in figures(text)}
    assert got[value] == subject


def test_two_sides_named_on_one_noun_give_the_first_named():
    got = [(f.value, f.subject) for f in figures("Ruritanian and Sylvanian strikes destroyed 12 tanks.")]
    assert got == [(12, "ruritania")]


# what happened to the people counted: the counted noun's own passive, the word after the number,
# treatment in hospital, a part "of them" of the count before it, and the count a toll verb fills
@pytest.mark.parametrize("text,expected", [
    ("One soldier was killed at the border and two civilians were lightly wounded by shrapnel.",
     [(1, "killed"), (2, "wounded")]),
    ("Troops killed 3 and wounded 5 in the raid.", [(3, "killed"), (5, "wounded")]),
    ("Medics said they had treated 31 people.", [(31, "wounded")]),
    ("More than 4,900 people have been killed and over 26,000 arrested.",
     [(4900, "killed"), (26000, "other")]),
    ("The toll rose to 2,012, with another 2,059 injured, 1,404 of them critically.",
     [(2012, "killed"), (2059, "wounded"), (1404, "wounded")]),
    ("The death toll tops 31,000.", [(31000, "killed")]),
    ("Rebels fired 40 rockets, 12 of them at the airport.", [(40, "other"), (12, "other")]),
])
def test_what_happened_to_the_people_counted(text, expected):
    assert [(f.value, f.metric) for f in figures(text)] == expected


def test_a_headline_toll_knows_whose_offensive_the_body_tells():
    text = ("Death toll tops 400 as shelling goes on\n"
            "Freedonia's bombardment of the valley went on. Freedonia said its jets hit depots. "
            "Freedonia called it a success, and Sylvania called for calm.\n")
    assert [(f.value, f.subject) for f in figures(text)] == [(400, None)]


@pytest.mark.parametrize("text,subject", [
    ("Heavy rain fell across Freedonia. Freedonia closed its schools. Some 8,000 residents are trapped.",
     "freedonia"),
    ("Freedonia met Sylvania. Freedonia and Sylvania signed a pact. Some 8,000 residents are trapped.", None),
])
def test_people_counted_with_no_side_are_the_story_country(text, subject):
    assert [f.subject for f in figures(text)] == [subject]


# a share with no actor in its clause is the story country's; whoever forecasts it is its source
@pytest.mark.parametrize("text,subject", [
    ("Freedonia voted on Sunday. Freedonia's president conceded. Turnout was 61.3 percent.", "freedonia"),
    ("Freedonia voted on Sunday. Freedonia's president conceded. The Relief Agency forecasts growth of "
     "8.3 percent.", "freedonia"),
])
def test_a_share_with_no_actor_is_the_story_country(text, subject):
    assert [f.subject for f in figures(text)] == [subject]


def test_captives_handed_over_are_freed_by_the_side_that_is_not_theirs():
    text = ("Sylvania freed 20 Fredonian captives on Monday. Freedonia released 30 prisoners on Tuesday. "
            "Twelve Fredonian captives were handed over on Friday.")
    assert [(f.value, f.subject) for f in figures(text)] == [(20, "sylvania"), (30, "freedonia"),
                                                             (12, "sylvania")]
