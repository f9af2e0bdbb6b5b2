"""List items straight from Core rows: exactly the dicts the marshmallow schemas beside this file
dump, without building ORM objects or walking marshmallow fields for every value of every row.

The schemas stay the contract (they generate openapi.yaml, and single items are dumped by them);
tests/web/test_lean_rows.py holds these functions equal to them on every item of the corpus.
"""
from __future__ import annotations


def _ref(actor_id, name) -> dict | None:
    return None if actor_id is None else {"id": actor_id, "name": name}


def _refs(pairs) -> list[dict]:
    return [{"id": actor_id, "name": name} for actor_id, name in pairs]


def _evidence(row) -> dict:
    return {"document": row.document_id, "start": row.start_char, "end": row.end_char,
            "text": row.evidence_text}


def figure(row) -> dict:
    return {"id": row.id, "value": float(row.value), "unit": row.unit, "metric": row.metric,
            "qualifier": row.qualifier, "subject": _ref(row.subject_id, row.subject_name),
            "source": _ref(row.source_id, row.source_name), "as_of": row.as_of,
            "statement": row.statement_id, "evidence": _evidence(row), "revision": row.revision}


def statement(item) -> dict:
    row, about = item
    return {"id": row.id, "speaker": {"id": row.speaker_id, "name": row.speaker_name}, "kind": row.kind,
            "text": row.text, "said_on": row.said_on.isoformat() if row.said_on is not None else None,
            "about": _refs(about), "evidence": _evidence(row), "revision": row.revision}


def event(item) -> dict:
    row, actors, mentions = item
    return {"id": row.id, "kind": row.kind, "title": row.title, "date": row.date, "precision": row.precision,
            "location": row.location, "actors": _refs(actors),
            "mentions": [{"document": d, "start": s, "end": e, "text": t} for d, s, e, t in mentions],
            "series": row.series, "conflict": row.conflict, "revision": row.revision}
