"""gunicorn settings: `gunicorn -c gunicorn.conf.py` serves the app factory."""
import os

wsgi_app = "api:create_app()"
bind = os.environ.get("NEWSFACTS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threaded workers keep connections open between requests (the sync worker closes each one): a
# polling client or a script walking pages saves a TCP connection per request, about a millisecond
# of the server's CPU (make bench-api). Two threads let a worker read while another waits on I/O.
worker_class = "gthread"
threads = 2
keepalive = 5
accesslog = "-"
errorlog = "-"
# Workers import the app once, before forking; spaCy is never imported by the web side.
preload_app = True


def post_fork(server, worker):
    """Everything the app allocated before the fork (modules, the spec, SQLAlchemy's caches) is
    moved out of the garbage collector's view: the worker's full collections no longer walk it (CPU
    per request), nor write to the pages it shares with the master (memory)."""
    import gc
    gc.freeze()
