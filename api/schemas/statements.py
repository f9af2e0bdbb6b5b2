from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import STATEMENT_KINDS
from .common import ActorRefSchema, CsvArgs, EvidenceSchema, Schema, page_schema


class StatementSchema(Schema):
    id = fields.Integer(required=True, metadata={"example": 29})
    speaker = fields.Nested(ActorRefSchema, required=True)
    kind = fields.String(required=True, validate=validate.OneOf(STATEMENT_KINDS), metadata={
        "description": "direct: the quotation marks hold the words; indirect: reported speech"})
    text = fields.String(required=True, metadata={
        "description": "The words said (direct) or reported (indirect)",
        "example": "North Korean troops provided assistance to Russian servicemen"})
    said_on = fields.Date(allow_none=True, metadata={"description": "When it was said, if the text dates it"})
    about = fields.List(fields.Nested(ActorRefSchema), required=True)
    evidence = fields.Nested(EvidenceSchema, required=True)
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it", "example": 5})


StatementPage = page_schema(StatementSchema, "StatementPage")


class ActorStatementArgs(CsvArgs):
    """Filters for statements of one actor (the path names the actor)."""
    about = fields.String(metadata={"description": "An actor id the statement is about",
                                    "example": "ukraine"})
    kind = fields.String(validate=validate.OneOf(STATEMENT_KINDS), metadata={"example": "direct"})
    document = fields.String(metadata={"description": "Document id", "example": "000_90bd47314c1e82cc"})
    q = fields.String(validate=validate.Length(1, 200), metadata={
        "description": "Every word appears in the statement's text (case-insensitive)",
        "example": "troops Kursk"})
    said_from = fields.Date(metadata={"description": "Said on or after this day", "example": "2024-06-01"})
    said_to = fields.Date(metadata={"description": "Said on or before this day", "example": "2025-04-30"})
    sort = fields.String(load_default="id", validate=validate.OneOf(["id"]),
                         metadata={"description": "Order: id (the order of extraction)"})


class StatementArgs(ActorStatementArgs):
    speaker = fields.String(metadata={"description": "Speaker's actor id", "example": "vladimir-putin"})
