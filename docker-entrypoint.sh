#!/bin/sh
# The README's `make serve`, minus the install: migrate, load corpus/, then hand over to gunicorn.
set -e
flask --app api db upgrade
flask --app api ingest corpus
exec gunicorn -c gunicorn.conf.py
