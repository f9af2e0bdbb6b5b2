"""The whole database as NDJSON lines, in constant memory: a header naming the revision, then every
document (without its text), actor, statement, figure and event with its evidence, then an end
line with the counts, so a cut-off download is detectable.

Rows are read in keyset chunks of CHUNK by id, and the session forgets each chunk once it is
written, so memory stays flat however large the database (bench/export_memory.py measures it).
The caller holds one snapshot (a read transaction) for the whole stream.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from ..models import Actor, Document, Event, Figure, Statement
from ..models.revisions import revision_state

CHUNK = 500
EXPORT_TYPES = ("document", "actor", "statement", "figure", "event")


def _schemas() -> dict:
    from ..schemas.actors import ActorSchema
    from ..schemas.documents import DocumentSchema
    from ..schemas.events import EventSchema
    from ..schemas.figures import FigureSchema
    from ..schemas.statements import StatementSchema
    return {"document": (Document, DocumentSchema()), "actor": (Actor, ActorSchema()),
            "statement": (Statement, StatementSchema()), "figure": (Figure, FigureSchema()),
            "event": (Event, EventSchema())}


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


def _rows(session: Session, model, updated_since: int | None) -> Iterator:
    last = None
    while True:
        stmt = select(model).order_by(model.id).limit(CHUNK)
        if model is Document:
            stmt = stmt.options(defer(Document.text))
        if updated_since is not None:
            stmt = stmt.where(model.revision > updated_since)
        if last is not None:
            stmt = stmt.where(model.id > last)
        chunk = list(session.scalars(stmt).unique())
        if not chunk:
            return
        yield from chunk
        last = chunk[-1].id
        session.expunge_all()        # the chunk is written: nothing keeps it in memory


def export_lines(session: Session, *, types: list[str] | None = None,
                 updated_since: int | None = None) -> Iterator[str]:
    wanted = [t for t in EXPORT_TYPES if not types or t in types]
    revision, changed_at = revision_state(session)
    yield _line({"type": "export", "revision": revision,
                 "changed_at": changed_at.isoformat() if changed_at else None,
                 "updated_since": updated_since, "types": wanted})
    counts = {}
    schemas = _schemas()
    for kind in wanted:
        model, schema = schemas[kind]
        n = 0
        for row in _rows(session, model, updated_since):
            yield _line({"type": kind, "data": schema.dump(row)})
            n += 1
        counts[kind] = n
    yield _line({"type": "end", "revision": revision, "counts": counts})
