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

The cost is bounded whatever the word: each kind of item contributes at most CANDIDATES matches,
the first its index gives, and only those are ranked (counting them ranks none); snippets are made
for the page's hits only. A word that matches fewer items than that (most words) is ranked over
every match.
"""
from __future__ import annotations

import html
import re
from collections import defaultdict
from functools import lru_cache

from sqlalchemy import (
    Connection,
    Float,
    Integer,
    Select,
    String,
    bindparam,
    column,
    func,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import Session

from ..models.revisions import revision_value
from . import driver
from .paging import PAGE_SIZE, Page, Sort, after_params, cursor_pin, page_values, split_page

HIT_TYPES = ("statement", "figure", "event", "actor")
MARK_START, MARK_END = "\x02", "\x03"   # never in article text; become <mark> after escaping
CANDIDATES = 200   # matches ranked per kind of item

# (hit type, table, searched column); actors are found through every alias (names included).
SOURCES = (("statement", "statements", "text"), ("figure", "figures", "evidence_text"),
           ("event", "events", "title"))
TABLES = {t: (table, col) for t, table, col in SOURCES} | {"actor": ("actor_aliases", "name")}

# Each part: (type, ref: the item's id as text, rank, src: the row the snippet comes from). Unranked
# (when only the number of hits is wanted) the rank is a constant and nothing is highlighted.
# BM25's saturation of term frequency (k1 = 1.2, b = 0.75) against a fixed nominal length (in
# characters) instead of the table's average: -(m * 2.2 / (m + 1.2 * (0.25 + 0.75 * length / 100))),
# m = the matched words in the text (the highlight() marks).
SQLITE_MATCHED = "(length(f.marked) - length(replace(f.marked, char(2), '')))"
SQLITE_RANK = (f"-({SQLITE_MATCHED} * 2.2"
               f" / ({SQLITE_MATCHED} + 1.2 * (0.25 + 0.75 * length({{text}}) / 100.0)))")
SQLITE_MATCHES = ("SELECT rowid, {marked} AS marked FROM search_{table} WHERE search_{table} MATCH :match")
SQLITE_PART = ("SELECT '{type}' AS type, CAST(t.id AS TEXT) AS ref, {rank} AS rank, t.id AS src"
               " FROM (" + SQLITE_MATCHES + ") f JOIN {table} t ON t.id = f.rowid"
               " WHERE t.revision <= :revision LIMIT :candidates")
SQLITE_ACTORS = ("SELECT 'actor' AS type, actor_id AS ref, rank, id AS src FROM ("
                 " SELECT actor_id, id, rank,"
                 "  row_number() OVER (PARTITION BY actor_id ORDER BY rank, id) AS n"
                 " FROM (SELECT a.actor_id, a.id, {rank} AS rank"
                 "  FROM (" + SQLITE_MATCHES.format(marked="{marked}", table="actor_aliases") + ") f"
                 "  JOIN actor_aliases a ON a.id = f.rowid WHERE a.revision <= :revision LIMIT :candidates)"
                 ") best WHERE n = 1")
SQLITE_SNIPPET = ("SELECT rowid, snippet(search_{table}, 0, char(2), char(3), '…', 24) FROM search_{table}"
                  " WHERE search_{table} MATCH :match AND rowid IN :ids")

# to_tsvector('english', col) is exactly the indexed expression, so the GIN index serves it.
PG_RANK = "CAST(-ts_rank(to_tsvector('english', {col}), plainto_tsquery('english', :q)) AS float8)"
PG_MATCHES = ("SELECT id, {extra}{rank} AS rank FROM {table}"
              " WHERE to_tsvector('english', {col}) @@ plainto_tsquery('english', :q)"
              " AND revision <= :revision LIMIT :candidates")
PG_PART = "SELECT '{type}' AS type, CAST(id AS TEXT) AS ref, rank, id AS src FROM ({matches}) c"
PG_ACTORS = ("SELECT 'actor' AS type, actor_id AS ref, rank, id AS src FROM ("
             " SELECT actor_id, id, rank, row_number() OVER (PARTITION BY actor_id ORDER BY rank, id) AS n"
             " FROM ({matches}) f) best WHERE n = 1")
PG_SNIPPET = ("SELECT id, ts_headline('english', {col}, plainto_tsquery('english', :q), :options)"
              " FROM {table} WHERE id IN :ids")
PG_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12"


def _params(postgres: bool, q: str) -> dict:
    if postgres:
        return {"q": q}
    # Each word quoted: FTS5 operators and punctuation in user input are just text.
    return {"match": " ".join('"{}"'.format(w.replace('"', '""')) for w in re.findall(r"\w+", q))}


def _parts(postgres: bool, ranked: bool) -> list[str]:
    if postgres:
        def matches(table, col, extra=""):
            rank = PG_RANK.format(col=col) if ranked else "0.0"
            return PG_MATCHES.format(extra=extra, rank=rank, table=table, col=col)
        return [PG_PART.format(type=t, matches=matches(table, col)) for t, table, col in SOURCES] + \
            [PG_ACTORS.format(matches=matches("actor_aliases", "name", "actor_id, "))]
    marked = "highlight(search_{table}, 0, char(2), char(3))" if ranked else "NULL"

    def rank(text_column):
        return SQLITE_RANK.format(text=text_column) if ranked else "0.0"
    return [SQLITE_PART.format(type=t, table=table, rank=rank(f"t.{col}"), marked=marked.format(table=table))
            for t, table, col in SOURCES] + \
        [SQLITE_ACTORS.format(rank=rank("a.name"), marked=marked.format(table="actor_aliases"))]


# The statements are built once per database and shape, and run with the request's values
# (api/queries/driver.py): the words, the walk's revision, the page and its cursor.
TYPES = bindparam("types", expanding=True)


@lru_cache(maxsize=4)
def _hits(postgres: bool, ranked: bool = True):
    """The union of every kind of hit written at or before :revision as a subquery (type, ref,
    rank, src); unranked, it only counts."""
    parts = [f"SELECT * FROM ({part}) p{i}" for i, part in enumerate(_parts(postgres, ranked))]
    return text(" UNION ALL ".join(parts)).columns(
        column("type", String), column("ref", String), column("rank", Float), column("src", Integer),
    ).subquery("hits")


@lru_cache(maxsize=8)
def _page_statement(postgres: bool, typed: bool, after: bool) -> Select:
    """A page of hits in rank order (after a cursor's hit), ending with the sort's keys."""
    hits = _hits(postgres)
    sort = _sort(hits)
    stmt = select(hits.c.type, hits.c.ref, hits.c.rank, hits.c.src, *sort.keys)
    if typed:
        stmt = stmt.where(hits.c.type.in_(TYPES))
    if after:
        stmt = stmt.where(tuple_(*sort.keys) > tuple_(*after_params(sort)))
    return stmt.order_by(*(key.asc() for key in sort.keys)).limit(PAGE_SIZE)


@lru_cache(maxsize=4)
def _count_statement(postgres: bool, typed: bool) -> Select:
    unranked = _hits(postgres, ranked=False)
    return select(func.count()).select_from(unranked).where(*([unranked.c.type.in_(TYPES)] if typed else []))


@lru_cache(maxsize=8)
def _snippet_statement(postgres: bool, kind: str):
    table, col = TABLES[kind]
    sql = PG_SNIPPET.format(table=table, col=col) if postgres else SQLITE_SNIPPET.format(table=table)
    return text(sql).bindparams(bindparam("ids", expanding=True)).columns(column("src", Integer),
                                                                          column("snippet", String))


def _snippets(connection: Connection, params: dict, hits) -> dict[tuple[str, int], str]:
    """The snippet of each hit of a page, by (type, src)."""
    postgres = connection.dialect.name == "postgresql"
    wanted = defaultdict(list)
    for kind, _, _, src in hits:
        wanted[kind].append(src)
    extra = {"options": PG_OPTIONS, **params} if postgres else params
    found = {}
    for kind, ids in wanted.items():
        stmt = _snippet_statement(postgres, kind)
        for src, snippet in driver.rows(connection, stmt, {**extra, "ids": ids}):
            found[(kind, src)] = snippet
    return found


def _sort(hits) -> Sort:
    return Sort("rank", (hits.c.rank, hits.c.type, hits.c.ref), ((int, float), str, str), pinned=True)


def marked(snippet: str | None) -> str:
    """HTML-safe snippet: the text escaped, matched words in <mark>."""
    return html.escape(snippet or "").replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def search(session: Session, q: str, *, types: list[str] | None = None, cursor: str | None = None,
           limit: int = 50) -> Page:
    if not re.search(r"\w", q):
        return Page([], None, 0)
    connection = session.connection()
    postgres = connection.dialect.name == "postgresql"
    params = _params(postgres, q)
    sort = _sort(_hits(postgres))
    # The walk's revision: the first page's, carried by every cursor after it.
    revision = cursor_pin(cursor, sort) if cursor else revision_value(connection)
    values = {**params, "revision": revision, "candidates": CANDIDATES, **({"types": types} if types else {})}
    rows = driver.rows(connection, _page_statement(postgres, bool(types), cursor is not None),
                       {**values, **page_values(sort, cursor, limit)})
    hits, next_cursor = split_page(rows, sort, limit, pin=revision)
    hits = [row[:4] for row in hits]
    snippets = _snippets(connection, params, hits)
    items = [{"type": t, "id": int(ref) if t != "actor" else ref, "score": -rank,
              "snippet": marked(snippets.get((t, src)))} for t, ref, rank, src in hits]

    # Counted at the walk's revision (not kept per data revision like the lists' totals): cheap,
    # since it ranks nothing and reads at most CANDIDATES matches of each kind.
    total = driver.first(connection, _count_statement(postgres, bool(types)), values)[0] or 0
    return Page(items, next_cursor, total)
