"""List items straight from Core rows: exactly the dicts the marshmallow schemas beside this file
dump, without building ORM objects or walking marshmallow fields for every value of every row.

The schemas stay the contract (they generate openapi.yaml, and single items are dumped by them);
tests/web/test_lean_rows.py holds these functions equal to them on every item of the corpus.
Rows are unpacked by position (ten times cheaper than by name): the order is that of
FIGURE_COLUMNS, STATEMENT_COLUMNS and EVENT_COLUMNS in api/queries/facts.py.
"""
from __future__ import annotations


def _ref(actor_id, name) -> dict | None:
    return None if actor_id is None else {"id": actor_id, "name": name}


def _refs(pairs) -> list[dict]:
    return [{"id": actor_id, "name": name} for actor_id, name in pairs]


def figure(row) -> dict:
    (id_, value, unit, metric, qualifier, subject_id, subject_name, source_id, source_name, as_of,
     statement_id, document_id, start, end, text, revision) = row[:16]
    return {"id": id_, "value": float(value), "unit": unit, "metric": metric, "qualifier": qualifier,
            "subject": _ref(subject_id, subject_name), "source": _ref(source_id, source_name),
            "as_of": as_of, "statement": statement_id,
            "evidence": {"document": document_id, "start": start, "end": end, "text": text},
            "claim": row[16], "revision": revision}


def statement(item) -> dict:
    row, about = item
    (id_, speaker_id, speaker_name, kind, words, said_on, document_id, start, end, text,
     revision) = row[:11]
    return {"id": id_, "speaker": {"id": speaker_id, "name": speaker_name}, "kind": kind, "text": words,
            "said_on": said_on.isoformat() if said_on is not None else None, "about": _refs(about),
            "evidence": {"document": document_id, "start": start, "end": end, "text": text},
            "cluster": row[11], "revision": revision}


def event(item) -> dict:
    row, actors, mentions = item
    id_, kind, title, when, precision, location, series, conflict, revision = row[:9]
    return {"id": id_, "kind": kind, "title": title, "date": when, "precision": precision,
            "location": location, "actors": _refs(actors),
            "mentions": [{"document": d, "start": s, "end": e, "text": t} for d, s, e, t in mentions],
            "series": series, "thread": row[9], "conflict": conflict, "revision": revision}


def search_hit(hit: dict) -> dict:
    """A hit of api/queries/search.py as SearchHitSchema dumps it (its url added)."""
    return {"type": hit["type"], "id": hit["id"], "url": f"/v1/{hit['type']}s/{hit['id']}",
            "score": float(hit["score"]), "snippet": hit["snippet"]}
