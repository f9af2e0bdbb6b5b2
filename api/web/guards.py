"""What every answer gets, and what no request may carry, before any view or query runs.

PostgreSQL text cannot hold a NUL character (psycopg refuses the query; SQLite would quietly
compare it): a NUL in any parameter or id is the client's error, a 400, on both databases.
Every answer says how browsers may treat it: no content sniffing, no referrer to other sites.
"""
from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.exceptions import BadRequest

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def _with_nul() -> list[str]:
    names = {k for k, v in request.args.items(multi=True) if "\x00" in k or "\x00" in v}
    names |= {k for k, v in (request.view_args or {}).items() if isinstance(v, str) and "\x00" in v}
    return sorted(n.replace("\x00", "\\x00") for n in names)


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_nul():
        if bad := _with_nul():
            raise BadRequest(f"Invalid parameter: {', '.join(bad)} (a NUL character is never valid)")

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
