"""App, client and runner fixtures, on SQLite always and on PostgreSQL when it is reachable.

PostgreSQL: set NEWSFACTS_TEST_POSTGRES_URL (postgresql://user:pass@host/db). Without it the
PostgreSQL tests skip, except under CI=true, where a missing or unreachable server fails them.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server

from api import create_app
from api.config import database_url

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PG_URL = os.environ.get("NEWSFACTS_TEST_POSTGRES_URL")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _pg_unavailable() -> str | None:
    if not PG_URL:
        return "PostgreSQL tests need NEWSFACTS_TEST_POSTGRES_URL (`make test-postgres` starts one)"
    try:
        engine = create_engine(database_url(PG_URL))
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # any failure to connect means: not reachable
        return f"PostgreSQL at NEWSFACTS_TEST_POSTGRES_URL unreachable: {type(exc).__name__}"
    return None


PG_PROBLEM = _pg_unavailable()


def require_postgres() -> None:
    if PG_PROBLEM:
        if IN_CI:
            pytest.fail(f"CI needs PostgreSQL: {PG_PROBLEM}")
        pytest.skip(PG_PROBLEM)


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def pg_schema(name: str) -> dict:
    """A fresh PostgreSQL schema, so write tests and the shared corpus never meet."""
    engine = create_engine(database_url(PG_URL))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    engine.dispose()
    return {"SQLALCHEMY_DATABASE_URI": PG_URL,
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"options": f"-csearch_path={name}"}}}


def backend_config(backend: str, folder: Path, schema: str) -> dict:
    if backend == "postgresql":
        require_postgres()
        return pg_schema(schema)
    return {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'test.sqlite'}"}


def make_app(backend: str, folder: Path, schema: str, migrate: bool = True):
    app = create_app({"TESTING": True, "INGEST_WORKERS": 1, **backend_config(backend, folder, schema)})
    if migrate:
        with app.app_context():
            upgrade()
    return app


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def app(backend, tmp_path):
    """A new, migrated, empty database for each test that writes."""
    app = make_app(backend, tmp_path, "scratch")
    yield app
    with app.app_context():
        from api.extensions import db
        db.engine.dispose()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session", params=BACKENDS)
def corpus_app(request, tmp_path_factory):
    """The seed corpus, loaded once per backend, for tests that only read."""
    app = make_app(request.param, tmp_path_factory.mktemp(f"corpus-{request.param}"), "corpus")
    result = app.test_cli_runner().invoke(args=["ingest", str(CORPUS)])
    assert result.exit_code == 0, result.output
    return app


@pytest.fixture
def client(corpus_app):
    return corpus_app.test_client()


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the corpus, for tests that break it."""
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest)
    for p in dest.iterdir():
        p.chmod(0o644)
    return dest


@pytest.fixture
def served(corpus_app):
    """The corpus app on a real socket, for the browser tests."""
    server = make_server("127.0.0.1", 0, corpus_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def browser():
    """Headless Chromium that can reach only this machine (a CDN or any other host fails to load)."""
    if not (CHROMIUM and CHROMEDRIVER):
        reason = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver

    profile = tempfile.mkdtemp(prefix="newsfacts-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,1000",
                 '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
