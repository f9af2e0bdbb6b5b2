from __future__ import annotations

import calendar
from urllib.parse import urlencode

from flask.views import MethodView

from ..extensions import db
from ..queries.summary import summarize
from ..schemas.summary import (
    LIST_FILTER,
    EventSummaryArgs,
    FigureSummaryArgs,
    FigureSummaryGroupSchema,
    FigureSummaryPage,
    StatementSummaryArgs,
    SummaryGroupSchema,
    SummaryPage,
)
from .base import Blueprint
from .formats import offers_csv
from .paging import envelope

blp = Blueprint("summary", __name__, url_prefix="/v1/summary",
                description="Counts per actor, kind, month or document under the lists' filters, for "
                            "dashboards.")


def list_url(resource: str, by: str, key: str | None, filters: dict) -> str | None:
    """The list whose meta.total the group's count is."""
    name = LIST_FILTER[resource].get(by)
    if not name or key is None:
        return None
    args = {k: v.isoformat() if hasattr(v, "isoformat") else str(v).lower() if isinstance(v, bool) else v
            for k, v in filters.items() if v is not None}
    for data_key, attr in (("from", "date_from"), ("to", "date_to")):
        if attr in args:
            args[data_key] = args.pop(attr)
    path = f"/v1/{resource}"
    if name == "said":
        if "said_from" in args or "said_to" in args:
            return None          # one list filter cannot say both the month and another range
        year, month = (int(p) for p in key.split("-"))
        args["said_from"], args["said_to"] = f"{key}-01", f"{key}-{calendar.monthrange(year, month)[1]:02d}"
    elif args.get(name, key) != key:
        return None              # filtered on another value of the same parameter: no one list says both
    elif resource == "statements" and by == "actor":
        if "speaker" in args:
            return None
        path = f"/v1/actors/{key}/statements"   # the statements list has speaker and about, not actor
    else:
        args[name] = key
    return path + "?" + urlencode(sorted(args.items()))


def summary(resource: str, item_schema, per_page, cursor, by, sort, format, filters):
    page = summarize(db.session, resource, by=by, sort=sort, cursor=cursor, limit=per_page, **filters)
    for group in page.items:
        group["list"] = list_url(resource, by, group["key"], filters)
    return envelope(page, per_page, item_schema)


@blp.route("/statements")
class StatementSummary(MethodView):
    @offers_csv
    @blp.arguments(StatementSummaryArgs, location="query", as_kwargs=True)
    @blp.response(200, SummaryPage)
    def get(self, by, per_page, sort="key", cursor=None, format=None, **filters):
        """Count statements by speaker, actor, kind, month (said_on) or document

        Takes the statements list's filters; each group's count is the total of its `list` link.
        """
        return summary("statements", SummaryGroupSchema(), per_page, cursor, by, sort, format, filters)


@blp.route("/figures")
class FigureSummary(MethodView):
    @offers_csv
    @blp.arguments(FigureSummaryArgs, location="query", as_kwargs=True)
    @blp.response(200, FigureSummaryPage)
    def get(self, by, per_page, sort="key", cursor=None, format=None, **filters):
        """Count figures by subject, source, actor, metric, unit, month (as_of) or document, with the smallest, largest and latest value

        Takes the figures list's filters; each group's count is the total of its `list` link.
        """  # noqa: E501 - one line: the spec keeps a docstring's line breaks
        return summary("figures", FigureSummaryGroupSchema(), per_page, cursor, by, sort, format, filters)


@blp.route("/events")
class EventSummary(MethodView):
    @offers_csv
    @blp.arguments(EventSummaryArgs, location="query", as_kwargs=True)
    @blp.response(200, SummaryPage)
    def get(self, by, per_page, sort="key", cursor=None, format=None, **filters):
        """Count events by actor, kind, month (date) or document

        Takes the events list's filters; each group's count is the total of its `list` link.
        """
        return summary("events", SummaryGroupSchema(), per_page, cursor, by, sort, format, filters)
