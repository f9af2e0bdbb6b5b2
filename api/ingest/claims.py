"""Which figures are claims about the same quantity, and whether the claims disagree.

Figures share a claim group when they have the same subject, metric and unit and compatible
dates: a figure's date is its `as_of` (a year or month covers its whole period) or, lacking one,
its document's publication day; dates are compatible when the later period starts at most
SAME_QUANTITY_DAYS after the group's first period ends (groups are formed in date order, each
anchored on its earliest figure, so a slow series of counts does not chain into one group).
Undated figures (no as_of, no publication date) group among themselves.

A qualifier bounds a value: exact is the value itself, approximately within APPROXIMATELY of
it, at_least from it up, at_most up to it. Claims disagree when no value satisfies them all.
"""
from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

SAME_QUANTITY_DAYS = 14
APPROXIMATELY = 0.10


def period(as_of: str | None, published: date | None) -> tuple[date, date] | None:
    """First and last day a figure's date covers."""
    if as_of:
        try:
            parts = [int(p) for p in as_of.split("-")]
            if len(parts) == 1:
                return date(parts[0], 1, 1), date(parts[0], 12, 31)
            if len(parts) == 2:
                return date(parts[0], parts[1], 1), date(parts[0], parts[1],
                                                          calendar.monthrange(parts[0], parts[1])[1])
            day = date(*parts[:3])
            return day, day
        except ValueError:
            pass
    return (published, published) if published else None


def bounds(value: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "approximately":
        spread = abs(value) * APPROXIMATELY
        return value - spread, value + spread
    if qualifier == "at_least":
        return value, math.inf
    if qualifier == "at_most":
        return -math.inf, value
    return value, value


def disagree(rows) -> bool:
    spans = [bounds(r.value, r.qualifier) for r in rows]
    return max(lo for lo, _ in spans) > min(hi for _, hi in spans)


def groups(rows: list) -> list[list]:
    """Figures of one (subject, metric, unit), rows with value, qualifier, as_of, published,
    document_id, start_char, id: their groups, in a fixed order that depends on content only."""
    dated, undated = [], []
    for r in rows:
        p = period(r.as_of, r.published)
        (dated if p else undated).append((p, r))
    dated.sort(key=lambda pr: (pr[0], pr[1].document_id, pr[1].start_char, pr[1].value))
    out: list[list] = []
    anchor_end = None
    for p, r in dated:
        if anchor_end is not None and p[0] <= anchor_end + timedelta(days=SAME_QUANTITY_DAYS):
            out[-1].append(r)
        else:
            out.append([r])
            anchor_end = p[1]
    if undated:
        out.append([r for _, r in undated])
    return out


def summary(group: list) -> dict:
    periods = [p for r in group if (p := period(r.as_of, r.published))]
    return dict(as_of_from=min(p[0] for p in periods).isoformat() if periods else None,
                as_of_to=max(p[1] for p in periods).isoformat() if periods else None,
                figures=len(group), documents=len({r.document_id for r in group}),
                min_value=min(r.value for r in group), max_value=max(r.value for r in group),
                disagree=disagree(group))
