from __future__ import annotations

from marshmallow import fields, validate

from ..queries.export import EXPORT_TYPES
from .common import Schema


class ExportArgs(Schema):
    type = fields.List(fields.String(validate=validate.OneOf(EXPORT_TYPES)), metadata={
        "description": "Only these types (repeat the parameter for several); default: all of them",
        "example": ["statement", "figure"]})
    updated_since = fields.Integer(validate=validate.Range(0, 2**53), metadata={
        "description": "Only rows written after this data revision: an incremental export", "example": 3})
