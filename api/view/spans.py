"""Overlapping highlights as flat, nestable HTML: the text is cut at every span boundary, and each
piece says which spans cover it. A fact's highlight is then the run of pieces that name it, exactly
its characters, however the spans nest or cross."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    key: str       # unique on the page: "statement-12", "event-5-130-261", ...
    kind: str      # the colour class: quote, reported, figure, event, actor
    start: int     # code points, inclusive
    end: int       # exclusive

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    covering: tuple[Span, ...]   # innermost (shortest) first
    opening: tuple[Span, ...]    # spans that begin here, outermost first (as they read)


def pieces(length: int, spans: list[Span]) -> list[Piece]:
    """Cut [0, length) at every start and end; empty or out-of-range spans are ignored."""
    spans = [s for s in spans if 0 <= s.start < s.end <= length]
    bounds = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    by_start: dict[int, list[Span]] = {}
    for span in spans:
        by_start.setdefault(span.start, []).append(span)
    active: list[Span] = []
    out = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        active = [s for s in active if s.end > start]
        opening = sorted(by_start.get(start, ()), key=lambda s: (-s.length, s.key))
        active.extend(opening)
        out.append(Piece(start, end, tuple(sorted(active, key=lambda s: (s.length, s.key))), tuple(opening)))
    return out
