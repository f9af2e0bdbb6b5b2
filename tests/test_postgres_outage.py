"""A real PostgreSQL outage in the middle of a real `flask ingest` (PostgreSQL only).

The server is stopped once ingest has stored its first documents, through the command in
NEWSFACTS_TEST_POSTGRES_CTL, which takes `stop` or `start` as its last argument and controls the
server of NEWSFACTS_TEST_POSTGRES_URL (.ci/run: `pg_ctlcluster 15 main`). Until the server is down,
the test holds a lock that stops ingest at its next write, so the outage always comes mid-run with
documents left to load, however fast or slow the machine is. Two outcomes:
- the outage outlasts ingest's retry window: the run exits non-zero naming each document it did not
  load once, without a traceback, and a re-run after the server is back loads exactly the rest;
- the server comes back within the window: ingest waits for it and loads everything.
Either way the database ends as a clean load of the same folder would leave it. The outage is tied
to what ingest does (k documents stored, its exit, its retry notice), not to a clock, and the server
is started again whatever happens.

Without the command the tests skip (under CI=true they fail). Never point it at a server others use.
"""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, func, select, text

from api.models import Base

from .conftest import IN_CI, PG_URL, ROOT, make_app, require_postgres

CTL = os.environ.get("NEWSFACTS_TEST_POSTGRES_CTL")
ARTICLES = 24   # extracted and stored in batches of 8
RETRY_NOTICE = "the database is unreachable"

COUNTRIES = ["Portugal", "Chile", "Kenya", "Norway", "Vietnam", "Morocco", "Peru", "Finland"]
PEOPLE = ["Ilse Marrow", "Tomas Quell", "Anja Berrick", "Rafael Ostin", "Mira Kalden", "Jonah Petrel"]
ROLES = ["foreign minister", "defence minister", "prime minister", "trade envoy"]
MONTHS = ["March", "April", "May", "June"]


def article(n: int) -> str:
    """An invented news item: speakers, quotes, figures and a meeting, different in each article."""
    a, b = COUNTRIES[n % len(COUNTRIES)], COUNTRIES[(n * 3 + 1) % len(COUNTRIES)]
    p, q = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 2) % len(PEOPLE)]
    role = ROLES[n % len(ROLES)]
    month = MONTHS[n % len(MONTHS)]
    return (
        f"{p}, the {role} of {a}, met {q} of {b} in Geneva on {n % 27 + 1} {month} 2025.\n\n"
        f'"We agreed to reopen the border crossings within {n % 9 + 2} weeks," {p} told reporters '
        f"after the talks.\n\n"
        f"{q} said {b} would send {100 + 37 * n:,} tonnes of grain to {a} before the winter, and that "
        f"about {1_000 + 211 * n:,} families were still waiting for aid.\n\n"
        f"The two governments will sign a fisheries agreement in Lisbon next month, {q} added. "
        f"Officials in {a} said the deal was worth ${n % 13 + 2} million a year.\n"
    )


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("outage") / "articles"
    folder.mkdir()
    for n in range(ARTICLES):
        (folder / f"item{n:03d}.txt").write_text(article(n), encoding="utf-8")
    return folder


def ctl(action: str) -> None:
    result = subprocess.run([*shlex.split(CTL), action], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{CTL} {action}: {result.stdout}{result.stderr}"


def reachable() -> bool:
    try:
        with psycopg.connect(PG_URL, connect_timeout=2) as conn:
            conn.execute("select 1")
        return True
    except psycopg.Error:
        return False


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.1)
    pytest.fail(f"gave up after {seconds:.0f} s waiting for {what}")


@pytest.fixture(scope="module")
def controllable() -> None:
    """A PostgreSQL server, and the command that stops and starts it."""
    require_postgres()
    if not CTL:
        why = "NEWSFACTS_TEST_POSTGRES_CTL (a command taking stop/start for that server) is not set"
        if IN_CI:
            pytest.fail(f"CI needs a PostgreSQL it may stop: {why}")
        pytest.skip(why)


@pytest.fixture
def server(controllable):
    """The server, guaranteed running again when the test ends, however it ends."""
    try:
        yield
    finally:
        if not reachable():
            ctl("start")
        wait_for(reachable, 60, "PostgreSQL to accept connections again")


def schema_env(tmp_path: Path, schema: str) -> dict:
    """A new, migrated schema, and the environment that points `flask ingest` at it."""
    app = make_app("postgresql", tmp_path, schema)
    with app.app_context():
        from api.extensions import db
        db.engine.dispose()
    return {**os.environ, "DATABASE_URL": PG_URL, "PGOPTIONS": f"-csearch_path={schema}",
            "NEWSFACTS_INGEST_WORKERS": "1", "NEWSFACTS_CONNECT_TIMEOUT_SECONDS": "2"}


