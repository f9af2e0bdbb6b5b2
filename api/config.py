"""Configuration from the environment; the factory fills in what depends on the instance folder."""
from __future__ import annotations

import os


def database_url(raw: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs (SQLAlchemy would pick psycopg2)."""
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    return raw


SPACY_MAX_LENGTH = 1_000_000


def max_document_chars(raw: str | None) -> int:
    """The configured limit, never above what the parser accepts."""
    return min(int(raw) if raw else 100_000, SPACY_MAX_LENGTH)


class Config:
    # None: create_app() puts an SQLite file in the instance folder.
    SQLALCHEMY_DATABASE_URI = database_url(os.environ["DATABASE_URL"]) if os.environ.get("DATABASE_URL") \
        else None
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}   # PostgreSQL gets pool_pre_ping and a connect timeout
    # A longer article is refused at ingest (characters). Extraction takes about 3 kB of memory per
    # character (bench/document_memory.py): 100,000 characters (a 16,000-word long read) peak at
    # about +300 MB per extraction process. spaCy's parser refuses more than 1,000,000 (nlp.max_length).
    MAX_DOCUMENT_CHARS = max_document_chars(os.environ.get("NEWSFACTS_MAX_DOCUMENT_CHARS"))
    # How long ingest retries a lost database connection (with backoff) before it stops (seconds).
    INGEST_RETRY_SECONDS = float(os.environ.get("NEWSFACTS_INGEST_RETRY_SECONDS", 60))
    # Extraction processes at ingest; 0 means one per core.
    INGEST_WORKERS = int(os.environ.get("NEWSFACTS_INGEST_WORKERS", 0))
    MAX_CONTENT_LENGTH = 1_000_000
    # Where clients reach the API (https://api.example.org): paging links are built on it, never on
    # the request's Host header. Unset: links name the host the request was sent to.
    PUBLIC_URL = os.environ.get("NEWSFACTS_PUBLIC_URL") or None
    # A read that takes longer is cancelled and answered 503 (PostgreSQL); connecting gives up sooner.
    STATEMENT_TIMEOUT_MS = int(os.environ.get("NEWSFACTS_STATEMENT_TIMEOUT_MS", 10_000))
    CONNECT_TIMEOUT_SECONDS = int(os.environ.get("NEWSFACTS_CONNECT_TIMEOUT_SECONDS", 5))

    API_TITLE = "newsfacts"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    API_SPEC_OPTIONS = {
        "info": {
            "description": (
                "Actors, statements, figures and events extracted from news articles; every fact "
                "carries evidence: the document and the exact characters it came from."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/", "description": "this server"}],
    }
    # Answers may be cached, but only used after revalidating (a cheap 304 while nothing changed).
    API_CACHE_CONTROL = os.environ.get("NEWSFACTS_CACHE_CONTROL", "public, no-cache")
    # Any origin may read the API from a browser (flask-cors); writes do not exist.
    CORS_RESOURCES = {r"/v1/*": {"origins": "*"}}
    CORS_METHODS = ["GET", "HEAD", "OPTIONS"]
    CORS_ALLOW_HEADERS = ["Accept", "If-None-Match", "If-Modified-Since", "X-Request-ID"]
    CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "X-Request-ID"]
    CORS_MAX_AGE = 86400
