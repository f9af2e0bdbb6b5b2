from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.actors import document_actors
from ..queries.documents import get_document, list_documents
from ..queries.facts import document_facts
from ..schemas.common import NoArgs
from ..schemas.documents import DocumentArgs, DocumentDetailSchema, DocumentFactsSchema, DocumentPage
from .base import Blueprint
from .paging import envelope

blp = Blueprint("documents", __name__, url_prefix="/v1/documents",
                description="The articles facts were extracted from.")


def document_or_404(document_id: str):
    return get_document(db.session, document_id) or abort(404, message=f"No document {document_id!r}")


@blp.route("")
class Documents(MethodView):
    @blp.arguments(DocumentArgs, location="query", as_kwargs=True)
    @blp.response(200, DocumentPage)
    def get(self, per_page, cursor=None, updated_since=None):
        """List documents, by id"""
        page = list_documents(db.session, cursor=cursor, limit=per_page, updated_since=updated_since)
        return envelope(page, per_page)


@blp.route("/<string:document_id>")
class DocumentItem(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, DocumentDetailSchema)
    def get(self, document_id):
        """One document, with its full text"""
        return document_or_404(document_id)


@blp.route("/<string:document_id>/facts")
class DocumentFacts(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, DocumentFactsSchema)
    def get(self, document_id):
        """Every fact of one article: statements, figures and events in text order, and its actors"""
        document = document_or_404(document_id)
        return {"document": document, "actors": document_actors(db.session, document_id),
                **document_facts(db.session, document_id)}
