# The commands the README quotes. `make serve` and `make test` work on a machine with only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test test-postgres openapi lint lock bench bench-api clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Migrate the default SQLite database, load corpus/, serve on 127.0.0.1:8000.
serve: install
	$(BIN)/flask --app api db upgrade
	$(BIN)/flask --app api ingest corpus
	$(BIN)/gunicorn -c gunicorn.conf.py

## The test suite (PostgreSQL too when NEWSFACTS_TEST_POSTGRES_URL is set).
test: install
	$(BIN)/python -m pytest

openapi: install
	$(BIN)/flask --app api openapi write --format=yaml openapi.yaml

lint: install
	$(BIN)/ruff check .
	$(BIN)/gunicorn --check-config -c gunicorn.conf.py
	$(BIN)/hadolint --failure-threshold warning Dockerfile

## requirements.lock: every runtime dependency (and the build backend) pinned with its hashes, for
## Linux x86_64 CPython 3.11 (the Docker image). Rerun after changing pyproject.toml's dependencies.
lock: install
	$(BIN)/python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['build-system']['requires'], sep='\n')" \
	| $(BIN)/uv pip compile pyproject.toml - --quiet --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-manylinux_2_28 --custom-compile-command 'make lock' -o requirements.lock

bench: install
	$(BIN)/python bench/ingest_speed.py

## Read API vs Datasette on a synthetic 1M-fact database (built once, cached in bench/out/).
## BENCH_ARGS="--scale 0.1 --seconds 2" for a short run; "--postgres-url URL" adds PostgreSQL.
$(VENV)/.bench-installed: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench-api: $(VENV)/.bench-installed
	$(BIN)/python bench/api_speed.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache

## The suite on SQLite and on this machine's PostgreSQL 15 (needs root to start it).
test-postgres: install
	NEWSFACTS_TEST_POSTGRES_URL="$$(.ci/postgres-up)" $(BIN)/python -m pytest
