"""A telling to a listener after what it tells ("..., the minister told reporters"): the clause
before it is the statement, as for "said"."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("body,speaker,quote", [
    ("The bloc also froze state assets held at the central bank, Commission President Ana Ruiz told "
     "reporters in Lima.", "Ana Ruiz", "The bloc also froze state assets held at the central bank"),
    ("The port will reopen on Friday, Governor Rita Moss told the radio station.", "Rita Moss",
     "The port will reopen on Friday"),
])
def test_told_after_the_clause(extract, body, speaker, quote):
    ex = extract(f"City news\n{body}\n")
    names = {a.key: a.name for a in ex.actors}
    assert (speaker, quote) in [(names.get(s.speaker), s.text) for s in ex.statements]
