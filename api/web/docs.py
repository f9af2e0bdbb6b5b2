"""/docs: Swagger UI 5 from the installed swagger-ui-bundle-v2 package; no CDN, works offline."""
from __future__ import annotations

from flask import Blueprint, send_from_directory, url_for
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("docs", __name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsfacts API</title>
<link rel="stylesheet" href="{css}"><link rel="icon" href="{icon}"></head>
<body><div id="swagger-ui"></div>
<script src="{js}"></script>
<script src="{init}"></script>
</body></html>"""

# validatorUrl null: no badge fetched from validator.swagger.io.
INIT = """window.onload = function () {
  window.ui = SwaggerUIBundle({url: %r, dom_id: "#swagger-ui", validatorUrl: null,
                               deepLinking: true, tryItOutEnabled: true});
};"""


@bp.get("/docs")
def docs():
    return PAGE.format(css=url_for("docs.asset", filename="swagger-ui.css"),
                       js=url_for("docs.asset", filename="swagger-ui-bundle.js"),
                       icon=url_for("docs.asset", filename="favicon-32x32.png"), init=url_for("docs.init"))


@bp.get("/docs/init.js")
def init():
    return INIT % url_for("api-docs.openapi_json"), 200, {"Content-Type": "text/javascript"}


@bp.get("/docs/assets/<path:filename>")
def asset(filename):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
