from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.facts import list_figures
from ..queries.relations import figure_detail
from ..schemas import rows
from ..schemas.common import NoArgs
from ..schemas.figures import FigureArgs, FigurePage, FigureSchema
from ..schemas.relations import FigureDetailSchema
from .base import Blueprint
from .formats import offers_csv
from .paging import envelope

blp = Blueprint("figures", __name__, url_prefix="/v1/figures",
                description="Numbers with what they count, whose they are and who asserts them.")


@blp.route("")
class Figures(MethodView):
    @offers_csv
    @blp.arguments(FigureArgs, location="query", as_kwargs=True)
    @blp.response(200, FigurePage)
    def get(self, per_page, cursor=None, format=None, **filters):
        """List figures, by id or by value

        JSON, or CSV with ?format=csv or Accept: text/csv (one row per figure).
        """
        page = list_figures(db.session, cursor=cursor, limit=per_page, **filters)
        return envelope(page, per_page, FigureSchema, rows.figure)


@blp.route("/<int(max=2147483647):figure_id>")
class FigureItem(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, FigureDetailSchema)
    def get(self, figure_id):
        """One figure, with its subject, source, evidence and the competing figures for the same quantity"""
        return figure_detail(db.session, figure_id) or abort(404, message=f"No figure {figure_id}")
