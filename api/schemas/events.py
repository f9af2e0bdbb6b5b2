from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import EVENT_KINDS, PRECISIONS
from .common import ActorRefSchema, EvidenceSchema, PageArgs, Schema, page_schema


class EventSchema(Schema):
    id = fields.Integer(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(EVENT_KINDS))
    title = fields.String(required=True)
    date = fields.String(allow_none=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD",
                                                    "example": "2024-06"})
    precision = fields.String(allow_none=True, validate=validate.OneOf(PRECISIONS))
    location = fields.String(allow_none=True)
    actors = fields.List(fields.Nested(ActorRefSchema), required=True)
    mentions = fields.List(fields.Nested(EvidenceSchema), required=True,
                           metadata={"description": "One or more per document that reports it"})
    series = fields.String(allow_none=True, metadata={
        "description": "Events sharing a series are stages of one thing (a treaty signed, ratified, "
                       "in force)"})
    conflict = fields.String(allow_none=True, metadata={
        "description": "Where reporting documents disagree (a date, a count): what differs and where"})
    revision = fields.Integer()


EventPage = page_schema(EventSchema, "EventPage")


class EventArgs(PageArgs):
    kind = fields.String(validate=validate.OneOf(EVENT_KINDS))
    document = fields.String(metadata={"description": "Document id"})
