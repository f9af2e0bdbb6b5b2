"""RFC 9457 problem+json for every error, with the request id echoed in X-Request-ID."""
from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, g, jsonify, request
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError, ServiceUnavailable

from .queries.paging import BadCursor

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
REQUEST_ID = re.compile(r"^[\w.:-]{1,128}$")


def problem_response(error: HTTPException):
    """One body for every HTTP error; werkzeug's headers (Allow on 405...) are kept."""
    response = error.get_response()
    body = {
        "type": f"https://httpstatuses.io/{error.code}",
        "title": error.name,
        "status": error.code,
        "detail": error.description,
        "instance": request.path,
    }
    data = getattr(error, "data", None) or {}
    if data.get("message"):
        body["detail"] = data["message"]
    errors = data.get("messages")
    if errors:
        body["errors"] = errors
        fields = sorted({name for where in errors.values() for name in where})
        body["detail"] = "Invalid parameter: " + ", ".join(fields)
    response.data = jsonify(body).get_data()
    response.content_type = PROBLEM
    return response


def request_id(given: str) -> str:
    """The client's X-Request-ID when it is a sane one, else a new one."""
    return given if REQUEST_ID.match(given) else uuid.uuid4().hex


def init_app(app: Flask) -> None:
    @app.before_request
    def take_request_id():
        g.request_id = request_id(request.headers.get("X-Request-ID", ""))

    @app.after_request
    def echo_request_id(response):
        # A 304 decided before take_request_id ran (caching.py) echoes the client's id too.
        given = request.headers.get("X-Request-ID", "")
        response.headers["X-Request-ID"] = g.get("request_id") or request_id(given)
        return response

    @app.errorhandler(HTTPException)
    def on_http_error(error):
        return problem_response(error)

    @app.errorhandler(BadCursor)
    def on_bad_cursor(error):
        return problem_response(BadRequest(f"Invalid parameter: cursor ({error})"))

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    @app.errorhandler(PoolTimeout)
    def on_database_unavailable(error):
        """Unreachable, too slow (a cancelled statement), or not migrated: the service, not the
        request, is at fault, and it recovers on its own once the database answers."""
        log.warning("database unavailable: %s", str(error).splitlines()[0])
        response = problem_response(ServiceUnavailable("The database is unavailable; try again shortly."))
        response.headers["Retry-After"] = "5"
        return response

    @app.errorhandler(Exception)
    def on_unexpected(error):
        log.exception("unhandled error", exc_info=error)
        return problem_response(InternalServerError())
