from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.actors import actor_exists, get_actor_detail, list_actors
from ..queries.facts import list_events, list_figures, list_statements
from ..schemas import rows
from ..schemas.actors import ActorArgs, ActorDetailSchema, ActorPage
from ..schemas.common import NoArgs
from ..schemas.events import ActorEventArgs, EventPage, EventSchema
from ..schemas.figures import ActorFigureArgs, FigurePage, FigureSchema
from ..schemas.statements import ActorStatementArgs, StatementPage, StatementSchema
from .base import Blueprint
from .formats import offers_csv
from .paging import envelope

blp = Blueprint("actors", __name__, url_prefix="/v1/actors",
                description="People, states, organisations, armed forces and media: one per real actor.")


def actor_or_404(actor_id: str) -> None:
    if not actor_exists(db.session, actor_id):
        abort(404, message=f"No actor {actor_id!r}")


@blp.route("")
class Actors(MethodView):
    @blp.arguments(ActorArgs, location="query", as_kwargs=True)
    @blp.response(200, ActorPage)
    def get(self, per_page, cursor=None, **filters):
        """List actors, by id"""
        return envelope(list_actors(db.session, cursor=cursor, limit=per_page, **filters), per_page)


@blp.route("/<string:actor_id>")
class ActorItem(MethodView):
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, ActorDetailSchema)
    def get(self, actor_id):
        """One actor, with its aliases and how many facts involve it"""
        return get_actor_detail(db.session, actor_id) or abort(404, message=f"No actor {actor_id!r}")


@blp.route("/<string:actor_id>/statements")
class ActorStatements(MethodView):
    @offers_csv
    @blp.arguments(ActorStatementArgs, location="query", as_kwargs=True)
    @blp.response(200, StatementPage)
    def get(self, actor_id, per_page, cursor=None, format=None, **filters):
        """Statements the actor made or that are about the actor"""
        actor_or_404(actor_id)
        page = list_statements(db.session, cursor=cursor, limit=per_page, actor=actor_id, **filters)
        return envelope(page, per_page, StatementSchema, rows.statement)


@blp.route("/<string:actor_id>/figures")
class ActorFigures(MethodView):
    @offers_csv
    @blp.arguments(ActorFigureArgs, location="query", as_kwargs=True)
    @blp.response(200, FigurePage)
    def get(self, actor_id, per_page, cursor=None, format=None, **filters):
        """Figures whose subject or source is the actor"""
        actor_or_404(actor_id)
        page = list_figures(db.session, cursor=cursor, limit=per_page, actor=actor_id, **filters)
        return envelope(page, per_page, FigureSchema, rows.figure)


@blp.route("/<string:actor_id>/events")
class ActorEvents(MethodView):
    @offers_csv
    @blp.arguments(ActorEventArgs, location="query", as_kwargs=True)
    @blp.response(200, EventPage)
    def get(self, actor_id, per_page, cursor=None, format=None, **filters):
        """Events the actor took part in"""
        actor_or_404(actor_id)
        page = list_events(db.session, cursor=cursor, limit=per_page, actor=actor_id, **filters)
        return envelope(page, per_page, EventSchema, rows.event)
