"""In a relative clause whose object is the relative pronoun ("a plan, which X called “a trap”"),
what is said is the complement; the clause before ends where the relative clause begins."""
from __future__ import annotations

import pytest


def _statements(ex):
    names = {a.key: a.name for a in ex.actors}
    return [(names[s.speaker], s.kind, s.text) for s in ex.statements]


@pytest.mark.parametrize("text,speaker,kind,quote", [
    ('Talks\nPeru tabled a new plan, which President Ana Vale called "unrealistic".\n',
     "Ana Vale", "direct", "unrealistic"),
    ('Talks\nPeru tabled a plan, which President Ana Vale described as "a trap".\n',
     "Ana Vale", "direct", "a trap"),
    ('Talks\nChile said on Monday it had handed the mediators a proposal, which President Ana Vale '
     'called "a farce".\n', "Chile", "indirect", "it had handed the mediators a proposal"),
])
def test_what_a_relative_clause_says_of_its_noun(extract, text, speaker, kind, quote):
    assert (speaker, kind, quote) in _statements(extract(text))
