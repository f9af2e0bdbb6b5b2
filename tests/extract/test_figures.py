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
    ("sylvania", "Sylvania", "country", None, ["Sylvania"]),
    ("freedonian-army", "Freedonian Army", "armed_force", "freedonia", ["Freedonian soldiers"]),
    ("sylvanian-intelligence", "Sylvanian Intelligence Service", "organization", "sylvania",
     ["Sylvanian intelligence"]),
    ("defence-ministry", "Sylvanian Ministry of Defence", "government_body", "sylvania",
     ["Sylvania’s Ministry of Defence"]),
    ("jane-roe", "Jane Roe", "person", None, ["Roe"]),
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
    ("Freedonia is reportedly earning more than $4.5 billion from the arms trade.",
     4.5e9, "USD", "revenue", "at_least", "freedonia", None),
    ("Roe said Freedonia now provides nearly a third of the fuel used by Sylvania.",
     0.333333, "fraction", "share_of_supply", "approximately", "freedonia", "jane-roe"),
    ("The Freedonian Army lost ground as Sylvania captured 12 villages in a week.",
     12, "count", "settlements_captured", "exact", "sylvania", None),
    ("Reports suggest that 300 Freedonian soldiers were killed in the fighting.",
     300, "people", "killed", "exact", "freedonia", None),
    ("Officials said 45 Fredonian civilians were wounded.",
     45, "people", "wounded", "exact", "freedonia", None),
    ("About 2K Freedonian soldiers were killed or injured, Sylvania said.",
     2000, "people", "casualties", "approximately", "freedonia", None),
    ("Freedonia has dispatched roughly 1,500 additional soldiers to the front.",
     1500, "people", "troops_deployed", "approximately", "freedonia", None),
    ("Freedonia has deployed an estimated 6,000 to 7,000 soldiers to Sylvania.",
     6000, "people", "troops_deployed", "approximately", "freedonia", None),
    ("Freedonia has 6,000 to 7,000 soldiers stationed abroad.",
     6000, "people", "troops_deployed", "at_least", "freedonia", None),
    ("Roe said \u201csome 2,500\u201d Freedonian soldiers were stationed there.",
     2500, "people", "troops_deployed", "approximately", "freedonia", "jane-roe"),
    ("Sylvania said one in four of the shells used by its army comes from Freedonia.",
     0.25, "fraction", "share_of_supply", "exact", "freedonia", "sylvania"),
    ("Freedonia is believed to have earned about $2bn, Sylvanian intelligence said.",
     2e9, "USD", "revenue", "approximately", "freedonia", None),
    ("Sylvania's analysts put the Freedonian presence at roughly 9,000 soldiers.",
     9000, "people", "troops_deployed", "approximately", "freedonia", None),
    ("Freedonia has supplied as many as 150 long-range artillery pieces to Sylvania.",
     150, "pieces", "other", "at_most", "freedonia", None),
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
