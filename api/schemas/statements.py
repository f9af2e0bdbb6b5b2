from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import STATEMENT_KINDS
from .common import ActorRefSchema, EvidenceSchema, PageArgs, Schema, page_schema


class StatementSchema(Schema):
    id = fields.Integer(required=True)
    speaker = fields.Nested(ActorRefSchema, required=True)
    kind = fields.String(required=True, validate=validate.OneOf(STATEMENT_KINDS), metadata={
        "description": "direct: the quotation marks hold the words; indirect: reported speech"})
    text = fields.String(required=True)
    said_on = fields.Date(allow_none=True, metadata={"description": "When it was said, if the text dates it"})
    about = fields.List(fields.Nested(ActorRefSchema), required=True)
    evidence = fields.Nested(EvidenceSchema, required=True)
    revision = fields.Integer()


StatementPage = page_schema(StatementSchema, "StatementPage")


class StatementArgs(PageArgs):
    speaker = fields.String(metadata={"description": "Speaker's actor id"})
    about = fields.String(metadata={"description": "An actor id the statement is about"})
    kind = fields.String(validate=validate.OneOf(STATEMENT_KINDS))
    document = fields.String(metadata={"description": "Document id"})
