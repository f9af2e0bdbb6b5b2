"""A sum is revenue where the words that govern it tell it as earnings, not where a cue stands
elsewhere in its clause."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,value,metric", [
    ("Trade\nAnalysts say Borduria is earning more than $3 billion from the arms trade.\n", 3e9, "revenue"),
    ("Trade\nThe ban would deprive Borduria of about €2 billion a year in revenue, the minister said.\n",
     2e9, "revenue"),
    ("Trade\nMost of this, around $1.5 billion, comes from selling shells.\n", 1.5e9, "revenue"),
    ("Trade\nLeaders agreed to use profits from $90 billion of frozen assets to back a $20 billion "
     "loan for Ruritania.\n", 9e10, "other"),
    ("Trade\nLeaders agreed to use profits from $90 billion of frozen assets to back a $20 billion "
     "loan for Ruritania.\n", 2e10, "other"),
])
def test_revenue_is_told_by_what_governs_the_sum(extract, text, value, metric):
    ex = extract(text)
    assert (value, metric) in [(f.value, f.metric) for f in ex.figures]
