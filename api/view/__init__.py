"""/view/: the evidence viewer. Server-rendered pages over the same query layer as /v1, read in one
snapshot per GET with the API's ETag/304, under a strict Content-Security-Policy: the only script
and stylesheet are the small files in static/, served by this app (works offline)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Blueprint, Flask, request, url_for

from ..web.caching import revalidate
from ..web.snapshot import begin_snapshot

HERE = Path(__file__).parent
# Nothing but this app's own files; no inline script or style, no frames, forms post only here.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


def _build() -> str:
    """A digest of the templates, assets and code: a new build gives new ETags at the same revision."""
    digest = hashlib.sha256()
    sources = (".py", ".html", ".css", ".js", ".svg")
    for path in sorted(p for p in HERE.rglob("*") if p.is_file() and p.suffix in sources):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


BUILD = _build()
bp = Blueprint("view", __name__, url_prefix="/view", template_folder="templates", static_folder="static")


@bp.before_request
def snapshot_and_etag():
    if request.endpoint == "view.static" or request.method not in ("GET", "HEAD"):
        return None
    begin_snapshot()
    return revalidate(f"html:{BUILD}")


@bp.after_request
def content_security_policy(response):
    response.headers["Content-Security-Policy"] = CSP
    return response


@bp.app_template_global()
def asset(filename: str) -> str:
    """A static file's address, with the build in it so a new build is fetched anew."""
    return url_for("view.static", filename=filename, v=BUILD)


def init_app(app: Flask) -> None:
    from . import pages  # noqa: F401 - its routes
    app.register_blueprint(bp)
