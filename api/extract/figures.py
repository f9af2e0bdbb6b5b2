"""Figures: numbers with scale, unit, metric, qualifier, subject, source and as_of."""
from __future__ import annotations

from .text import ParsedText
from .types import Actor, Figure, Statement


def find_figures(parsed: ParsedText, actors: tuple[Actor, ...],
                 statements: tuple[Statement, ...]) -> tuple[Figure, ...]:
    return ()
