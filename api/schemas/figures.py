from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import QUALIFIERS
from .common import ActorRefSchema, EvidenceSchema, PageArgs, Schema, page_schema


class FigureSchema(Schema):
    id = fields.Integer(required=True)
    value = fields.Float(required=True, metadata={"description": "In base units: $20 billion is 20000000000"})
    unit = fields.String(required=True, metadata={"example": "people"})
    metric = fields.String(required=True, metadata={"example": "troops_deployed"})
    qualifier = fields.String(required=True, validate=validate.OneOf(QUALIFIERS))
    subject = fields.Nested(ActorRefSchema, allow_none=True, metadata={"description": "Whose number it is"})
    source = fields.Nested(ActorRefSchema, allow_none=True, metadata={"description": "Who asserts it"})
    as_of = fields.String(allow_none=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD"})
    statement = fields.Integer(allow_none=True, attribute="statement_id",
                               metadata={"description": "The statement whose words hold the number"})
    evidence = fields.Nested(EvidenceSchema, required=True)
    revision = fields.Integer()


FigurePage = page_schema(FigureSchema, "FigurePage")


class FigureArgs(PageArgs):
    metric = fields.String()
    subject = fields.String(metadata={"description": "Subject actor id"})
    source = fields.String(metadata={"description": "Source actor id"})
    document = fields.String(metadata={"description": "Document id"})
