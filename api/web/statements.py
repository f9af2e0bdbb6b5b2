from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.facts import list_statements
from ..queries.relations import statement_detail
from ..schemas import rows
from ..schemas.common import NoArgs
from ..schemas.statements import StatementArgs, StatementDetailSchema, StatementPage, StatementSchema
from .base import Blueprint
from .formats import offers_csv
from .paging import envelope

blp = Blueprint("statements", __name__, url_prefix="/v1/statements",
                description="Who said what, when, about whom: direct quotes and reported speech.")


@blp.route("")
class Statements(MethodView):
    @offers_csv
    @blp.arguments(StatementArgs, location="query", as_kwargs=True)
    @blp.response(200, StatementPage)
    def get(self, per_page, cursor=None, format=None, **filters):
        """List statements, by id

        JSON, or CSV with ?format=csv or Accept: text/csv (one row per statement).
        """
        page = list_statements(db.session, cursor=cursor, limit=per_page, **filters)
        return envelope(page, per_page, StatementSchema, rows.statement)


@blp.route("/<int(max=2147483647):statement_id>")
class StatementItem(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, StatementDetailSchema)
    def get(self, statement_id):
        """One statement, with its speaker, what it is about, its evidence and the other outlets' reports of it"""  # noqa: E501
        found = statement_detail(db.session, statement_id)
        return found or abort(404, message=f"No statement {statement_id}")
