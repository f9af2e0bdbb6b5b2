"""Event triggers, dates and in-document dedupe on sentences written for these tests."""
from datetime import date

import pytest

from api.extract.events import find_events
from api.extract.text import parse

PUB = date(2025, 3, 10)   # a Monday


LEAD = "Headline\nThe region is calm.\n"   # a lead with no event, so the rules for leads stay out


def events(text):
    return [(e.kind, e.date) for e in find_events(parse(LEAD + text, PUB), ())]


@pytest.mark.parametrize("text,expected", [
    ("Gondor and Rohan signed a defence pact in May 2023.", [("treaty_signed", "2023-05")]),
    ("Both parliaments ratified the accord last December.", [("treaty_ratified", "2024-12")]),
    ("The agreement entered into force on 1 February 2025.", [("treaty_in_force", "2025-02-01")]),
    ("The leaders held a summit in Minas Tirith last week.", [("summit", "2025-03")]),
    ("Mordor's invasion of Gondor in March 2019 shocked the world.", [("invasion", "2019-03")]),
    ("Rohan's forces launched an incursion into the Eastfold region last August.",
     [("incursion", "2024-08")]),
    ("On Saturday the army declared the complete liberation of the river district.",
     [("liberation", "2025-03-08")]),
    ("The army completed the liberation of the town on Saturday.", [("liberation", "2025-03-08")]),
    ("The minister pledged full support for the campaign on Friday.", [("pledge", "2025-03-07")]),
    ("Officials refrained from confirming the deployment of troops.", []),
    ("“We will defend every village,” the general said on Sunday.", []),
    ("The pact that the two leaders signed in Edoras on June 19 binds them.",
     [("treaty_signed", "2024-06-19")]),
    ("The accord, signed by both kings in May, binds them.", [("treaty_signed", "2024-05")]),
    ("The king on Saturday signed into law the accord with Rohan.", [("treaty_ratified", "2025-03-08")]),
    ("The council voted to ratify the pact on October 24, and the king signed the law on November 9.",
     [("treaty_ratified", "2024-10-24"), ("treaty_ratified", "2024-11-09")]),
    ("The pact took effect on 4 December after both sides exchanged ratification documents.",
     [("treaty_in_force", "2024-12-04")]),
    ("Rohan's troops crossed into the Eastfold on 6 August 2024.", [("incursion", "2024-08-06")]),
    ("They launched a cross-border raid on August 6.", [("incursion", "2024-08-06")]),
    ("Gondor launched a counteroffensive in early January.", [("offensive", "2025-01")]),
    ("Gondor's forces have retaken the fortress.", [("liberation", None)]),
    ("Mordor sent about 7,000 troops to the front.", [("deployment", None)]),
    ("Mordor confirmed for the first time on Monday that it had sent troops to the front.",
     [("confirmation", "2025-03-10"), ("deployment", None)]),
    ("Mordor confirmed the deployment officially on Monday.",
     [("confirmation", "2025-03-10"), ("deployment", None)]),
    ("Mordor said it had deployed troops to the east, and that they entered combat in mid-December.",
     [("deployment", None)]),
    ("The deployment is the first since the 1950-53 war.", []),   # points back at a known event
    ("The treaty, which both houses ratified, says that each side will help the other.",
     [("treaty_ratified", None)]),
    ("The treaty promises that each side will help the other.", []),   # what a text says, not an act
    # a toll counted over a period is an ongoing matter: no day of it dates it; a deployment since
    # a month started then
    ("Floods in Gondor have killed 1,100 people since June.", [("casualties", None)]),
    ("The rebels have attacked more than 100 ships since November.", [("other", None)]),
    ("Since October, Mordor has deployed 15,000 troops to the front.", [("deployment", "2024-10")]),
    # a "when" clause times the clause it hangs from
    ("Three soldiers were wounded when a roadside bomb exploded near Osgiliath on Thursday.",
     [("casualties", "2025-03-06")]),
    # people set free, or bodies handed over, are an exchange; a statement released is none
    ("The rebels on Saturday freed four Gondorian soldiers.", [("other", "2025-03-08")]),
    ("The rebels handed over the bodies of two hostages on Friday.", [("other", "2025-03-07")]),
    ("The army released a statement on Sunday.", []),
])
def test_triggers(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text,expected", [
    # open-class happenings are events of kind "other"
    ("Envoys of Gondor and Rohan met in Edoras on Tuesday.", [("other", "2025-03-04")]),
    ("The army struck 30 targets in the east on Friday.", [("other", "2025-03-07")]),
    ("The two sides exchanged 200 prisoners on Sunday.", [("other", "2025-03-09")]),
    ("Rohan and Gondor began building a bridge across the river in May.", [("other", "2024-05")]),
    ("Thousands protested in the capital on Saturday.", [("other", "2025-03-08")]),
    # plans, threats, possibilities, conditions and negations are not events
    ("Envoys are expected to meet in Edoras next week.", []),
    ("The king vowed to strike back.", []),
    ("The army could launch an offensive.", []),
    ("The king will not sign the accord.", []),
    ("Rohan denied that its army had struck the town.", []),
    ("There are no plans for a meeting between the two kings.", []),
    ("The pact binds each side in the event of an attack.", []),
    ("The fighting will go on until all captives are freed.", []),
    ("Hostages would be released in exchange for prisoners.", []),
    # a decision or a promise of support is a pledge; a promise of anything else is not
    ("The council decided to close the port on Monday.", [("pledge", "2025-03-10")]),
    ("Gondor could provide armed support to Rohan, the queen said on Monday.",
     [("pledge", "2025-03-10")]),
    ("The king promised to build a monument.", []),
    # an agreement reached is treaty_signed; the deal it names is not a second event
    ("Gondor and Rohan agreed to a prisoner exchange on June 9.", [("treaty_signed", "2024-06-09")]),
    ("The two countries severed ties in 2016.", [("other", "2016")]),
    ("The killing of the commander in May angered the militia.", [("casualties", "2024-05")]),
    # both sides freeing captives on one day is one exchange
    ("Rohan freed ten captives on Friday. In return, Gondor released 39 prisoners on Friday.",
     [("other", "2025-03-07")]),
    # a truce beginning is its entry into force
    ("The truce, which began on Friday morning, held.", [("treaty_in_force", "2025-03-07")]),
    # a toll told inside an attack is that attack's
    ("Missiles were fired in strikes that killed 9 civilians on Friday.", [("other", "2025-03-07")]),
    # a named person set free is a release; a vote, a veto and a concession are events
    ("John Smith was released from prison on Friday.", [("other", "2025-03-07")]),
    ("Sunday's vote was calm.", [("other", "2025-03-09")]),
    ("Mordor vetoed the draft on Friday.", [("other", "2025-03-07")]),
    ("The prime minister conceded defeat on Monday.", [("other", "2025-03-10")]),
    # a crossing is an incursion when a force crosses, not people or weapons
    ("Rohan's troops crossed into the Eastfold region on Friday.", [("incursion", "2025-03-07")]),
    ("The captives crossed into Gondor on Friday.", []),
    ("Thousands of refugees crossed the border on Friday.", []),
    ("About 200 rockets crossed from Rohan on Friday.", []),
    # plural exchanges are exchanges too; an exchange of fire is a clash, not a swap
    ("The exchanges of fire began on Friday.", [("other", "2025-03-07")]),
    ("The two sides held an exchange of prisoners on Friday.", [("other", "2025-03-07")]),
    ("The exchanges of fire began on Friday. The two sides swapped 90 prisoners on Friday.",
     [("other", "2025-03-07"), ("other", "2025-03-07")]),
    # the first day or the start of a truce is its entry into force, on the day of the clause it times
    ("Rohan freed 24 captives on Friday, the first day of a four-day truce.",
     [("other", "2025-03-07"), ("treaty_in_force", "2025-03-07")]),
    ("Rohan freed 24 captives on Friday, at the start of the truce.",
     [("other", "2025-03-07"), ("treaty_in_force", "2025-03-07")]),
    ("Talks on the start of a truce failed.", [("other", None)]),
])
def test_open_class_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the telling's date goes to the told clause, not to a participle inside its subject
    ("Two sailors, captured while fishing, have asked for help, a lawyer said Monday.",
     [("other", None)]),
    # a date that introduces a "when" clause dates what happens in it
    ("It was a shift from January, when the envoys held talks in Edoras.", [("other", "2025-01")]),
    # "talks on Thursday followed a meeting": the meeting came shortly before, that month
    ("Her talks with the duke on Thursday followed a meeting of the elders.",
     [("other", "2025-03-06"), ("other", "2025-03")]),
    # "hours/days after X": X is recent news, the publication month
    ("The envoy will visit Rohan days after the summit in Edoras.", [("summit", "2025-03")]),
])
def test_dates_from_context(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a clause placed from the clause it is under (4 March is the Tuesday before publication)
    ("The council voted on Tuesday to condemn the raid, four days after Mordor vetoed a draft.",
     [("other", "2025-02-28")]),
    ("Rohan fired rockets on Thursday, a day after an airstrike killed one of its commanders.",
     [("other", "2025-03-06"), ("casualties", "2025-03-05")]),
    # ... or from what the preposition takes, whose own date is not the clause's
    ("The envoys met in Edoras two months after the summit of 4 January.",
     [("other", "2025-03-04"), ("summit", "2025-01-04")]),
    # a year on from a day that the year after lacks: the month's last day
    ("The envoys met in Edoras a year after the summit of 29 February 2024.",
     [("other", "2025-02-28"), ("summit", "2024-02-29")]),
    # the clause under the link dates the one it modifies
    ("Two weeks after the truce took effect on 1 February, the envoys met in Edoras.",
     [("treaty_in_force", "2025-02-01"), ("other", "2025-02-15")]),
    # with nothing dated in its sentence, from the last date told
    ("Mordor vetoed the draft on Friday. Two days later, Gondor attacked the fort.",
     [("other", "2025-03-07"), ("other", "2025-03-09")]),
    # "days after": no length, no date moved
    ("Mordor vetoed the draft on Friday. Days later, Gondor attacked the fort.",
     [("other", "2025-03-07"), ("other", None)]),
])
def test_a_length_of_time_dates_a_clause_from_another(text, expected):
    assert events(text) == expected


