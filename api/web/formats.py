"""JSON by default; CSV (Accept: text/csv or ?format=csv) on lists that offer it; 406 otherwise."""
from __future__ import annotations

import csv
import io

from flask import Response, current_app, g, request
from marshmallow import Schema, fields
from werkzeug.exceptions import NotAcceptable

MIMETYPES = {"json": "application/json", "csv": "text/csv", "ndjson": "application/x-ndjson"}


def offers_csv(func):
    """Mark a list view as able to answer CSV (the view passes its item schema to envelope())."""
    func.formats = ("json", "csv")
    return func


def offers_ndjson(func):
    """Mark a view as answering NDJSON only (a stream of JSON lines)."""
    func.formats = ("ndjson",)
    return func


def offered() -> tuple[str, ...]:
    view = current_app.view_functions.get(request.endpoint)
    method = getattr(getattr(view, "view_class", None), request.method.lower(), view)
    return getattr(method, "formats", ("json",))


def negotiate() -> str:
    """The format to answer in, from ?format= first, then Accept; raises 406 when none fits."""
    formats = offered()
    asked = request.args.get("format")
    if asked in formats:
        return asked
    if not request.accept_mimetypes:
        return formats[0]
    best = request.accept_mimetypes.best_match([MIMETYPES[f] for f in formats])
    if best is None:
        raise NotAcceptable(f"This resource answers {' or '.join(MIMETYPES[f] for f in formats)}")
    return next(f for f in formats if MIMETYPES[f] == best)


def wants_csv() -> bool:
    return g.get("format") == "csv"


def _columns(schema: Schema, prefix: str = ""):
    """Flattened column names: nested objects become dotted names, lists one joined column."""
    for name, field in schema.fields.items():
        key = prefix + (field.data_key or name)
        if isinstance(field, fields.Nested):
            yield from _columns(field.schema, key + ".")
        else:
            yield key


def _cell(row: dict, path: tuple[str, ...]):
    value = row
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):   # ActorRefs by id, Evidence by document
        return ";".join(str(v.get("id", v.get("document"))) if isinstance(v, dict) else str(v) for v in value)
    return value


def csv_response(schema: Schema, items: list, headers: dict, dumped: bool = False) -> Response:
    """`items` as CSV: dumped by `schema` first, unless they are that already."""
    columns = list(_columns(schema))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    paths = [tuple(c.split(".")) for c in columns]
    for row in items if dumped else schema.dump(items, many=True):
        writer.writerow(["" if (cell := _cell(row, p)) is None else cell for p in paths])
    return Response(out.getvalue(), mimetype="text/csv", headers=headers)
