from __future__ import annotations

from flask.views import MethodView

from ..extensions import db
from ..queries.search import search
from ..schemas import rows
from ..schemas.search import SearchArgs, SearchPage
from .base import Blueprint
from .paging import envelope

blp = Blueprint("search", __name__, url_prefix="/v1/search",
                description="Full-text search across statements, figures, events and actor names.")


@blp.route("")
class Search(MethodView):
    @blp.arguments(SearchArgs, location="query", as_kwargs=True)
    @blp.response(200, SearchPage)
    def get(self, q, per_page, cursor=None, type=None):
        """Search everything, best match first

        All words must match (stemmed: troop finds troops). Each hit names its type and id, links
        to the item and shows the matching snippet with matched words in <mark>. A walk of the
        pages by their cursor never repeats a hit, even while articles load: it keeps to the hits
        that existed at its first page (a new walk finds the later ones). Words found in very many
        items are ranked among the first 200 matches of each type, so that any search costs about
        the same.
        """
        page = search(db.session, q, types=[type] if type else None, cursor=cursor, limit=per_page)
        return envelope(page, per_page, dump=rows.search_hit)
