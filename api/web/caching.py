"""Conditional GET for everything under /v1, decided before any view or query runs.

The ETag is a hash of the data revision, the path, the canonical query string and the answer's
format: the revision is one row read, so If-None-Match gets its 304 without touching the facts.
Last-Modified is when the revision changed.
"""
from __future__ import annotations

import hashlib

from flask import Flask, Response, current_app, g, request

from ..extensions import db
from ..models.revisions import revision_state
from .formats import negotiate
from .not_modified import REVISION


def data_revision() -> int:
    if "revision" not in g:
        g.revision, g.changed_at = revision_state(db.session)
        request.environ[REVISION] = g.revision   # what a kept 304 is valid for (not_modified.py)
    return g.revision


def fingerprint(revision: int, fmt: str) -> str:
    args = "&".join(f"{k}={v}" for k, v in sorted(request.args.items(multi=True)))
    # The links in a body name the public address, or else the host asked: part of what the body is.
    base = current_app.config.get("PUBLIC_URL") or request.host_url
    key = "\n".join((current_app.config["API_VERSION"], str(revision), base, request.path, args, fmt))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _matches(etag: str) -> bool:
    # Weak comparison, as RFC 9110 asks for If-None-Match; "*" is not taken as a match.
    return not request.if_none_match.star_tag and request.if_none_match.contains_weak(etag)


def _unmodified(changed_at) -> bool:
    """If-Modified-Since, which counts only when If-None-Match is absent (RFC 9110 13.2.2)."""
    since = request.if_modified_since
    return bool(not request.if_none_match and since and changed_at
                and changed_at.replace(microsecond=0) <= since)


def _validators(response: Response) -> Response:
    response.set_etag(g.etag)
    if g.changed_at:
        response.last_modified = g.changed_at
    response.headers["Cache-Control"] = current_app.config["API_CACHE_CONTROL"]
    response.vary.add("Accept")
    return response


def revalidate(fmt: str) -> Response | None:
    """This request's ETag (its answer in `fmt` at the current revision), and the 304 when the client
    holds it. Called before the view, inside the request's snapshot; add_validators sends it."""
    g.format = fmt
    g.etag = fingerprint(data_revision(), fmt)
    # An ETag names one path's answer, so a match may skip the view. A date names no path: the
    # view runs first, and an id that does not exist is a 404, not a 304.
    if request.if_none_match and _matches(g.etag):
        return _validators(Response(status=304))
    return None


def init_app(app: Flask) -> None:
    @app.before_request
    def conditional_get():
        if request.method not in ("GET", "HEAD") or request.routing_exception is not None \
                or not request.path.startswith("/v1/"):
            return None
        return revalidate(negotiate())

    @app.after_request
    def add_validators(response: Response) -> Response:
        if g.get("etag") and response.status_code == 200:
            if _unmodified(g.changed_at):
                return _validators(Response(status=304))
            _validators(response)
        return response
