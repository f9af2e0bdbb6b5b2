# python:3.11-slim, pinned by the digest of its multi-platform index so that every build starts from
# the same image (the tag moves with each Python or Debian patch). Refresh it on purpose:
# `docker buildx imagetools inspect python:3.11-slim` prints the current index digest; put it
# here, rebuild, run the tests. requirements.lock is compiled for Linux x86_64 CPython 3.11.
FROM python:3.11-slim@sha256:9c900dea9e8fb7e16277c179b555cc72d29a352dbc33cff48ad5a0412fd5bfc7

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --gid 10001 newsfacts \
    && useradd --uid 10001 --gid newsfacts --create-home --shell /usr/sbin/nologin newsfacts

# The code belongs to root and is read-only for the app user: only instance/ (the SQLite file) is
# writable, so a compromised worker cannot rewrite what it runs.
WORKDIR /app
# Every dependency from the lock (`make lock`), each file checked against its hash: a changed or
# substituted download, or a dependency missing from the lock, fails the build. pip check: the set
# is complete and consistent.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock && pip check
# The project itself, not editable, resolving nothing (its build backend is in the lock too).
COPY pyproject.toml README.md ./
COPY api ./api
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && rm -rf build newsfacts.egg-info \
    && mkdir -p /app/instance && chown newsfacts:newsfacts /app/instance
COPY migrations ./migrations
COPY corpus ./corpus
COPY gunicorn.conf.py docker-entrypoint.sh ./

USER 10001
ENV NEWSFACTS_BIND=0.0.0.0:8000
EXPOSE 8000
# Ready, not just up: the database answers and is migrated (a 503 fails the check).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]
ENTRYPOINT ["./docker-entrypoint.sh"]
