from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..models import Statement
from ..queries.facts import list_statements
from ..schemas.statements import StatementArgs, StatementPage, StatementSchema
from .base import Blueprint
from .paging import envelope

blp = Blueprint("statements", __name__, url_prefix="/v1/statements",
                description="Who said what, when, about whom: direct quotes and reported speech.")


@blp.route("")
class Statements(MethodView):
    @blp.arguments(StatementArgs, location="query", as_kwargs=True)
    @blp.response(200, StatementPage)
    def get(self, per_page, cursor=None, **filters):
        """List statements, by id"""
        return envelope(list_statements(db.session, cursor=cursor, limit=per_page, **filters), per_page)


@blp.route("/<int:statement_id>")
class StatementItem(MethodView):
    @blp.response(200, StatementSchema)
    def get(self, statement_id):
        """One statement"""
        return db.session.get(Statement, statement_id) or abort(404, message=f"No statement {statement_id}")
