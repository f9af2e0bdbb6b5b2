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
    cluster = fields.Integer(required=True, allow_none=True, attribute="cluster_id", metadata={
        "description": "The statement cluster (/v1/statement-clusters/{id}) of the other outlets' reports "
                       "of the same remark; null when no other document reports it", "example": 2})
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it", "example": 5})


StatementPage = page_schema(StatementSchema, "StatementPage")


class ReportSchema(Schema):
    """One outlet's report of a remark."""
    id = fields.Integer(required=True, metadata={"description": "The statement's id", "example": 18})
    text = fields.String(required=True, metadata={"example": "Our agreement is in effect."})
    said_on = fields.Date(allow_none=True)
    outlet = fields.String(required=True, metadata={
        "description": "The document's publisher, or 'document <id>' when none is known",
        "example": "TROIB News"})
    published = fields.Date(allow_none=True, metadata={"description": "When the document was published"})
    evidence = fields.Nested(EvidenceSchema, required=True)


class StatementDetailSchema(StatementSchema):
    corroborated_by = fields.List(fields.Nested(ReportSchema), required=True, metadata={
        "description": "The other documents' reports of the same remark (same speaker, overlapping "
                       "words), each with its outlet and evidence"})


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
    corroborated = fields.Boolean(metadata={
        "description": "true: only remarks another document also reports; false: only the others",
        "example": True})
    min_outlets = fields.Integer(validate=validate.Range(1, 10_000), metadata={
        "description": "Only remarks reported by at least this many outlets", "example": 2})
    sort = fields.String(load_default="id", validate=validate.OneOf(["id"]),
                         metadata={"description": "Order: id (the order of extraction)"})


class StatementArgs(ActorStatementArgs):
    speaker = fields.String(metadata={"description": "Speaker's actor id", "example": "vladimir-putin"})
