FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --gid 10001 newsfacts \
    && useradd --uid 10001 --gid newsfacts --create-home --shell /usr/sbin/nologin newsfacts

# The code belongs to root and is read-only for the app user: only instance/ (the SQLite file) is
# writable, so a compromised worker cannot rewrite what it runs.
WORKDIR /app
COPY pyproject.toml README.md ./
COPY api ./api
RUN pip install --no-cache-dir -e . \
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
