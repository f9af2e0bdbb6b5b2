from __future__ import annotations

from marshmallow import fields

from .common import PageArgs, Schema, page_schema


class DocumentSchema(Schema):
    id = fields.String(required=True, metadata={"example": "000_90bd47314c1e82cc"})
    title = fields.String(allow_none=True)
    publisher = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    published = fields.Date(allow_none=True)
    sha256 = fields.String()
    ingested_at = fields.DateTime()
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it"})


class DocumentDetailSchema(DocumentSchema):
    text = fields.String(required=True, metadata={"description": "The article's full text"})


DocumentPage = page_schema(DocumentSchema, "DocumentPage")


class DocumentArgs(PageArgs):
    pass
