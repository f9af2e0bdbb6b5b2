"""`flask --app api ingest PATH`: an adapter over ingest.load_corpus."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext


@contextmanager
def progress_bar(length: int, label: str = "ingesting"):
    """A bar on a terminal, silent otherwise (logs and CI stay clean)."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr) as bar:
        yield bar.update


def require_migrated(engine) -> None:
    """One line saying what to do, rather than a traceback from the first missing table."""
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy.exc import SQLAlchemyError

    from .web.health import migration_heads

    try:
        with engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
    except SQLAlchemyError as exc:
        why = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(f"cannot reach the database: {type(exc).__name__}: {why}") from None
    if current != migration_heads():
        at = f"at {', '.join(sorted(current))}" if current else "empty"
        raise click.ClickException(f"the database is not migrated ({at}): run `flask --app api db upgrade` "
                                   "first")


@click.command("ingest")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@with_appcontext
@click.option("--workers", type=int, default=None, help="Extraction processes (default: one per core).")
@click.option("--replace", is_flag=True,
              help="A stored document of the same name loaded from another folder is replaced.")
def ingest_command(path: Path, workers: int | None, replace: bool) -> None:
    """Load the articles in PATH (UTF-8 .txt files, optional manifest.json) and extract their facts."""
    from sqlalchemy.orm import Session

    from .extensions import db
    from .ingest.load import load_corpus
    from .transactions import writer_engine

    require_migrated(db.engine)
    length = len(list(path.glob("*.txt")))
    # Each write transaction takes SQLite's write lock first, so another writer cannot slip in
    # between what it read (the actors and events it merges with) and what it writes.
    with progress_bar(length) as advance, Session(writer_engine(db.engine)) as session:
        report = load_corpus(
            session, path, max_chars=current_app.config["MAX_DOCUMENT_CHARS"], replace=replace,
            retry_seconds=current_app.config["INGEST_RETRY_SECONDS"],
            workers=current_app.config["INGEST_WORKERS"] if workers is None else workers,
            progress=advance)
    for problem in report.problems:
        click.echo(f"{'failed' if problem.failed else 'skipped'} {problem.name}: {problem.reason}", err=True)
    click.echo(report.summary())
    # Bad input alone is the input's business; anything else that did not load is a failed run.
    if report.failed or (not report.loaded and not report.unchanged):
        raise click.exceptions.Exit(1)


@click.command("reextract")
@with_appcontext
@click.option("--all", "everything", is_flag=True,
              help="Every document, not only those an older extractor made.")
@click.option("--document", "document_ids", multiple=True, metavar="ID",
              help="Only this document (repeat for more).")
@click.option("--workers", type=int, default=None, help="Extraction processes (default: one per core).")
def reextract_command(everything: bool, document_ids: tuple[str, ...], workers: int | None) -> None:
    """Extract stored documents again with this version of the extractor.

    By default the documents whose facts an older extractor made. A fact found again keeps its id
    (updated in place where it differs), new facts are created, facts no longer found are deleted
    and leave a tombstone in /v1/changes. A document whose facts come out the same changes nothing.
    """
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from .extensions import db
    from .ingest.load import chosen_for_reextraction, reextract
    from .transactions import writer_engine

    require_migrated(db.engine)
    with Session(db.engine) as session:
        total = session.scalar(select(func.count()).select_from(
            chosen_for_reextraction(everything, document_ids).subquery()))
    with progress_bar(total, "re-extracting") as advance, Session(writer_engine(db.engine)) as session:
        report, chosen = reextract(
            session, everything=everything, document_ids=document_ids,
            retry_seconds=current_app.config["INGEST_RETRY_SECONDS"],
            workers=current_app.config["INGEST_WORKERS"] if workers is None else workers, progress=advance)
    for problem in report.problems:
        click.echo(f"{'failed' if problem.failed else 'skipped'} {problem.name}: {problem.reason}", err=True)
    if not chosen and not report.problems:
        click.echo("nothing to re-extract: every document's facts are from this extractor "
                   "(--all re-extracts them anyway)")
        return
    click.echo(report.reextract_summary())
    if report.problems:
        raise click.exceptions.Exit(1)


@click.command("export")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8", lazy=True), default="-",
              help="Where to write (default: standard output).")
@click.option("--type", "types", multiple=True, type=click.Choice(["document", "actor", "statement",
                                                                    "figure", "event"]),
              help="Only this type (repeat for several); default: all.")
@click.option("--updated-since", type=int, default=None, help="Only rows written after this data revision.")
@with_appcontext
def export_command(output, types, updated_since) -> None:
    """Write every document, actor, statement, figure and event as NDJSON (what /v1/export.ndjson
    serves), read in one snapshot of the database, in constant memory."""
    from sqlalchemy.orm import Session

    from .extensions import db
    from .queries.export import export_lines
    from .web.snapshot import POSTGRES_SNAPSHOT

    require_migrated(db.engine)
    engine = db.engine
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(**POSTGRES_SNAPSHOT)
    with Session(engine) as session:
        for line in export_lines(session, types=list(types) or None, updated_since=updated_since):
            output.write(line)
        session.rollback()


def init_app(app: Flask) -> None:
    app.cli.add_command(ingest_command)
    app.cli.add_command(reextract_command)
    app.cli.add_command(export_command)
