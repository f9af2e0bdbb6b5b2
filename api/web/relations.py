"""Claim groups and threads; the figure and event items with their competing claims and stages."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from ..extensions import db
from ..queries.relations import get_claim, get_thread, list_claims, list_threads
from ..schemas.common import NoArgs
from ..schemas.relations import ClaimArgs, ClaimGroupSchema, ClaimPage, ThreadArgs, ThreadPage, ThreadSchema
from .base import Blueprint
from .paging import envelope

claims_blp = Blueprint("claims", __name__, url_prefix="/v1/claims",
                       description="Figures about the same quantity (same subject, metric, unit, compatible "
                                   "dates) side by side, with who says so and whether they disagree.")
threads_blp = Blueprint("threads", __name__, url_prefix="/v1/threads",
                        description="Stages of one agreement or operation (signed, ratified, in force).")


@claims_blp.route("")
class Claims(MethodView):
    @claims_blp.arguments(ClaimArgs, location="query", as_kwargs=True)
    @claims_blp.response(200, ClaimPage)
    def get(self, per_page, cursor=None, **filters):
        """List claim groups, by id: each value with its qualifier, source, date and document, the range, and whether they disagree"""  # noqa: E501
        return envelope(list_claims(db.session, cursor=cursor, limit=per_page, **filters), per_page)


@claims_blp.route("/<int(max=2147483647):claim_id>")
class ClaimItem(MethodView):
    @claims_blp.arguments(NoArgs, location="query", as_kwargs=True)
    @claims_blp.response(200, ClaimGroupSchema)
    def get(self, claim_id):
        """One claim group"""
        return get_claim(db.session, claim_id) or abort(404, message=f"No claim group {claim_id}")


@threads_blp.route("")
class Threads(MethodView):
    @threads_blp.arguments(ThreadArgs, location="query", as_kwargs=True)
    @threads_blp.response(200, ThreadPage)
    def get(self, per_page, cursor=None, **filters):
        """List threads, by id, each with its stages in date order"""
        return envelope(list_threads(db.session, cursor=cursor, limit=per_page, **filters), per_page)


@threads_blp.route("/<int(max=2147483647):thread_id>")
class ThreadItem(MethodView):
    @threads_blp.arguments(NoArgs, location="query", as_kwargs=True)
    @threads_blp.response(200, ThreadSchema)
    def get(self, thread_id):
        """One thread with its stages in date order"""
        return get_thread(db.session, thread_id) or abort(404, message=f"No thread {thread_id}")
