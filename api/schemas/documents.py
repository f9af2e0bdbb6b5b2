from __future__ import annotations

from marshmallow import fields

from .common import ActorRefSchema, PageArgs, Schema, UTCDateTime, page_schema
from .events import EventSchema
from .figures import FigureSchema
from .statements import StatementSchema


class DocumentSchema(Schema):
    id = fields.String(required=True, metadata={"example": "000_90bd47314c1e82cc"})
    title = fields.String(allow_none=True, metadata={"example": "North Korean troops in Kursk"})
    publisher = fields.String(allow_none=True, metadata={"example": "Reuters"})
    url = fields.String(allow_none=True, metadata={"example": "https://example.com/article"})
    published = fields.Date(allow_none=True, metadata={"example": "2025-04-28"})
    sha256 = fields.String(metadata={"description": "Of the text; the same text is never loaded twice"})
    ingested_at = UTCDateTime(metadata={"example": "2025-04-28T10:00:00+00:00"})
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it", "example": 5})


class DocumentDetailSchema(DocumentSchema):
    text = fields.String(required=True, metadata={"description": "The article's full text"})


DocumentPage = page_schema(DocumentSchema, "DocumentPage")


class DocumentArgs(PageArgs):
    pass


class DocumentFactsSchema(Schema):
    """Every fact of one article, in text order, with the actors it names."""
    document = fields.Nested(DocumentSchema, required=True)
    actors = fields.List(fields.Nested(ActorRefSchema), required=True,
                         metadata={"description": "Actors the article names, by id"})
    statements = fields.List(fields.Nested(StatementSchema), required=True)
    figures = fields.List(fields.Nested(FigureSchema), required=True)
    events = fields.List(fields.Nested(EventSchema), required=True,
                         metadata={"description": "Events it reports, with every document's mentions"})
