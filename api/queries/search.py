"""Full-text search over statements, figure evidence, event titles and actor names, ranked.

SQLite: the FTS5 tables of migration 0002 (porter stemming). PostgreSQL: the GIN expression indexes
of 0002 (ts_rank, english stemming). Both read the query as plain words that must all match, so
user input can never be a syntax error. Hits are keyset-paged on (rank, type, id); `rank` is
lower-is-better, `score` is its negation for clients.

A walk never repeats a hit, even while ingest writes: a hit's rank depends on its own text and the
query only (never on the rest of the corpus), and the cursor pins the data revision of the walk's
first page, whose later pages keep to rows written at or before it (any change to a row moves its
revision on, so those rows and their ranks hold still). Hits written later are the next walk's.
SQLite's bm25 would weigh words by the whole table's statistics, which change as rows arrive; its
rank is instead BM25's term-frequency part with fixed constants (matched words in the text,
against the text's length), computed per row from FTS5's highlight(). PostgreSQL's ts_rank is
already per row.
"""
from __future__ import annotations

import html
import re

from sqlalchemy import Float, String, column, func, select, text
from sqlalchemy.orm import Session

from ..models.revisions import current_revision
from .paging import Page, Sort, cursor_pin, keyset_page

HIT_TYPES = ("statement", "figure", "event", "actor")
MARK_START, MARK_END = "\x02", "\x03"   # never in article text; become <mark> after escaping

# (hit type, table, searched column); actors are found through every alias (names included).
SOURCES = (("statement", "statements", "text"), ("figure", "figures", "evidence_text"),
           ("event", "events", "title"))

# BM25's saturation of term frequency (k1 = 1.2, b = 0.75) against a fixed nominal length (in
# characters) instead of the table's average: -(m * 2.2 / (m + 1.2 * (0.25 + 0.75 * length / 100))),
# m = the matched words in the text (the highlight() marks).
SQLITE_MATCHED = "(length(f.marked) - length(replace(f.marked, char(2), '')))"
SQLITE_RANK = (f"-({SQLITE_MATCHED} * 2.2"
               f" / ({SQLITE_MATCHED} + 1.2 * (0.25 + 0.75 * length({{text}}) / 100.0)))")
SQLITE_MATCHES = ("SELECT rowid, highlight(search_{table}, 0, char(2), char(3)) AS marked,"
                  " snippet(search_{table}, 0, char(2), char(3), '…', 24) AS snippet"
                  " FROM search_{table} WHERE search_{table} MATCH :match")
SQLITE_PART = ("SELECT '{type}' AS type, CAST(t.id AS TEXT) AS ref, " + SQLITE_RANK.format(text="t.{col}")
               + " AS rank, f.snippet AS snippet FROM (" + SQLITE_MATCHES + ") f"
               " JOIN {table} t ON t.id = f.rowid WHERE t.revision <= :revision")
SQLITE_ACTORS = ("SELECT 'actor' AS type, actor_id AS ref, rank, snippet FROM ("
                 " SELECT a.actor_id, " + SQLITE_RANK.format(text="a.name") + " AS rank, f.snippet,"
                 "  row_number() OVER (PARTITION BY a.actor_id ORDER BY "
                 + SQLITE_RANK.format(text="a.name") + ", a.id) AS n"
                 " FROM (" + SQLITE_MATCHES.format(table="actor_aliases") + ") f"
                 " JOIN actor_aliases a ON a.id = f.rowid WHERE a.revision <= :revision) best WHERE n = 1")

# to_tsvector('english', col) is exactly the indexed expression, so the GIN index serves it.
PG_PART = ("SELECT '{type}' AS type, CAST(id AS TEXT) AS ref,"
           " CAST(-ts_rank(to_tsvector('english', {col}), plainto_tsquery('english', :q)) AS float8) AS rank,"
           " ts_headline('english', {col}, plainto_tsquery('english', :q), :options) AS snippet"
           " FROM {table} WHERE to_tsvector('english', {col}) @@ plainto_tsquery('english', :q)"
           " AND revision <= :revision")
PG_ACTORS = ("SELECT 'actor' AS type, actor_id AS ref, rank, snippet FROM ("
             " SELECT actor_id, rank, snippet, row_number() OVER ("
             "  PARTITION BY actor_id ORDER BY rank, id) AS n FROM ("
             + PG_PART.format(type="actor", col="name", table="actor_aliases")
             .replace("CAST(id AS TEXT) AS ref", "id, actor_id") + ") f) best WHERE n = 1")
PG_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12"


def _hits(session: Session, q: str, revision: int):
    """The union of every kind of hit written at or before `revision` as a subquery (type, ref,
    rank, snippet)."""
    if session.get_bind().dialect.name == "postgresql":
        parts = [PG_PART.format(type=t, table=table, col=col) for t, table, col in SOURCES] + [PG_ACTORS]
        params = {"q": q, "options": PG_OPTIONS}
    else:
        parts = [SQLITE_PART.format(type=t, table=table, col=col) for t, table, col in SOURCES]
        parts.append(SQLITE_ACTORS)
        # Each word quoted: FTS5 operators and punctuation in user input are just text.
        params = {"match": " ".join('"{}"'.format(w.replace('"', '""')) for w in re.findall(r"\w+", q))}
    sql = text(" UNION ALL ".join(parts)).bindparams(revision=revision, **params)
    return sql.columns(column("type", String), column("ref", String), column("rank", Float),
                       column("snippet", String)).subquery("hits")


def _sort(hits) -> Sort:
    return Sort("rank", (hits.c.rank, hits.c.type, hits.c.ref), ((int, float), str, str), pinned=True)


def marked(snippet: str | None) -> str:
    """HTML-safe snippet: the text escaped, matched words in <mark>."""
    return html.escape(snippet or "").replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def search(session: Session, q: str, *, types: list[str] | None = None, cursor: str | None = None,
           limit: int = 50) -> Page:
    if not re.search(r"\w", q):
        return Page([], None, 0)
    # The walk's revision: the first page's, carried by every cursor after it.
    revision = cursor_pin(cursor, _sort(_hits(session, q, 0))) if cursor else current_revision(session)
    hits = _hits(session, q, revision)
    sort = _sort(hits)
    where = [hits.c.type.in_(types)] if types else []
    stmt = select(hits.c.type, hits.c.ref, hits.c.rank, hits.c.snippet).where(*where)
    page = keyset_page(session, stmt, sort, cursor, limit, pin=revision)
    items = [{"type": t, "id": int(ref) if t != "actor" else ref, "score": -rank, "snippet": marked(snip)}
             for t, ref, rank, snip in page.items]
    total = session.scalar(select(func.count()).select_from(hits).where(*where))
    return Page(items, page.next_cursor, total)
