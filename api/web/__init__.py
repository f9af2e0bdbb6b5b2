"""The thin HTTP layer: request -> schema -> query -> schema -> response. No SQL here."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask, rest_api) -> None:
    from . import actors, documents, events, figures, health, statements

    for module in (health, actors, statements, figures, events, documents):
        rest_api.register_blueprint(module.blp)
