from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import EVENT_KINDS, PRECISIONS
from .common import ActorRefSchema, CsvArgs, EvidenceSchema, Schema, page_schema


class EventSchema(Schema):
    id = fields.Integer(required=True, metadata={"example": 2})
    kind = fields.String(required=True, validate=validate.OneOf(EVENT_KINDS),
                         metadata={"example": "deployment"})
    title = fields.String(required=True, metadata={"example": "North Korea deploys troops to Russia"})
    date = fields.String(allow_none=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD",
                                                    "example": "2024-06"})
    precision = fields.String(allow_none=True, validate=validate.OneOf(PRECISIONS),
                              metadata={"example": "month"})
    location = fields.String(allow_none=True, metadata={"example": "Kursk"})
    actors = fields.List(fields.Nested(ActorRefSchema), required=True)
    mentions = fields.List(fields.Nested(EvidenceSchema), required=True,
                           metadata={"description": "One or more per document that reports it"})
    series = fields.String(allow_none=True, metadata={
        "description": "Events sharing a series are stages of one thing (a treaty signed, ratified, "
                       "in force)"})
    thread = fields.Integer(required=True, allow_none=True, attribute="thread_id", metadata={
        "description": "The thread (/v1/threads/{id}) of the other stages of the same agreement; null "
                       "when it has none", "example": 2})
    conflict = fields.String(allow_none=True, metadata={
        "description": "Where reporting documents disagree (a date, a count): what differs and where"})
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it", "example": 5})


EventPage = page_schema(EventSchema, "EventPage")


class ActorEventArgs(CsvArgs):
    """Filters for events of one actor (the path names the actor)."""
    kind = fields.String(validate=validate.OneOf(EVENT_KINDS), metadata={"example": "deployment"})
    date_from = fields.Date(data_key="from", metadata={
        "description": "Events whose period reaches this day or later (2024-06 covers all of June)",
        "example": "2024-06-01"})
    date_to = fields.Date(data_key="to", metadata={
        "description": "Events whose period starts on or before this day; undated events are left out "
                       "when from or to is given", "example": "2024-12-31"})
    document = fields.String(metadata={"description": "Document id: events it reports",
                                       "example": "000_90bd47314c1e82cc"})
    sort = fields.String(load_default="id", validate=validate.OneOf(["id", "date", "-date"]), metadata={
        "description": "Order: id (default), date (earliest first) or -date (latest first); "
                       "undated events come last either way", "example": "date"})


class EventArgs(ActorEventArgs):
    actor = fields.String(metadata={"description": "An actor id taking part", "example": "north-korea"})
