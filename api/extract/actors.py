"""Actors: NER + gazetteer -> canonical actors with kinds, roles and mentions."""
from __future__ import annotations

from .text import ParsedText
from .types import Actor


def find_actors(parsed: ParsedText) -> tuple[Actor, ...]:
    return ()
