"""Events: treaty stages, summits, military operations, confirmations and pledges, dated."""
from __future__ import annotations

from .text import ParsedText
from .types import Actor, Event


def find_events(parsed: ParsedText, actors: tuple[Actor, ...]) -> tuple[Event, ...]:
    return ()
