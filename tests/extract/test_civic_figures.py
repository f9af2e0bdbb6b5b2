"""Counts of people in stories of politics, crime and disasters: who they are counted as, and
what the count measures."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,value,unit,metric", [
    ("Coup\nThe junta said on Monday that 14 ministers had been placed under house arrest.\n",
     14, "people", "other"),
    ("Border\nThe mission, which has about 200 unarmed monitors along the border, said it saw fire.\n",
     200, "people", "other"),
    ("Crime\nThe town, with about 90,000 inhabitants, has two hospitals.\n", 90000, "people", "other"),
    ("Crime\nTarsk recorded 1,284 homicides in 2025, the state statistics office said.\n",
     1284, "people", "killed"),
    ("Pullout\nGormland, which pulled its last 800 troops out of Tarvia in 2024, said on Monday it "
     "would not return.\n", 800, "people", "troops_deployed"),
])
def test_counted_people(extract, text, value, unit, metric):
    figs = [f for f in extract(text).figures if f.value == value]
    assert figs, [(f.value, f.unit) for f in extract(text).figures]
    assert (figs[0].unit, figs[0].metric) == (unit, metric)
