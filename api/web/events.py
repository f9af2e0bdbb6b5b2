from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.facts import list_events
from ..queries.relations import event_detail
from ..schemas import rows
from ..schemas.common import NoArgs
from ..schemas.events import EventArgs, EventPage, EventSchema
from ..schemas.relations import EventDetailSchema
from .base import Blueprint
from .formats import offers_csv
from .paging import envelope

blp = Blueprint("events", __name__, url_prefix="/v1/events",
                description="Things that happened, merged across the documents that report them.")


@blp.route("")
class Events(MethodView):
    @offers_csv
    @blp.arguments(EventArgs, location="query", as_kwargs=True)
    @blp.response(200, EventPage)
    def get(self, per_page, cursor=None, format=None, **filters):
        """List events, by id or by date

        JSON, or CSV with ?format=csv or Accept: text/csv (one row per event; mentions as document ids).
        """
        page = list_events(db.session, cursor=cursor, limit=per_page, **filters)
        return envelope(page, per_page, EventSchema, rows.event)


@blp.route("/<int(max=2147483647):event_id>")
class EventItem(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, EventDetailSchema)
    def get(self, event_id):
        """One event, with its actors, every document's mention of it and its thread's other stages"""
        return event_detail(db.session, event_id) or abort(404, message=f"No event {event_id}")
