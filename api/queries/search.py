"""Full-text search over statements, figure evidence, event titles and actor names, ranked.

SQLite: the FTS5 tables of migration 0002 (bm25 rank, porter stemming). PostgreSQL: the GIN
expression indexes of 0002 (ts_rank, english stemming). Both read the query as plain words that
must all match, so user input can never be a syntax error. Hits are keyset-paged on
(rank, type, id); `rank` is lower-is-better, `score` is its negation for clients.
"""
from __future__ import annotations

import html
import re

from sqlalchemy import Float, String, column, func, select, text
from sqlalchemy.orm import Session

from .paging import Page, Sort, keyset_page

HIT_TYPES = ("statement", "figure", "event", "actor")
MARK_START, MARK_END = "\x02", "\x03"   # never in article text; become <mark> after escaping

# (hit type, table, searched column); actors are found through every alias (names included).
SOURCES = (("statement", "statements", "text"), ("figure", "figures", "evidence_text"),
           ("event", "events", "title"))

SQLITE_PART = ("SELECT '{type}' AS type, CAST(rowid AS TEXT) AS ref, bm25(search_{table}) AS rank, "
               "snippet(search_{table}, 0, char(2), char(3), '…', 24) AS snippet "
               "FROM search_{table} WHERE search_{table} MATCH :match")
SQLITE_ACTORS = ("SELECT 'actor' AS type, actor_id AS ref, rank, snippet FROM ("
                 " SELECT a.actor_id, f.rank, f.snippet, row_number() OVER ("
                 "  PARTITION BY a.actor_id ORDER BY f.rank, a.id) AS n FROM ("
                 "  SELECT rowid AS alias_id, bm25(search_actor_aliases) AS rank,"
                 "   snippet(search_actor_aliases, 0, char(2), char(3), '…', 24) AS snippet"
                 "  FROM search_actor_aliases WHERE search_actor_aliases MATCH :match) f"
                 " JOIN actor_aliases a ON a.id = f.alias_id) best WHERE n = 1")

# to_tsvector('english', col) is exactly the indexed expression, so the GIN index serves it.
PG_PART = ("SELECT '{type}' AS type, CAST(id AS TEXT) AS ref,"
           " CAST(-ts_rank(to_tsvector('english', {col}), plainto_tsquery('english', :q)) AS float8) AS rank,"
           " ts_headline('english', {col}, plainto_tsquery('english', :q), :options) AS snippet"
           " FROM {table} WHERE to_tsvector('english', {col}) @@ plainto_tsquery('english', :q)")
PG_ACTORS = ("SELECT 'actor' AS type, actor_id AS ref, rank, snippet FROM ("
             " SELECT actor_id, rank, snippet, row_number() OVER ("
             "  PARTITION BY actor_id ORDER BY rank, id) AS n FROM ("
             + PG_PART.format(type="actor", col="name", table="actor_aliases")
             .replace("CAST(id AS TEXT) AS ref", "id, actor_id") + ") f) best WHERE n = 1")
PG_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12"


def _hits(session: Session, q: str):
    """The union of every kind of hit as a subquery (type, ref, rank, snippet), and its params."""
    if session.get_bind().dialect.name == "postgresql":
        parts = [PG_PART.format(type=t, table=table, col=col) for t, table, col in SOURCES] + [PG_ACTORS]
        params = {"q": q, "options": PG_OPTIONS}
    else:
        parts = [SQLITE_PART.format(type=t, table=table) for t, table, _ in SOURCES] + [SQLITE_ACTORS]
        # Each word quoted: FTS5 operators and punctuation in user input are just text.
        params = {"match": " ".join('"{}"'.format(w.replace('"', '""')) for w in re.findall(r"\w+", q))}
    sql = text(" UNION ALL ".join(parts)).bindparams(**params)
    return sql.columns(column("type", String), column("ref", String), column("rank", Float),
                       column("snippet", String)).subquery("hits")


def marked(snippet: str | None) -> str:
    """HTML-safe snippet: the text escaped, matched words in <mark>."""
    return html.escape(snippet or "").replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def search(session: Session, q: str, *, types: list[str] | None = None, cursor: str | None = None,
           limit: int = 50) -> Page:
    if not re.search(r"\w", q):
        return Page([], None, 0)
    hits = _hits(session, q)
    where = [hits.c.type.in_(types)] if types else []
    sort = Sort("rank", (hits.c.rank, hits.c.type, hits.c.ref), ((int, float), str, str))
    stmt = select(hits.c.type, hits.c.ref, hits.c.rank, hits.c.snippet).where(*where)
    page = keyset_page(session, stmt, sort, cursor, limit)
    items = [{"type": t, "id": int(ref) if t != "actor" else ref, "score": -rank, "snippet": marked(snip)}
             for t, ref, rank, snip in page.items]
    total = session.scalar(select(func.count()).select_from(hits).where(*where))
    return Page(items, page.next_cursor, total)