def test_lead_tense_dates_the_lead():
    lead = "Headline\nThe two kings have signed a defence pact.\nThe pact was welcomed.\n"
    assert [(e.kind, e.date) for e in find_events(parse(lead, PUB), ())] == [("treaty_signed", "2025-03-10")]
    past = "Headline\nThe two kings signed a defence pact.\n"
    assert [(e.kind, e.date) for e in find_events(parse(past, PUB), ())] == [("treaty_signed", "2025-03")]


def test_date_behind_another_trigger_is_not_taken():
    got = events("The pact was signed after the army launched an incursion into the north in July 2024.")
    assert ("incursion", "2024-07") in got and ("treaty_signed", None) in got


def test_one_event_per_document():
    text = ("The treaty was ratified in June 2024. Critics said the ratification was rushed. "
            "The ratification was welcomed abroad.")
    assert events(text) == [("treaty_ratified", "2024-06")]


@pytest.mark.parametrize("text,location", [
    ("Rohan's forces launched an incursion into the Eastfold region last August.", "Eastfold region"),
    ("Gondor and Rohan signed a defence pact in May 2023.", None),
    ("Gondor's forces recaptured the fortress, officials in Minas Tirith said.", None),
    ("The deployment of Mordorian troops to the Eastfold region began in May.", "Eastfold region"),
    ("Gondor's general reported to President Aragorn on Friday that the siege ended.", None),
])
def test_location_is_a_place_never_a_date(text, location):
    (event,) = find_events(parse(LEAD + text, PUB), ())
    assert event.location == location


