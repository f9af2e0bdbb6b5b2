"""Statements: direct quotes, block quotes, headline attributions and reported speech."""
from __future__ import annotations

from .text import ParsedText
from .types import Actor, Statement


def find_statements(parsed: ParsedText, actors: tuple[Actor, ...]) -> tuple[Statement, ...]:
    return ()
