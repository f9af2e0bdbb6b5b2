"""The smorest Api and Blueprint the views use: strict query strings, 400s, problem+json."""
from __future__ import annotations

import flask_smorest
from marshmallow import RAISE
from webargs.flaskparser import FlaskParser


class StrictParser(FlaskParser):
    # Unknown query parameters are errors; other locations (headers!) keep webargs' defaults.
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": RAISE}
    DEFAULT_VALIDATION_STATUS = 400


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()


class RestApi(flask_smorest.Api):
    def handle_http_exception(self, error):
        from ..errors import problem_response
        return problem_response(error)
