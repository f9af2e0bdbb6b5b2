FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN groupadd --gid 10001 newsfacts \
    && useradd --uid 10001 --gid newsfacts --create-home --shell /usr/sbin/nologin newsfacts

WORKDIR /app
COPY --chown=newsfacts:newsfacts pyproject.toml README.md ./
COPY --chown=newsfacts:newsfacts api ./api
RUN pip install --no-cache-dir -e . \
    && mkdir -p /app/instance && chown newsfacts:newsfacts /app/instance
COPY --chown=newsfacts:newsfacts migrations ./migrations
COPY --chown=newsfacts:newsfacts corpus ./corpus
COPY --chown=newsfacts:newsfacts gunicorn.conf.py docker-entrypoint.sh ./

USER 10001
ENV NEWSFACTS_BIND=0.0.0.0:8000
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
ENTRYPOINT ["./docker-entrypoint.sh"]
