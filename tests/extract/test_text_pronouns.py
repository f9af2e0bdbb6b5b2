""""It" after a sentence about a text (a resolution, a report) is the text: no one speaks."""
from __future__ import annotations

import pytest


def _statements(ex):
    names = {a.key: a.name for a in ex.actors}
    return [(names[s.speaker], s.text) for s in ex.statements]


@pytest.mark.parametrize("text,quote", [
    ("Vote\nChile said the council would vote. The resolution was adopted on Monday by 12 votes. "
     "It calls for an immediate halt to the shelling.\n", "an immediate halt to the shelling"),
    ("Audit\nPeru said the audit was over. The report was published on Friday. It says that the "
     "fund lost $4 million.\n", "the fund lost $4 million"),
])
def test_a_text_that_says_something_is_no_speaker(extract, text, quote):
    assert not any(q == quote for _, q in _statements(extract(text)))


def test_it_after_an_actor_still_speaks(extract):
    ex = extract("Talks\nChile said the talks went well. It added that a deal was near.\n")
    assert ("Chile", "a deal was near") in _statements(ex)
