"""A clause the parser read as a noun phrase ("X seized power", "X forecasts growth") is read as a clause."""
from __future__ import annotations

import pytest

from api.extract import parse_repair


@pytest.mark.parametrize("sentence,verb,subject,obj", [
    ("Syldavia's military seized power on 9 June 2018, ousting the elected government.",
     "seized", "military", "power"),
    ("Borduria's military seized power on 12 May 2020, dissolving parliament.",
     "seized", "military", "power"),
    ("The International Energy Agency forecasts demand of 2 percent in 2025.",
     "forecasts", "Agency", "demand"),
    ("The Regional Monetary Fund forecasts growth of 3.5 percent in 2026.", "forecasts", "Fund", "growth"),
])
def test_a_finite_verb_read_as_a_modifier_heads_its_clause(nlp, sentence, verb, subject, obj):
    doc = nlp(sentence)
    parse_repair.repair(doc)
    v = next(t for t in doc if t.text == verb)
    assert v.dep_ == "ROOT" and v.head == v
    assert {(c.text, c.dep_) for c in v.children} >= {(subject, "nsubj"), (obj, "dobj")}


@pytest.mark.parametrize("sentence", [
    "The elected government took office in May.",
    "Ruritania's army seized the airport on Monday.",
])
def test_a_sound_parse_is_left_alone(nlp, sentence):
    doc = nlp(sentence)
    before = [(t.i, t.head.i, t.dep_) for t in doc]
    parse_repair.repair(doc)
    assert [(t.i, t.head.i, t.dep_) for t in doc] == before


@pytest.mark.parametrize("text,kind,date", [
    ("Coup\nSyldavia's military seized power on 9 June 2018, ousting the elected government.\n",
     "other", "2018-06-09"),
])
def test_the_repaired_clause_is_an_event(extract, text, kind, date):
    assert (kind, date) in [(e.kind, e.date) for e in extract(text).events]


def test_the_repaired_clause_is_a_statement(extract):
    ex = extract("Outlook\nThe Regional Monetary Fund forecasts growth of 3.5 percent in 2026.\n")
    names = {a.key: a.name for a in ex.actors}
    assert ("Regional Monetary Fund", "growth of 3.5 percent in 2026") in [
        (names[s.speaker], s.text) for s in ex.statements]
