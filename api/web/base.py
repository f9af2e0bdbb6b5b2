"""The smorest Api and Blueprint the views use: strict query strings, 400s, problem+json."""
from __future__ import annotations

import functools
import http

import flask_smorest
from flask_smorest.spec import prepare_response
from marshmallow import RAISE, Schema
from webargs.flaskparser import FlaskParser

from ..schemas.common import ProblemSchema
from .spec import PROBLEM, HttpConventionsPlugin


class StrictParser(FlaskParser):
    # Unknown query parameters are errors; other locations (headers!) keep webargs' defaults.
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": RAISE}
    DEFAULT_VALIDATION_STATUS = 400

    def _get_schema(self, argmap, req):
        """One instance per argument schema class, not one per request: building a schema copies
        every field (about a tenth of a list page's CPU), and loading keeps no state in it."""
        if isinstance(argmap, type) and issubclass(argmap, Schema):
            return _instance(argmap)
        return super()._get_schema(argmap, req)


@functools.cache
def _instance(schema_class: type[Schema]) -> Schema:
    return schema_class()


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()


class RestApi(flask_smorest.Api):
    ERROR_SCHEMA = ProblemSchema

    def _init_spec(self, *, extra_plugins=None, **kwargs):
        super()._init_spec(extra_plugins=[*(extra_plugins or ()), HttpConventionsPlugin()], **kwargs)

    def _register_responses(self):
        """smorest's status responses, but errors as application/problem+json (what errors.py sends)."""
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error, as RFC 9457 problem details", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)

    def handle_http_exception(self, error):
        from ..errors import problem_response
        return problem_response(error)
