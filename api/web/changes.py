from __future__ import annotations

from flask.views import MethodView

from ..extensions import db
from ..queries.changes import list_changes
from ..schemas.changes import ChangeArgs, ChangePage, ChangeSchema
from .base import Blueprint
from .formats import offers_csv
from .paging import envelope

blp = Blueprint("changes", __name__, url_prefix="/v1/changes",
                description="Everything created, updated or deleted after a revision: what a poller reads.")


@blp.route("")
class Changes(MethodView):
    @offers_csv
    @blp.arguments(ChangeArgs, location="query", as_kwargs=True)
    @blp.response(200, ChangePage)
    def get(self, per_page, since=0, resource=None, cursor=None, format=None):
        """Changes after a revision, oldest first

        One entry per item at the revision that last wrote it (`created` or `updated`), and one per
        deletion (`deleted`, from the item's tombstone), across documents, actors, statements,
        figures and events. Read every page, then ask again with `since` = the last page's
        `meta.revision`. Replaying from `since=0` gives exactly the ids the database holds.
        JSON, or CSV with ?format=csv or Accept: text/csv.
        """
        page = list_changes(db.session, since=since, resource=resource, cursor=cursor, limit=per_page)
        return envelope(page, per_page, ChangeSchema())
