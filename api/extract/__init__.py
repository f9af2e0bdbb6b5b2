"""Pure extraction: article text + publication date -> facts with character offsets.

Knows nothing of Flask or the database (tests/test_boundaries.py enforces it), so it can
run in a process pool and be tested on plain strings.
"""
from __future__ import annotations

from datetime import date

from .types import EXTRACTOR_VERSION, Extraction


def extract_document(text: str, published: date | None = None) -> Extraction:
    """The one public entry point: every fact one article yields."""
    from . import actors, events, figures, statements
    from . import text as text_mod

    parsed = text_mod.parse(text, published)
    found_actors = actors.find_actors(parsed)
    found_statements = statements.find_statements(parsed, found_actors)
    found_figures = figures.find_figures(parsed, found_actors, found_statements)
    found_events = events.find_events(parsed, found_actors)
    used = _used_actor_keys(found_actors, found_statements, found_figures, found_events)
    return Extraction(
        actors=tuple(a for a in found_actors if a.key in used),
        statements=found_statements,
        figures=found_figures,
        events=found_events,
        version=EXTRACTOR_VERSION,
        notes=parsed.notes,
    )


def _used_actor_keys(actors, statements, figures, events) -> set[str]:
    """Every actor the document names is kept; affiliations they point at are kept too."""
    keys = {a.key for a in actors}
    for a in actors:
        if a.affiliation:
            keys.add(a.affiliation)
    return keys


__all__ = ["extract_document", "Extraction", "EXTRACTOR_VERSION"]
