"""The thin HTTP layer: request -> schema -> query -> schema -> response. No SQL here."""
from __future__ import annotations

from flask import Flask


def register_blueprints(app: Flask, rest_api) -> None:
    from ..extensions import cors
    from . import (
        actors,
        caching,
        changes,
        clusters,
        docs,
        documents,
        events,
        export,
        figures,
        guards,
        health,
        not_modified,
        relations,
        search,
        snapshot,
        statements,
        stats,
        summary,
    )
    from .json import OrjsonProvider

    app.json = OrjsonProvider(app)
    for module in (health, actors, statements, figures, events, documents, search, stats, changes, export,
                   summary, clusters):
        rest_api.register_blueprint(module.blp)
    rest_api.register_blueprint(relations.claims_blp)
    rest_api.register_blueprint(relations.threads_blp)
    app.register_blueprint(docs.bp)
    from ..view import init_app as init_viewer
    init_viewer(app)     # /view/: HTML over the same queries
    guards.init_app(app)     # first: refuses what no query may see
    snapshot.init_app(app)   # before caching: the ETag's revision is read in the snapshot
    caching.init_app(app)
    cors.init_app(app)   # reads the CORS_* settings in config.py
    not_modified.init_app(app)   # outside the app: a 304 it gave, given again while nothing changed
