"""The viewer's pages: request -> schema -> query (api/queries) -> template. No SQL here."""
from __future__ import annotations

from flask import abort, render_template, request, url_for
from werkzeug.exceptions import BadRequest, HTTPException

from ..extensions import db
from ..models import Event, Figure, Statement
from ..queries.actors import get_actor_detail
from ..queries.documents import get_document
from ..queries.facts import as_models, document_facts, list_events, list_figures, list_statements
from ..queries.paging import BadCursor, counted
from ..queries.search import search
from ..queries.viewer import (
    actor_mentions,
    document_mentions,
    documents_by_id,
    documents_newest_first,
    fact_counts,
)
from ..schemas.common import CursorArgs, NoArgs
from ..schemas.search import SearchArgs
from ..web.base import StrictParser
from . import bp
from .context import in_context
from .facts import KINDS, event_details, figure_fact, page_facts, statement_fact
from .render import article_html

PER_PAGE = 50
LISTED = 20       # facts of each kind an actor page lists before pointing at the JSON
MENTIONS = 30     # places an actor page quotes
parser = StrictParser()


def _args(schema):
    return parser.parse(schema, request, location="query")


@bp.errorhandler(HTTPException)
def error_page(error: HTTPException):
    data = getattr(error, "data", None) or {}
    messages = data.get("messages", {}).get("query", {})
    detail = "Invalid parameter: " + ", ".join(sorted(messages)) if messages else error.description
    return render_template("view/error.html", error=error, detail=detail), error.code


@bp.errorhandler(BadCursor)
def bad_cursor(error: BadCursor):
    return error_page(BadRequest(f"Invalid parameter: cursor ({error})"))


@bp.get("/")
def index():
    args = _args(CursorArgs())
    page = documents_newest_first(db.session, cursor=args.get("cursor"), limit=args["per_page"])
    counts = fact_counts(db.session, [d.id for d in page.items])
    older = (url_for(".index", cursor=page.next_cursor, per_page=args["per_page"])
             if page.next_cursor else None)
    return render_template("view/index.html", page=page, counts=counts, older=older)


@bp.get("/search")
def search_page():
    if not request.args:
        return render_template("view/search.html", q="", page=None, type=None, more=None)
    args = _args(SearchArgs())
    types = [args["type"]] if args.get("type") else None
    page = counted(search(db.session, args["q"], types=types, cursor=args.get("cursor"),
                          limit=args["per_page"]))
    more = url_for(".search_page", q=args["q"], type=args.get("type"), cursor=page.next_cursor,
                   per_page=args["per_page"]) if page.next_cursor else None
    api = url_for("search.Search", q=args["q"], type=args.get("type"))
    return render_template("view/search.html", q=args["q"], type=args.get("type"), page=page, more=more,
                           api=api)


def _document(document_id: str):
    return get_document(db.session, document_id) or abort(404, f"No document {document_id!r}")


@bp.get("/documents/<string:document_id>")
def document(document_id: str):
    _args(NoArgs())
    doc = _document(document_id)
    facts = page_facts(document_id, document_facts(db.session, document_id),
                       document_mentions(db.session, document_id))
    actors: dict[str, tuple] = {}   # first mention order, with how often it is named
    for fact in facts:
        if fact.kind.name == "actor":
            first, count = actors.get(fact.card, (fact, 0))
            actors[fact.card] = (first, count + 1)
    return render_template("view/document.html", doc=doc, article=article_html(doc.text, facts),
                           facts=[f for f in facts if f.kind.name != "actor"], actors=list(actors.values()),
                           kinds=KINDS.values(), url=_web_url(doc.url))


def _web_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a javascript: URL in the data must never be clickable."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _overlapping_events(facts: dict, fact) -> list:
    """Events whose mention in the same document shares characters with the fact's evidence."""
    return [e for e in facts["events"] if any(
        m.document_id == fact.document_id and m.start_char < fact.end_char and fact.start_char < m.end_char
        for m in e.mentions)]


def _evidence_page(row, described, json_url: str, title: str):
    doc = _document(row.document_id)
    facts = document_facts(db.session, row.document_id)
    events = _overlapping_events(facts, row)
    figures = [f for f in facts["figures"] if f.statement_id == row.id] if isinstance(row, Statement) else []
    return render_template("view/fact.html", title=title, fact=described, doc=doc,
                           context=in_context(doc.text, row.start_char, row.end_char), events=events,
                           figures=[figure_fact(f) for f in figures], json_url=json_url)


@bp.get("/statements/<int(max=2147483647):statement_id>")
def statement(statement_id: int):
    _args(NoArgs())
    row = db.session.get(Statement, statement_id) or abort(404, f"No statement {statement_id}")
    return _evidence_page(row, statement_fact(row), url_for("statements.StatementItem",
                                                             statement_id=statement_id),
                          f"Statement {statement_id}")


@bp.get("/figures/<int(max=2147483647):figure_id>")
def figure(figure_id: int):
    _args(NoArgs())
    row = db.session.get(Figure, figure_id) or abort(404, f"No figure {figure_id}")
    return _evidence_page(row, figure_fact(row), url_for("figures.FigureItem", figure_id=figure_id),
                          f"Figure {figure_id}")


@bp.get("/events/<int(max=2147483647):event_id>")
def event(event_id: int):
    _args(NoArgs())
    row = db.session.get(Event, event_id) or abort(404, f"No event {event_id}")
    docs = documents_by_id(db.session, {m.document_id for m in row.mentions})
    reports = []   # (document, [context per mention]) in publication order
    for document_id in sorted(docs, key=lambda d: (str(docs[d].published or ""), d)):
        doc = docs[document_id]
        reports.append((doc, [in_context(doc.text, m.start_char, m.end_char)
                              for m in row.mentions if m.document_id == document_id]))
    return render_template("view/event.html", event=row, details=event_details(row), reports=reports,
                           json_url=url_for("events.EventItem", event_id=event_id))


@bp.get("/actors/<string:actor_id>")
def actor(actor_id: str):
    _args(NoArgs())
    detail = get_actor_detail(db.session, actor_id) or abort(404, f"No actor {actor_id!r}")
    mentions = actor_mentions(db.session, actor_id, limit=MENTIONS)
    docs = documents_by_id(db.session, {m.document_id for m in mentions})
    places = [(docs[m.document_id], in_context(docs[m.document_id].text, m.start_char, m.end_char))
              for m in mentions]
    # List pages are plain rows (api/queries/facts.py); these templates read ORM relations.
    statements = as_models(db.session, Statement, list_statements(db.session, actor=actor_id, limit=LISTED))
    figures = as_models(db.session, Figure, list_figures(db.session, actor=actor_id, limit=LISTED))
    events = as_models(db.session, Event, list_events(db.session, actor=actor_id, limit=LISTED))
    return render_template(
        "view/actor.html", actor=detail, places=places,
        statements=[statement_fact(s) for s in statements.items], statements_total=statements.total,
        figures=[figure_fact(f) for f in figures.items], figures_total=figures.total,
        events=events, json_url=url_for("actors.ActorItem", actor_id=actor_id))
