"""openapi.yaml is what the code generates, and it is a valid OpenAPI 3.1 document."""
from __future__ import annotations

import json

import yaml
from openapi_spec_validator import validate

from api.extensions import rest_api

from .conftest import ROOT


def test_committed_spec_matches_the_code(app):
    with app.app_context():
        generated = json.loads(json.dumps(rest_api.spec.to_dict()))
    committed = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    assert committed == generated, "openapi.yaml is stale: run `make openapi` and commit it"


def test_spec_validates_and_is_served(client):
    spec = client.get("/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    validate(spec)
    assert "/v1/documents" in spec["paths"]