class Ingest:
    """`flask --app api ingest` in a process of its own; its output read as it comes."""

    def __init__(self, env: dict, folder: Path, retry_seconds: float):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "api", "ingest", str(folder)], cwd=ROOT,
            env={**env, "NEWSFACTS_INGEST_RETRY_SECONDS": str(retry_seconds)},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True)
        self.reader.start()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def finish(self, seconds: float = 300) -> int:
        try:
            self.process.wait(timeout=seconds)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=10)
        return self.process.returncode


def stored(schema: str) -> int:
    try:
        with psycopg.connect(PG_URL, connect_timeout=2, options=f"-csearch_path={schema}") as conn:
            return stored_by(conn)
    except psycopg.Error:
        return 0


def contents(schema: str) -> dict:
    """What a reader can tell apart: rows per table (but the revision counter), and the evidence
    of every statement and figure."""
    engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                           connect_args={"options": f"-csearch_path={schema}"})
    try:
        with engine.connect() as conn:
            counts = {t.name: conn.scalar(select(func.count()).select_from(t))
                      for t in Base.metadata.sorted_tables if "revision" not in t.name}
            spans = {name: sorted(conn.execute(text(f"select document_id, start_char, end_char from {name}")))
                     for name in ("statements", "figures")}
    finally:
        engine.dispose()
    return {"counts": counts, **spans}


def summary(output: str) -> dict[str, int]:
    line = next(x for x in output.splitlines() if x.startswith("loaded "))
    return {part.split()[0]: int(part.split()[1]) for part in line.split(", ")}


@pytest.fixture(scope="module")
def clean_load(controllable, tmp_path_factory, articles) -> dict:
    """What the same folder leaves in an empty database when nothing goes wrong (in this process:
    it is only the reference)."""
    app = make_app("postgresql", tmp_path_factory.mktemp("clean"), "outage_clean")
    result = app.test_cli_runner().invoke(args=["ingest", str(articles)])
    with app.app_context():
        from api.extensions import db
        db.engine.dispose()
    assert result.exit_code == 0, result.output
    loaded = contents("outage_clean")
    assert loaded["counts"]["documents"] == ARTICLES and loaded["statements"] and loaded["figures"]
    return loaded


def stop_after_first_documents(schema: str, ingest: Ingest) -> None:
    """Stop the server once ingest has stored documents, while it still has some to store: from
    the first stored document on, a lock on `documents` holds ingest at its next write (the
    stopping server ends that wait with the connection)."""
    wait_for(lambda: stored(schema) > 0 or ingest.process.poll() is not None, 300,
             "ingest to store a document")
    holder = psycopg.connect(PG_URL, options=f"-csearch_path={schema}")
    try:
        holder.execute("lock table documents in access exclusive mode")
        assert ingest.process.poll() is None, "ingest finished before the outage:\n" + ingest.output
        assert stored_by(holder) < ARTICLES, "ingest stored everything before the outage"
        ctl("stop")
    finally:
        holder.close()


def stored_by(conn) -> int:
    return conn.execute("select count(*) from documents").fetchone()[0]


def test_an_outage_longer_than_the_retry_window_fails_the_run_and_a_rerun_loads_the_rest(
        server, tmp_path, articles, clean_load):
    env = schema_env(tmp_path, "outage_fail")
    ingest = Ingest(env, articles, retry_seconds=2)
    try:
        stop_after_first_documents("outage_fail", ingest)
        status = ingest.finish()
    finally:
        ctl("start")
    output = ingest.output
    assert status == 1, output
    assert "Traceback" not in output, output
    first = summary(output)
    failed = [f"item{n:03d}.txt" for n in range(ARTICLES)
              if f"failed item{n:03d}.txt: not loaded: the database is unreachable" in output]
    assert first["loaded"] > 0 and first["failed"] == len(failed) > 0, output
    assert first["loaded"] + len(failed) == ARTICLES, output
    for name in failed:   # each named once
        assert output.count(name) == 1, output

    wait_for(reachable, 60, "PostgreSQL to accept connections again")
    rerun = Ingest(env, articles, retry_seconds=30)
    assert rerun.finish() == 0, rerun.output
    assert summary(rerun.output) == {"loaded": len(failed), "unchanged": first["loaded"], "skipped": 0,
                                     "failed": 0}, rerun.output
    assert contents("outage_fail") == clean_load


def test_an_outage_within_the_retry_window_loads_everything(server, tmp_path, articles, clean_load):
    env = schema_env(tmp_path, "outage_wait")
    ingest = Ingest(env, articles, retry_seconds=300)
    try:
        stop_after_first_documents("outage_wait", ingest)
        # Back once ingest has met the outage: it says it is retrying.
        wait_for(lambda: RETRY_NOTICE in ingest.output or ingest.process.poll() is not None, 300,
                 "ingest to notice the outage")
    finally:
        ctl("start")
    status = ingest.finish()
    assert RETRY_NOTICE in ingest.output and "Traceback" not in ingest.output, ingest.output
    assert status == 0, ingest.output
    assert summary(ingest.output) == {"loaded": ARTICLES, "unchanged": 0, "skipped": 0, "failed": 0}
    assert contents("outage_wait") == clean_load
