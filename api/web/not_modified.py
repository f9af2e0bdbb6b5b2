"""A conditional GET the app has already answered 304 is answered again without running the app,
for as long as the data revision has not moved.

A client polling one URL sends the same request every time. The first 304 goes through the whole
app (routing, format negotiation, the snapshot, the ETag of caching.py); its headers are kept,
with the revision it was decided at, under everything in the request that can change an answer's
headers (method, address, query string, Accept, Origin and the two conditional headers). A later
identical request reads the revision, in a transaction of its own, and when it is still the same
gets the same 304 (with its own X-Request-ID) at a small part of the cost. Anything else, a
new revision included, goes to the app as before. Up to MAX_KEPT answers are kept per worker,
the least recently used dropped first.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterable

from flask import Flask
from sqlalchemy import Engine

from ..errors import request_id
from ..extensions import db
from ..models.revisions import revision_value
from .snapshot import sqlite_file

MAX_KEPT = 4096
# What the app reads from a request to answer it 304, and so part of which 304 it is.
KEY = ("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "wsgi.url_scheme", "HTTP_HOST",
       "SERVER_NAME", "SERVER_PORT", "HTTP_ACCEPT", "HTTP_ORIGIN", "HTTP_IF_NONE_MATCH",
       "HTTP_IF_MODIFIED_SINCE")
# Set by caching.py on the request's environ: the revision its answer was decided at.
REVISION = "newsfacts.revision"


class Kept:
    """The latest 304s, by request key: (revision, headers without X-Request-ID)."""

    def __init__(self, size: int = MAX_KEPT):
        self.size, self.answers, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.answers.get(key)
            if found is not None:
                self.answers.move_to_end(key)
            return found

    def put(self, key, answer) -> None:
        with self.lock:
            self.answers[key] = answer
            if len(self.answers) > self.size:
                self.answers.popitem(last=False)


class NotModifiedAgain:
    """WSGI middleware around the Flask app (see the module's docstring)."""

    def __init__(self, app: Flask):
        self.app, self.wsgi_app, self.kept = app, app.wsgi_app, Kept()
        self.engine: Engine | None = None
        self.file: str | None = None

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        conditional = "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ
        if not conditional or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.wsgi_app(environ, start_response)
        key = tuple(environ.get(name) for name in KEY)
        kept = self.kept.get(key)
        if kept is not None and self._revision() == kept[0]:
            start_response("304 NOT MODIFIED",
                           [*kept[1], ("X-Request-ID", request_id(environ.get("HTTP_X_REQUEST_ID", "")))])
            return []

        def remember(status: str, headers: list, exc_info=None):
            if status.startswith("304") and REVISION in environ:
                self.kept.put(key, (environ[REVISION], [h for h in headers if h[0] != "X-Request-ID"]))
            return start_response(status, headers, exc_info)
        return self.wsgi_app(environ, remember)

    def _revision(self) -> int | None:
        """The data revision now (None when it cannot be read here: the app then answers)."""
        if self.engine is None:
            with self.app.app_context():
                self.engine, self.file = db.engine, sqlite_file(db.engine)
        if self.file and not os.path.exists(self.file):   # the app answers 503, and creates no file
            return None
        with self.engine.connect() as connection:   # one SELECT, in a transaction of its own
            return revision_value(connection)


def init_app(app: Flask) -> None:
    app.wsgi_app = NotModifiedAgain(app)
