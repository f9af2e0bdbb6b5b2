"""Summaries: counts per group under a list's filters."""
from __future__ import annotations

from marshmallow import fields, validate

from ..queries.summary import SUMMARY_KEYS
from .common import Schema, page_schema
from .events import EventArgs
from .figures import FigureArgs
from .statements import StatementArgs

# The list filter that selects exactly one group's facts (month: said_from/said_to on statements).
LIST_FILTER = {
    "statements": {"speaker": "speaker", "actor": "actor", "kind": "kind", "document": "document",
                   "month": "said"},
    "figures": {"subject": "subject", "source": "source", "actor": "actor", "metric": "metric",
                "unit": "unit", "document": "document"},
    "events": {"actor": "actor", "kind": "kind", "document": "document"},
}


class SummaryGroupSchema(Schema):
    key = fields.String(required=True, allow_none=True, metadata={
        "description": "The group: an actor id, kind, YYYY-MM month or document id; null for facts "
                       "without one (an undated statement by month)", "example": "dmitry-peskov"})
    name = fields.String(required=True, allow_none=True, metadata={
        "description": "The actor's name when the key is an actor", "example": "Dmitry Peskov"})
    count = fields.Integer(required=True, metadata={
        "description": "How many facts: the meta.total of the `list` link", "example": 9})
    list = fields.String(required=True, allow_none=True, metadata={
        "description": "The list this group counts, with the same filters, where one list filter "
                       "selects exactly the group (else null)",
        "example": "/v1/statements?speaker=dmitry-peskov"})


class FigureSummaryGroupSchema(SummaryGroupSchema):
    min_value = fields.Float(required=True, metadata={"example": 10000})
    max_value = fields.Float(required=True, metadata={"example": 15000})
    latest_value = fields.Float(required=True, metadata={
        "description": "The value of the group's figure with the latest as_of (then the last written)",
        "example": 12000})


SummaryPage = page_schema(SummaryGroupSchema, "SummaryPage")
FigureSummaryPage = page_schema(FigureSummaryGroupSchema, "FigureSummaryPage")


def summary_args(base: type[Schema], resource: str) -> type[Schema]:
    """The list's filters (and paging, format), plus by and a sort over groups."""
    declared = {k: v for k, v in base._declared_fields.items() if k != "sort"}
    declared["by"] = fields.String(required=True, validate=validate.OneOf(SUMMARY_KEYS[resource]),
                                   metadata={"description": "What to count by",
                                             "example": SUMMARY_KEYS[resource][0]})
    declared["sort"] = fields.String(load_default="key", validate=validate.OneOf(["key", "-count"]),
                                     metadata={
        "description": "Groups by key (default; the group without a key first) or -count (largest "
                       "first)",
        "example": "-count"})
    return Schema.from_dict(declared, name=f"{resource.title()}SummaryArgs")


StatementSummaryArgs = summary_args(StatementArgs, "statements")
FigureSummaryArgs = summary_args(FigureArgs, "figures")
EventSummaryArgs = summary_args(EventArgs, "events")
