"""One spaCy pipeline per test session; extraction helpers over plain strings."""
from __future__ import annotations

from datetime import date

import pytest

from api.extract import extract_document
from api.extract.nlp import get_nlp

PUBLISHED = date(2025, 3, 12)      # a Wednesday


@pytest.fixture(scope="session")
def nlp():
    pipeline, blank = get_nlp()
    return pipeline


@pytest.fixture(scope="session")
def extract(nlp):
    def run(text: str, published: date | None = PUBLISHED):
        return extract_document(text, published)
    return run
