"""Pieces every resource shares: references, evidence, the list envelope, errors, paging args."""
from __future__ import annotations

from datetime import UTC

from marshmallow import Schema, fields, validate


class UTCDateTime(fields.DateTime):
    """RFC 3339 with a zone: SQLite hands back naive datetimes, and we only ever store UTC."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class ActorRefSchema(Schema):
    id = fields.String(required=True, metadata={"example": "north-korea"})
    name = fields.String(required=True, metadata={"example": "North Korea"})


class EvidenceSchema(Schema):
    """Where a fact stands: text == document.text[start:end], offsets in Unicode code points."""
    document = fields.String(required=True, attribute="document_id",
                             metadata={"description": "Document id", "example": "000_90bd47314c1e82cc"})
    start = fields.Integer(required=True, attribute="start_char",
                           metadata={"description": "Offset in code points, inclusive", "example": 412})
    end = fields.Integer(required=True, attribute="end_char",
                         metadata={"description": "Offset in code points, exclusive", "example": 450})
    text = fields.String(required=True, attribute="evidence_text",
                         metadata={"description": "Exactly document.text[start:end]"})


class LinksSchema(Schema):
    self = fields.String(required=True, metadata={"description": "This page",
                                                  "example": "http://127.0.0.1:8000/v1/figures?per_page=50"})
    next = fields.String(required=True, allow_none=True, metadata={
        "description": "The next page, or null on the last one",
        "example": "http://127.0.0.1:8000/v1/figures?cursor=WyJpZCIsNTBd&per_page=50"})


class MetaSchema(Schema):
    total = fields.Integer(allow_none=True, metadata={
        "description": "Items matching the filters (search: the hits it ranks). A list counts "
                       "them once per data revision and filters, then keeps the count: every page "
                       "of a walk, and every poll until the data changes, reuses it", "example": 7})
    per_page = fields.Integer(required=True, metadata={"example": 50})
    revision = fields.Integer(required=True, metadata={"description": "Data revision this page reflects",
                                                       "example": 5})


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """The list envelope {data, links, meta} around one item schema."""
    return Schema.from_dict({
        "data": fields.List(fields.Nested(item), required=True),
        "links": fields.Nested(LinksSchema, required=True),
        "meta": fields.Nested(MetaSchema, required=True),
    }, name=name)


class NoArgs(Schema):
    """No query parameters: any given is a 400 that names it."""


class CursorArgs(Schema):
    per_page = fields.Integer(load_default=50, validate=validate.Range(1, 500),
                              metadata={"description": "Items per page, 1 to 500", "example": 50})
    cursor = fields.String(validate=[validate.Length(1, 500), validate.Regexp(r"^[A-Za-z0-9_-]+$")],
                           metadata={
        "description": "Opaque cursor from links.next; only valid with the same filters and sort",
        "example": "WyJpZCIsNTBd"})


class PageArgs(CursorArgs):
    updated_since = fields.Integer(validate=validate.Range(0, 2**53), metadata={
        "description": "Only items written after this data revision (see /v1/stats)", "example": 3})


class CsvArgs(PageArgs):
    """Lists a spreadsheet can read: ?format=csv (or Accept: text/csv) answers flattened CSV."""
    format = fields.String(validate=validate.OneOf(["json", "csv"]), metadata={
        "description": "json (default) or csv; same as Accept: application/json or text/csv",
        "example": "csv"})


class ProblemSchema(Schema):
    """RFC 9457 problem details; every 4xx and 5xx has this body (application/problem+json)."""
    type = fields.String(required=True, metadata={"example": "https://httpstatuses.io/400"})
    title = fields.String(required=True, metadata={"example": "Bad Request"})
    status = fields.Integer(required=True, metadata={"example": 400})
    detail = fields.String(metadata={"example": "Invalid parameter: per_page"})
    instance = fields.String(metadata={"description": "The request path", "example": "/v1/figures"})
    errors = fields.Dict(metadata={"description": "Per-location, per-parameter messages",
                                   "example": {"query": {"per_page": ["Must be between 1 and 500."]}}})
