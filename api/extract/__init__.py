"""Pure extraction: article text + publication date -> facts with character offsets.

Knows nothing of Flask or the database (tests/test_boundaries.py enforces it), so it can
run in a process pool and be tested on plain strings.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from .types import EXTRACTOR_VERSION, Extraction


def extract_document(text: str, published: date | None = None) -> Extraction:
    """The one public entry point: every fact one article yields."""
    from .text import parse

    return _facts(parse(text, published))


def warm() -> None:
    """Load now what extraction otherwise loads on first use (the model, the lexicons, dateparser's
    English data) by extracting one invented sentence, so a process pool forked afterwards shares
    it instead of every worker loading it again."""
    extract_document("Minister Ana Vale said on 5 March 2025 that talks with Norway would resume.",
                     date(2025, 3, 6))


def extract_documents(items: Iterable[tuple[str, date | None]]) -> Iterator[Extraction | Exception]:
    """Many articles, in order: the model runs over them in batches (nlp.pipe), which is faster
    than one at a time. A document whose rules fail yields its exception; the others go on."""
    from .nlp import get_nlp
    from .text import parse

    items = list(items)
    nlp, _ = get_nlp()
    for (text, published), doc in zip(items, nlp.pipe(t for t, _ in items), strict=True):
        try:
            yield _facts(parse(text, published, doc))
        except Exception as exc:  # one bad document must not stop the batch
            yield exc


def _facts(parsed) -> Extraction:
    from . import actors, events, figures, statements

    found_actors = actors.find_actors(parsed)
    found_statements = statements.find_statements(parsed, found_actors)
    found = Extraction(
        actors=found_actors,
        statements=found_statements,
        figures=figures.find_figures(parsed, found_actors, found_statements),
        events=events.find_events(parsed, found_actors, found_statements),
        version=EXTRACTOR_VERSION,
        notes=parsed.notes,
    )
    return actors.keep_acting(found)     # drop actors that neither act nor carry a fact


__all__ = ["extract_document", "extract_documents", "warm", "Extraction", "EXTRACTOR_VERSION"]
