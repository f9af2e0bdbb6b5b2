"""Pieces every resource shares: references, evidence, the list envelope, errors, paging args."""
from __future__ import annotations

from marshmallow import Schema, fields, validate


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
    self = fields.String(required=True, metadata={"description": "This page"})
    next = fields.String(required=True, allow_none=True,
                         metadata={"description": "The next page, or null on the last one"})


class MetaSchema(Schema):
    total = fields.Integer(allow_none=True, metadata={"description": "Items matching the filters"})
    per_page = fields.Integer(required=True)
    revision = fields.Integer(required=True, metadata={"description": "Data revision this page reflects"})


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """The list envelope {data, links, meta} around one item schema."""
    return Schema.from_dict({
        "data": fields.List(fields.Nested(item), required=True),
        "links": fields.Nested(LinksSchema, required=True),
        "meta": fields.Nested(MetaSchema, required=True),
    }, name=name)


class PageArgs(Schema):
    per_page = fields.Integer(load_default=50, validate=validate.Range(1, 500),
                              metadata={"description": "Items per page, 1 to 500"})
    cursor = fields.String(metadata={"description": "Opaque cursor from links.next"})
    updated_since = fields.Integer(validate=validate.Range(min=0), metadata={
        "description": "Only items written after this data revision (see /v1/stats)"})


class ProblemSchema(Schema):
    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    instance = fields.String()
    errors = fields.Dict(metadata={"description": "Per-location, per-parameter messages"})
