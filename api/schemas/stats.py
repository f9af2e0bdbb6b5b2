from __future__ import annotations

from marshmallow import fields

from .common import Schema, UTCDateTime


class CountsSchema(Schema):
    documents = fields.Integer(required=True, metadata={"example": 5})
    actors = fields.Integer(required=True, metadata={"example": 26})
    statements = fields.Integer(required=True, metadata={"example": 56})
    figures = fields.Integer(required=True, metadata={"example": 7})
    events = fields.Integer(required=True, metadata={"example": 16})


class StatsSchema(Schema):
    revision = fields.Integer(required=True, metadata={
        "description": "The current data revision: pass it as updated_since next time", "example": 5})
    changed_at = UTCDateTime(allow_none=True, metadata={
        "description": "When the data last changed", "example": "2025-04-28T10:00:00+00:00"})
    counts = fields.Nested(CountsSchema, required=True)
