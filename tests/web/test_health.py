from __future__ import annotations

import subprocess
import sys

from tests.conftest import make_app


def test_healthz_and_readyz_on_a_migrated_database(app):
    client = app.test_client()
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200


def test_readyz_is_503_before_migrations(backend, tmp_path):
    app = make_app(backend, tmp_path, "unmigrated", migrate=False)
    response = app.test_client().get("/readyz")
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert "not migrated" in response.get_json()["detail"]


def test_web_app_never_imports_spacy(tmp_path):
    """Web workers stay light: serving requests must not pull in the NLP stack (fresh process)."""
    code = ("import sys; from api import create_app; "
            f"app = create_app({{'SQLALCHEMY_DATABASE_URI': 'sqlite:///{tmp_path}/x.sqlite'}}); "
            "c = app.test_client(); c.get('/healthz'); c.get('/v1/documents'); "
            "sys.exit(3 if 'spacy' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
