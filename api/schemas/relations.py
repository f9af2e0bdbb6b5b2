"""Across outlets: corroborating reports, statement clusters, claim groups, threads."""
from __future__ import annotations

from marshmallow import fields, validate

from .common import ActorRefSchema, EvidenceSchema, PageArgs, Schema, page_schema
from .events import EventSchema
from .figures import FigureSchema
from .statements import ReportSchema


class ClusterSchema(Schema):
    id = fields.Integer(required=True, attribute="cluster.id", metadata={"example": 2})
    speaker = fields.Nested(ActorRefSchema, required=True, attribute="cluster.speaker")
    outlets = fields.List(fields.String(), required=True, attribute="outlet_names", metadata={
        "description": "Every outlet that reports the remark", "example": ["TROIB News", "Reuters"]})
    documents = fields.Integer(required=True, attribute="cluster.documents", metadata={"example": 3})
    first_said = fields.Date(allow_none=True, attribute="cluster.first_said", metadata={
        "description": "The earliest day a report dates it (said_on, else the publication day)"})
    statements = fields.List(fields.Nested(ReportSchema), required=True, metadata={
        "description": "Each report of the remark, by document"})
    revision = fields.Integer(attribute="cluster.revision", metadata={"example": 5})


ClusterPage = page_schema(ClusterSchema, "StatementClusterPage")


class ClusterArgs(PageArgs):
    speaker = fields.String(validate=validate.Length(1, 120), metadata={
        "description": "Speaker's actor id", "example": "dmitry-peskov"})
    min_outlets = fields.Integer(validate=validate.Range(1, 10_000), metadata={
        "description": "Reported by at least this many outlets", "example": 3})
    document = fields.String(validate=validate.Length(1, 200), metadata={
        "description": "Clusters with a report in this document", "example": "000_90bd47314c1e82cc"})


class ClaimSchema(Schema):
    """One figure as a claim about the group's quantity."""
    id = fields.Integer(required=True, metadata={"description": "The figure's id", "example": 7})
    value = fields.Float(required=True, metadata={"example": 10000})
    qualifier = fields.String(required=True, metadata={"example": "approximately"})
    low = fields.Float(required=True, allow_none=True, metadata={
        "description": "Smallest value the qualifier allows (approximately: within 10%); null: no bound",
        "example": 9000})
    high = fields.Float(required=True, allow_none=True, metadata={
        "description": "Largest value the qualifier allows; null: no bound", "example": 11000})
    source = fields.Nested(ActorRefSchema, required=True, allow_none=True, metadata={
        "description": "Who asserts it: the figure's source, else the speaker of the statement that holds "
                       "it"})
    as_of = fields.String(required=True, allow_none=True, metadata={"example": "2024-11"})
    date = fields.String(required=True, allow_none=True, metadata={
        "description": "The date it is grouped by: as_of, else its document's publication day",
        "example": "2024-11-09"})
    outlet = fields.String(required=True, metadata={"example": "TROIB News"})
    evidence = fields.Nested(EvidenceSchema, required=True)


class ClaimGroupSchema(Schema):
    id = fields.Integer(required=True, attribute="group.id", metadata={"example": 6})
    subject = fields.Nested(ActorRefSchema, required=True, attribute="group.subject")
    metric = fields.String(required=True, attribute="group.metric", metadata={"example": "troops_deployed"})
    unit = fields.String(required=True, attribute="group.unit", metadata={"example": "people"})
    as_of_from = fields.String(required=True, allow_none=True, attribute="group.as_of_from",
                               metadata={"example": "2024-11-01"})
    as_of_to = fields.String(required=True, allow_none=True, attribute="group.as_of_to",
                             metadata={"example": "2024-11-30"})
    min_value = fields.Float(required=True, attribute="group.min_value", metadata={"example": 10000})
    max_value = fields.Float(required=True, attribute="group.max_value", metadata={"example": 11000})
    disagree = fields.Boolean(required=True, attribute="group.disagree", metadata={
        "description": "No value satisfies every claim's qualifier (the values fall outside each other's "
                       "bounds)", "example": False})
    documents = fields.Integer(required=True, attribute="group.documents", metadata={"example": 2})
    claims = fields.List(fields.Nested(ClaimSchema), required=True, metadata={
        "description": "Each figure, with its source, date and document, in date order"})
    revision = fields.Integer(attribute="group.revision", metadata={"example": 5})


ClaimPage = page_schema(ClaimGroupSchema, "ClaimGroupPage")


class ClaimArgs(PageArgs):
    subject = fields.String(validate=validate.Length(1, 120), metadata={
        "description": "Whose number: an actor id", "example": "north-korea"})
    metric = fields.String(validate=validate.Length(1, 60), metadata={"example": "troops_deployed"})
    unit = fields.String(validate=validate.Length(1, 40), metadata={"example": "people"})
    disagree = fields.Boolean(metadata={"description": "Only groups whose claims disagree (or agree)",
                                        "example": True})
    document = fields.String(validate=validate.Length(1, 200), metadata={
        "description": "Groups with a figure from this document", "example": "000_90bd47314c1e82cc"})


class StageSchema(Schema):
    id = fields.Integer(required=True, metadata={"example": 2})
    kind = fields.String(required=True, metadata={"example": "treaty_signed"})
    title = fields.String(required=True)
    date = fields.String(required=True, allow_none=True, metadata={"example": "2024-06"})
    precision = fields.String(required=True, allow_none=True, metadata={"example": "month"})


class ThreadSchema(Schema):
    id = fields.Integer(required=True, attribute="thread.id", metadata={"example": 2})
    name = fields.String(required=True, attribute="thread.name", metadata={
        "description": "The agreement or operation, as the reports name it", "example": "partnership treaty"})
    first_date = fields.String(required=True, allow_none=True, attribute="thread.first_date",
                               metadata={"example": "2024-06"})
    last_date = fields.String(required=True, allow_none=True, attribute="thread.last_date",
                              metadata={"example": "2024-11-09"})
    stages = fields.List(fields.Nested(StageSchema), required=True, metadata={
        "description": "Its events in date order (undated last)"})
    revision = fields.Integer(attribute="thread.revision", metadata={"example": 5})


ThreadPage = page_schema(ThreadSchema, "ThreadPage")


class ThreadArgs(PageArgs):
    actor = fields.String(validate=validate.Length(1, 120), metadata={
        "description": "Threads with a stage this actor takes part in", "example": "north-korea"})
    q = fields.String(validate=validate.Length(1, 200), metadata={
        "description": "Every word appears in the thread's name", "example": "treaty"})


class FigureDetailSchema(FigureSchema):
    competing = fields.List(fields.Nested(ClaimSchema), required=True, metadata={
        "description": "The other figures of its claim group: the same quantity as other sources, "
                       "documents or dates give it"})


class EventDetailSchema(EventSchema):
    thread_stages = fields.Nested(ThreadSchema, required=True, allow_none=True, attribute="thread_detail",
                           metadata={"description": "The agreement or operation it is a stage of, with "
                                                    "the other stages in date order; null when none"})
