"""One page's facts as the viewer shows them: a highlight span, a type label, a short accessible
summary and the details a card lists. Plain functions over the query layer's rows."""
from __future__ import annotations

from dataclasses import dataclass, field

from .spans import Span


@dataclass(frozen=True)
class Kind:
    name: str      # CSS class and legend entry
    letter: str    # the visible type label on each highlight (colour is never the only cue)
    title: str
    meaning: str


KINDS = {k.name: k for k in (
    Kind("quote", "Q", "Direct quote", "A statement in the speaker's own words, inside quotation marks."),
    Kind("reported", "R", "Reported speech", "A statement the article reports without quoting it."),
    Kind("figure", "F", "Figure", "A number, its unit and what it measures."),
    Kind("event", "E", "Event", "Something that happened; the same event links across outlets."),
    Kind("actor", "A", "Actor", "A person, state or organisation the article names."),
)}


@dataclass
class Fact:
    key: str
    kind: Kind
    href: str
    heading: str                   # what the card and the list lead with
    summary: str                   # the accessible name of its highlight
    details: list[tuple[str, str, str | None]] = field(default_factory=list)   # (term, value, link)
    start: int = 0
    end: int = 0
    card: str = ""                 # id of the element that describes it (the list entry)

    def __post_init__(self):
        self.card = self.card or f"card-{self.key}"

    @property
    def span(self) -> Span:
        return Span(self.key, self.kind.name, self.start, self.end)


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}" if abs(value) >= 1 \
        else f"{value:.4g}"


def actor_link(actor) -> tuple[str, str | None]:
    return (actor.name, f"/view/actors/{actor.id}") if actor is not None else ("unknown", None)


def statement_fact(s) -> Fact:
    kind = KINDS["quote" if s.kind == "direct" else "reported"]
    speaker, speaker_href = actor_link(s.speaker)
    details = [("Speaker", speaker, speaker_href), ("Kind", s.kind, None),
               ("Said on", s.said_on.isoformat() if s.said_on else "not dated", None)]
    details += [("About", a.name, f"/view/actors/{a.id}") for a in s.about]
    details.append(("Words", s.text, None))
    heading = f"{kind.title} by {speaker}"
    # The words themselves follow the label in the text: its name need not read them out again.
    summary = heading + (f", said on {s.said_on.isoformat()}" if s.said_on else "")
    return Fact(f"statement-{s.id}", kind, f"/view/statements/{s.id}", heading, summary, details,
                s.start_char, s.end_char)


def figure_fact(f) -> Fact:
    value = f"{number(f.value)} {f.unit}"
    details = [("Value", value, None), ("Metric", f.metric, None), ("Qualifier", f.qualifier, None)]
    for term, actor in (("Subject", f.subject), ("Source", f.source)):
        if actor is not None:
            details.append((term, *actor_link(actor)))
    if f.as_of:
        details.append(("As of", f.as_of, None))
    if f.statement_id:
        details.append(("Statement", f"statement {f.statement_id}", f"/view/statements/{f.statement_id}"))
    heading = f"Figure: {value}, {f.metric.replace('_', ' ')}"
    return Fact(f"figure-{f.id}", KINDS["figure"], f"/view/figures/{f.id}", heading,
                f"{heading} ({f.qualifier})", details, f.start_char, f.end_char)


def event_details(e) -> list[tuple[str, str, str | None]]:
    details = [("Kind", e.kind.replace("_", " "), None), ("Title", e.title, None),
               ("Date", f"{e.date} ({e.precision})" if e.date else "not dated", None)]
    if e.location:
        details.append(("Location", e.location, None))
    details += [("Participant", a.name, f"/view/actors/{a.id}") for a in e.actors]
    outlets = len({m.document_id for m in e.mentions})
    reported = f"{outlets} document{'s' if outlets != 1 else ''}"
    details.append(("Reported in", reported, f"/view/events/{e.id}"))
    return details


def event_facts(e, document_id: str) -> list[Fact]:
    """One highlight per mention of the event in this document."""
    details = event_details(e)
    heading = f"Event ({e.kind.replace('_', ' ')}): {e.title}"
    return [Fact(f"event-{e.id}-{m.start_char}-{m.end_char}", KINDS["event"], f"/view/events/{e.id}",
                 heading, heading + (f", {e.date}" if e.date else ""), details, m.start_char, m.end_char)
            for m in e.mentions if m.document_id == document_id]


def actor_fact(mention, actor) -> Fact:
    details = [("Kind", actor.kind.replace("_", " "), None)]
    if actor.role:
        details.append(("Role", actor.role, None))
    if actor.affiliation is not None:
        details.append(("Affiliation", *actor_link(actor.affiliation)))
    heading = f"Actor: {actor.name}"
    # Every mention of one actor is described by the same entry of the page's actor list.
    return Fact(f"actor-{actor.id}-{mention.start_char}-{mention.end_char}", KINDS["actor"],
                f"/view/actors/{actor.id}", heading, f"{heading} ({actor.kind.replace('_', ' ')})", details,
                mention.start_char, mention.end_char, card=f"card-actor-{actor.id}")


def page_facts(document_id: str, facts: dict[str, list], mentions: list) -> list[Fact]:
    """Every highlight of one document, in text order (longer first where two start together)."""
    out = [statement_fact(s) for s in facts["statements"]]
    out += [figure_fact(f) for f in facts["figures"]]
    for event in facts["events"]:
        out += event_facts(event, document_id)
    out += [actor_fact(m, a) for m, a in mentions]
    return sorted(out, key=lambda f: (f.start, -f.end, f.key))
