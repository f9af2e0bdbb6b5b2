"""Every list filter and order is read from an index that matches it, on both databases: the
query plan of each list's page (and of its count) names the index, and reads no table whole.

PostgreSQL plans a small table as a sequential scan whatever its indexes, so there the planner is
told to avoid sequential scans (enable_seqscan off): a plan that still has one has no usable index.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event

from api.extensions import db
from api.queries.facts import list_events, list_figures, list_statements
from api.queries.summary import SUMMARY_KEYS, summarize

LISTS = {"figures": list_figures, "statements": list_statements, "events": list_events}
CASES = [
    ("figures", {"actor": "north-korea"}, {"ix_figures_subject_id_id", "ix_figures_source_id_id"}),
    ("figures", {"subject": "north-korea"}, {"ix_figures_subject_id_id"}),
    ("figures", {"source": "ukraine"}, {"ix_figures_source_id_id"}),
    ("figures", {"metric": "killed"}, {"ix_figures_metric_id"}),
    ("figures", {"unit": "people"}, {"ix_figures_unit_id"}),
    ("figures", {"qualifier": "exact"}, {"ix_figures_qualifier_id"}),
    ("figures", {"sort": "value"}, {"ix_figures_value_id"}),
    ("figures", {"sort": "-value"}, {"ix_figures_value_id"}),
    ("figures", {"document": "any-document"}, {"ix_figures_document_id"}),
    ("statements", {"speaker": "vladimir-putin"}, {"ix_statements_speaker_id_id"}),
    ("statements", {"actor": "north-korea"},
     {"ix_statements_speaker_id_id", "ix_statement_about_actor_id_statement_id"}),
    ("statements", {"about": "north-korea"}, {"ix_statement_about_actor_id_statement_id"}),
    ("statements", {"kind": "direct"}, {"ix_statements_kind_id"}),
    ("statements", {"document": "any-document"}, {"ix_statements_document_id"}),
    ("events", {"actor": "north-korea"}, {"ix_event_actors_actor_id_event_id"}),
    ("events", {"kind": "summit"}, {"ix_events_kind_id"}),
    ("events", {"date_from": date(2024, 6, 1), "date_to": date(2024, 6, 30)}, {"ix_events_date_id"}),
    ("events", {"document": "any-document"}, {"ix_event_mentions_document_id"}),
]
# Summary indexes (migration 0010) that begin with a list's filter column: enough for its count.
SAME_FILTER = {"ix_figures_subject_summary": "ix_figures_subject_id_id",
               "ix_figures_source_summary": "ix_figures_source_id_id",
               "ix_figures_metric_summary": "ix_figures_metric_id",
               "ix_figures_unit_summary": "ix_figures_unit_id",
               "ix_figures_document_summary": "ix_figures_document_id"}
FACT_TABLES = ("figures", "statements", "events", "statement_about", "event_actors", "event_mentions")


@contextmanager
def statements_run(engine):
    seen = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):   # not BEGIN, SET...
            seen.append((statement, parameters))
    event.listen(engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", keep)


def query_plan(statement: str, parameters) -> str:
    conn = db.session.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, parameters))
    return "\n".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))


def whole_table_reads(plan: str) -> list[str]:
    """Reads of a fact table from end to end (not through an index)."""
    tables = "|".join(FACT_TABLES)
    sqlite = re.findall(rf"^.*\bSCAN ({tables})\b(?! USING).*$", plan, re.M)
    postgres = re.findall(rf"^.*Seq Scan on ({tables})\b.*$", plan, re.M)
    return sqlite + postgres


@pytest.mark.parametrize(("resource", "filters", "indexes"), CASES,
                         ids=[f"{r}-{'-'.join(f)}" for r, f, _ in CASES])
def test_list_page_and_count_use_the_matching_index(corpus_app, resource, filters, indexes):
    with corpus_app.app_context():
        engine = db.engine
        with statements_run(engine) as seen:
            page = LISTS[resource](db.session, limit=50, **filters)
        first_query = seen[0]
        with statements_run(engine) as counted:
            page.count()
        # A count without a filter reads every row whichever way: only its page must use the order's index.
        filtered = set(filters) - {"sort"}
        for statement, parameters in (first_query, counted[0]) if filtered else (first_query,):
            plan = query_plan(statement, parameters)
            # A count needs no order: a summary index on the filter's column serves it as well; and
            # neither document index is in id order, so either serves that page.
            if statement is counted[0][0] or "document" in filters:
                for summary_index, list_index in SAME_FILTER.items():
                    plan = plan.replace(summary_index, list_index)
            used = {name for name in indexes if name in plan}
            assert used == indexes, f"{resource} {filters}: expected {indexes} in\n{plan}"
            assert not whole_table_reads(plan), f"{resource} {filters}: a table read whole in\n{plan}"
        db.session.rollback()


def test_a_deep_page_is_read_from_the_index_after_the_cursor(corpus_app):
    """The page after a cursor starts inside the index, not at its beginning."""
    with corpus_app.app_context():
        first = list_figures(db.session, limit=2, actor="north-korea")
        assert first.next_cursor
        with statements_run(db.engine) as seen:
            list_figures(db.session, limit=2, actor="north-korea", cursor=first.next_cursor)
        plan = query_plan(*seen[0])
        assert not whole_table_reads(plan)
        if db.engine.dialect.name == "sqlite":   # the cursor is part of each index search
            assert re.search(r"USING (COVERING )?INDEX ix_figures_subject_id_id \(subject_id=\? AND id>\?\)",
                             plan), plan
        db.session.rollback()


SUMMARIES = [(resource, by) for resource, keys in SUMMARY_KEYS.items() for by in keys]


@pytest.mark.parametrize(("resource", "by"), SUMMARIES, ids=[f"{r}-by-{b}" for r, b in SUMMARIES])
def test_a_summary_reads_its_groups_from_indexes(corpus_app, resource, by):
    """Every grouping of a whole table (the widest a summary gets) is read from indexes, never a
    table from end to end; a figure group's latest value from the end of one index."""
    with corpus_app.app_context():
        with statements_run(db.engine) as seen:
            page = summarize(db.session, resource, by=by, cursor=None, limit=50)
        assert page.items
        for statement, parameters in seen:
            if "FROM actors" in statement:
                continue    # the groups' actor names, by primary key
            plan = query_plan(statement, parameters)
            reads = whole_table_reads(plan)
            if by == "month" and "length(" in statement:
                continue    # the latest of figures undated or dated to a year: one index read whole
            assert not reads, f"{resource} by {by}: a table read whole in\n{plan}"
        db.session.rollback()