def test_pledges_of_different_speakers_stay_apart():
    from api.extract.types import Actor, ActorMention, Span
    text = ("Headline\nAt that time, Gondor pledged support in August 2024. "
            "Aragorn has praised the soldiers, promising to send troops to help Rohan.")
    cast = []
    for key, kind, form in (("gondor", "country", "Gondor"), ("aragorn", "person", "Aragorn")):
        i = text.index(form)
        cast.append(Actor(key, form, kind, mentions=(ActorMention(key, Span.of(text, i, i + len(form))),)))
    got = [(e.kind, e.date, e.actors[:1]) for e in find_events(parse(text, PUB), tuple(cast))]
    assert got == [("pledge", "2024-08", ("gondor",)), ("pledge", None, ("aragorn",))]


def test_a_confirmation_is_an_event_with_or_without_a_date():
    assert events("The president has confirmed reports that Gondor's soldiers were deployed.") == [
        ("confirmation", None), ("deployment", None)]


@pytest.mark.parametrize("text,series", [
    # its own name, every modifier written before the noun
    ("Gondor and Rohan ratified their Grand Northern Fisheries Treaty in March 2023.",
     ["Grand Northern Fisheries Treaty"]),
    # the stage is a clause describing the agreement's noun
    ("Rohan cited a strategic fisheries treaty signed last year.", ["strategic fisheries treaty"]),
    ("Ships sail under the Eastfold Grain Accord, which entered into force last December.",
     ["Eastfold Grain Accord"]),
    # "the treaty" with no name of its own: the agreement the text last referred to ...
    ("Rohan honours the Eastfold Grain Accord. The treaty entered into force on Monday.",
     ["Eastfold Grain Accord"]),
    ("Gondor and Rohan signed the Eastfold Grain Accord in May 2023. The pact entered into force on Monday.",
     ["Eastfold Grain Accord", "Eastfold Grain Accord"]),
    # ... else the only one it names later
    ("The treaty entered into force on Monday. Rohan says the Eastfold Grain Accord protects its boats.",
     ["Eastfold Grain Accord"]),
    ("The treaty entered into force on Monday. Rohan praised the Eastfold Grain Accord and the "
     "Harbour Dues Convention, then the Anduin Toll Accord.", [None]),
    # nothing to refer to: no series here (relate looks across documents)
    ("The treaty entered into force on Monday.", [None]),
])
def test_a_treatys_stage_is_named_after_the_agreement_the_text_is_about(text, series):
    got = [e.series for e in find_events(parse(LEAD + text, PUB), ()) if e.kind.startswith("treaty")]
    assert got == series
