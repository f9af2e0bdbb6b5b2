from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import QUALIFIERS
from .common import ActorRefSchema, CsvArgs, EvidenceSchema, Schema, page_schema


class FigureSchema(Schema):
    id = fields.Integer(required=True, metadata={"example": 3})
    value = fields.Float(required=True, metadata={"description": "In base units: $20 billion is 20000000000",
                                                  "example": 12000})
    unit = fields.String(required=True, metadata={"example": "people"})
    metric = fields.String(required=True, metadata={"example": "troops_deployed"})
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS),
                              metadata={"example": "approximately"})
    subject = fields.Nested(ActorRefSchema, allow_none=True, metadata={"description": "Whose number it is"})
    source = fields.Nested(ActorRefSchema, allow_none=True, metadata={"description": "Who asserts it"})
    as_of = fields.String(allow_none=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD",
                                                     "example": "2024-11"})
    statement = fields.Integer(allow_none=True, attribute="statement_id",
                               metadata={"description": "The statement whose words hold the number"})
    evidence = fields.Nested(EvidenceSchema, required=True)
    claim = fields.Integer(required=True, allow_none=True, attribute="claim_id", metadata={
        "description": "The claim group (/v1/claims/{id}) of figures about the same quantity; null when "
                       "no other figure claims it", "example": 6})
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it", "example": 5})


FigurePage = page_schema(FigureSchema, "FigurePage")


class ActorFigureArgs(CsvArgs):
    """Filters for figures of one actor (the path names the actor)."""
    metric = fields.String(validate=validate.Length(1, 60), metadata={"example": "troops_deployed"})
    subject = fields.String(metadata={"description": "Subject actor id: whose number it is",
                                      "example": "north-korea"})
    source = fields.String(metadata={"description": "Source actor id: who asserts it", "example": "ukraine"})
    unit = fields.String(validate=validate.Length(1, 40), metadata={"example": "people"})
    qualifier = fields.String(validate=validate.OneOf(QUALIFIERS), metadata={"example": "approximately"})
    min_value = fields.Float(allow_nan=False, metadata={"description": "value >= this (base units)",
                                                        "example": 1000})
    max_value = fields.Float(allow_nan=False, metadata={"description": "value <= this (base units)",
                                                        "example": 100000})
    document = fields.String(metadata={"description": "Document id", "example": "000_90bd47314c1e82cc"})
    sort = fields.String(load_default="id", validate=validate.OneOf(["id", "value", "-value"]), metadata={
        "description": "Order: id (default), value (smallest first) or -value (largest first)",
        "example": "-value"})


class FigureArgs(ActorFigureArgs):
    actor = fields.String(metadata={"description": "Actor id as subject or source", "example": "north-korea"})
