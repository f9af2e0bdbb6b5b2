"""What extraction returns: frozen, picklable dataclasses with character offsets.

Offsets are Unicode code points into the document's text, end exclusive, and every
`Span.text` equals `text[start:end]`. Actors are referred to by their `key` (a slug of the
canonical name), which is unique within one `Extraction`; the loader maps keys to database
actors across documents.
"""
from __future__ import annotations

from dataclasses import dataclass, field

EXTRACTOR_VERSION = "0.6.0"

ACTOR_KINDS = ("person", "country", "organization", "government_body", "armed_force", "media")
STATEMENT_KINDS = ("direct", "indirect")
QUALIFIERS = ("exact", "approximately", "at_least", "at_most")
METRICS = ("troops_deployed", "casualties", "killed", "wounded", "revenue",
           "share_of_supply", "settlements_captured", "other")
EVENT_KINDS = ("treaty_signed", "treaty_ratified", "treaty_in_force", "summit", "invasion",
               "incursion", "deployment", "offensive", "liberation", "casualties",
               "confirmation", "pledge", "other")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        return cls(start, end, source[start:end])


@dataclass(frozen=True)
class ActorMention:
    """One place in the text that names (or refers to) an actor."""
    actor: str          # Actor.key
    span: Span


@dataclass(frozen=True)
class Actor:
    key: str                              # slug of the canonical name: "kim-jong-un"
    name: str                             # canonical name: "Lee Min Ho"
    kind: str                             # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()         # other surface forms this document uses
    role: str | None = None               # "Kremlin spokesperson"
    affiliation: str | None = None        # key of another Actor of the same Extraction
    mentions: tuple[ActorMention, ...] = ()
    acts: bool = True                     # speaks, acts or is acted on somewhere in the text; the
                                          # others are dropped once no fact refers to them


@dataclass(frozen=True)
class Statement:
    speaker: str                          # Actor.key
    kind: str                             # "direct" | "indirect"
    text: str                             # the quote (direct) or reported clause (indirect)
    evidence: Span                        # where `text` stands in the document
    said_on: str | None = None            # "YYYY-MM-DD"
    about: tuple[str, ...] = ()           # Actor.keys


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    metric: str
    qualifier: str
    evidence: Span
    subject: str | None = None            # Actor.key
    source: str | None = None             # Actor.key
    as_of: str | None = None              # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    statement: int | None = None          # index into Extraction.statements


@dataclass(frozen=True)
class Event:
    kind: str
    title: str
    evidence: Span                        # this document's mention
    date: str | None = None
    precision: str | None = None          # "day" | "month" | "year"
    location: str | None = None
    actors: tuple[str, ...] = ()          # Actor.keys
    series: str | None = None             # groups stages of one thing, e.g. a treaty's signing/ratification
    frame: str | None = None              # what sort of happening (meeting, attack, agreement ...)
    agents: int = 0                       # how many of `actors`, from the first, are its agents


@dataclass(frozen=True)
class Extraction:
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    version: str = EXTRACTOR_VERSION
    notes: tuple[str, ...] = field(default=())   # e.g. "blank pipeline: model not installed"
