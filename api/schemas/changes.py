from __future__ import annotations

from marshmallow import fields, validate

from ..models import RESOURCES
from ..queries.changes import ACTIONS
from .common import CursorArgs, Schema, UTCDateTime, page_schema


class ChangeSchema(Schema):
    revision = fields.Integer(required=True, metadata={
        "description": "The data revision that made this change", "example": 12})
    resource = fields.String(required=True, validate=validate.OneOf(list(RESOURCES)), metadata={
        "description": "Which list the item belongs to: it is at /v1/{resource}/{id}",
        "example": "statements"})
    id = fields.Raw(required=True, metadata={
        "type": ["integer", "string"], "example": 29,
        "description": "The item's id: an integer for statements, figures and events, text for actors "
                       "and documents"})
    action = fields.String(required=True, validate=validate.OneOf(ACTIONS), metadata={
        "description": "created (at this revision), updated (last written at this revision) or deleted",
        "example": "updated"})
    at = UTCDateTime(required=True, metadata={"description": "When", "example": "2025-04-28T10:00:00+00:00"})


ChangePage = page_schema(ChangeSchema, "ChangePage")


class ChangeArgs(CursorArgs):
    since = fields.Integer(load_default=0, validate=validate.Range(0, 2**53), metadata={
        "description": "Only changes after this data revision: 0 for everything, then the meta.revision "
                       "of the last page you read", "example": 5})
    resource = fields.String(validate=validate.OneOf(list(RESOURCES)), metadata={
        "description": "Only changes to this kind of item", "example": "figures"})
    format = fields.String(validate=validate.OneOf(["json", "csv"]), metadata={
        "description": "json (default) or csv; same as Accept: application/json or text/csv",
        "example": "csv"})
