from __future__ import annotations

from marshmallow import fields, validate

from ..extract.types import ACTOR_KINDS
from .common import ActorRefSchema, PageArgs, Schema, page_schema


class ActorSchema(Schema):
    id = fields.String(required=True, metadata={"description": "Readable, stable slug",
                                                "example": "kim-jong-un"})
    name = fields.String(required=True, metadata={"example": "Kim Jong Un"})
    kind = fields.String(required=True, validate=validate.OneOf(ACTOR_KINDS), metadata={"example": "person"})
    aliases = fields.Method("alias_names", required=True, metadata={
        "type": "array", "items": {"type": "string"},
        "description": "Every other name the corpus uses for this actor", "example": ["Kim Jong-un"]})
    role = fields.String(allow_none=True, metadata={"example": "Supreme Leader"})
    affiliation = fields.Nested(ActorRefSchema, allow_none=True)
    wikidata = fields.String(required=True, allow_none=True, metadata={
        "description": "Its Wikidata item, for joining with other datasets (well-known actors)",
        "example": "Q423"})
    revision = fields.Integer(metadata={"description": "Data revision that last wrote it", "example": 5})

    def alias_names(self, actor) -> list[str]:
        return [a.name for a in actor.aliases if a.name != actor.name]


ActorPage = page_schema(ActorSchema, "ActorPage")


class ActorArgs(PageArgs):
    kind = fields.String(validate=validate.OneOf(ACTOR_KINDS),
                         metadata={"description": "Only this kind", "example": "country"})
    q = fields.String(validate=validate.Length(1, 200), metadata={
        "description": "Name or any alias contains this (case-insensitive)", "example": "korea"})
    wikidata = fields.String(validate=validate.Regexp(r"^Q[1-9][0-9]{0,11}$"), metadata={
        "description": "The actor with this Wikidata item", "example": "Q159"})


class ActorCountsSchema(Schema):
    statements_made = fields.Integer(required=True, metadata={"description": "As speaker", "example": 12})
    statements_about = fields.Integer(required=True, metadata={"example": 4})
    figures = fields.Integer(required=True, metadata={"description": "As subject or source", "example": 3})
    events = fields.Integer(required=True, metadata={"example": 5})
    documents = fields.Integer(required=True, metadata={"description": "Articles that name it", "example": 4})


class ActorDetailSchema(ActorSchema):
    counts = fields.Nested(ActorCountsSchema, required=True,
                           metadata={"description": "How many facts of each kind involve the actor"})
