from __future__ import annotations

from flask.views import MethodView

from ..extensions import db
from ..queries.stats import stats
from ..schemas.common import NoArgs
from ..schemas.stats import StatsSchema
from .base import Blueprint

blp = Blueprint("stats", __name__, url_prefix="/v1/stats",
                description="How much there is, and the data revision to poll with.")


@blp.route("")
class Stats(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, StatsSchema)
    def get(self):
        """Counts per resource and the current data revision

        A dashboard remembers `revision` and asks lists for `updated_since=<revision>` next time.
        """
        return stats(db.session)
