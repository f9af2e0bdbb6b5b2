from __future__ import annotations

from flask import Response, stream_with_context
from flask.views import MethodView

from ..extensions import db
from ..queries.export import export_lines
from ..schemas.export import ExportArgs
from .base import Blueprint
from .caching import data_revision
from .formats import offers_ndjson

blp = Blueprint("export", __name__, url_prefix="/v1/export.ndjson",
                description="The whole corpus in one download, for scripts.")

NDJSON = "application/x-ndjson"


@blp.route("")
class Export(MethodView):
    @offers_ndjson
    @blp.arguments(ExportArgs, location="query", as_kwargs=True)
    @blp.response(200, content_type=NDJSON, description=(
        "One JSON object per line: first {type: export, revision, changed_at}, then "
        "{type: document|actor|statement|figure|event, data: <the item as the API serves it>} for "
        "every row, then {type: end, revision, counts}. A download without its end line was cut off."),
        example='{"type":"export","revision":5,"changed_at":"2025-04-28T10:00:00+00:00",'
                '"updated_since":null,"types":["document","actor","statement","figure","event"]}\n'
                '{"type":"actor","data":{"id":"north-korea","name":"North Korea","kind":"country"}}\n'
                '{"type":"end","revision":5,"counts":{"actor":1}}\n')
    def get(self, type=None, updated_since=None):
        """Every document, actor, statement, figure and event, as NDJSON

        The way to get a whole corpus: the database at one data revision (named on the first line), streamed in constant memory; `flask --app api export` writes the same lines to a file.
        """  # noqa: E501 - one line: the spec keeps a docstring's line breaks
        revision = data_revision()
        lines = export_lines(db.session, types=type, updated_since=updated_since)
        return Response(stream_with_context(lines), mimetype=NDJSON, headers={
            "Content-Disposition": f'inline; filename="newsfacts-{revision}.ndjson"'})
