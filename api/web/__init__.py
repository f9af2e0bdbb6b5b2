"""The thin HTTP layer: request -> schema -> query -> schema -> response. No SQL here."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask, rest_api) -> None:
    from . import documents, health

    for module in (health, documents):
        rest_api.register_blueprint(module.blp)
