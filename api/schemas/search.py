from __future__ import annotations

from marshmallow import fields, validate

from ..queries.search import HIT_TYPES
from .common import CursorArgs, Schema, page_schema


class SearchHitSchema(Schema):
    type = fields.String(required=True, validate=validate.OneOf(HIT_TYPES), metadata={"example": "statement"})
    id = fields.Raw(required=True, metadata={
        "type": ["integer", "string"], "example": 29,
        "description": "The item's id: an integer for statements, figures and events, a slug for actors"})
    url = fields.Method("item_url", required=True, metadata={
        "type": "string", "description": "Where the item is", "example": "/v1/statements/29"})
    score = fields.Float(required=True,
                         metadata={"description": "Relevance; higher is better", "example": 2.7})
    snippet = fields.String(required=True, metadata={
        "description": "The matching text, HTML-escaped, with matched words in <mark>...</mark>",
        "example": "North Korean <mark>troops</mark> provided assistance"})

    def item_url(self, hit) -> str:
        return f"/v1/{hit['type']}s/{hit['id']}"


SearchPage = page_schema(SearchHitSchema, "SearchPage")


class SearchArgs(CursorArgs):
    q = fields.String(required=True, validate=validate.Length(1, 500), metadata={
        "description": "Words to find (all of them, stemmed: troop finds troops)", "example": "troops Kursk"})
    type = fields.String(validate=validate.OneOf(HIT_TYPES), metadata={
        "description": "Only hits of this type", "example": "statement"})
