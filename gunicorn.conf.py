"""gunicorn settings: `gunicorn -c gunicorn.conf.py` serves the app factory."""
import os
from types import SimpleNamespace

from gunicorn import glogging

# What gunicorn's own access log atoms read from a request (the format's %(h)s, %(r)s, %(a)s...).
LOGGED = ("REMOTE_ADDR", "REQUEST_METHOD", "RAW_URI", "SERVER_PROTOCOL", "PATH_INFO", "QUERY_STRING",
          "HTTP_REFERER", "HTTP_USER_AGENT", "HTTP_AUTHORIZATION")


class Logger(glogging.Logger):
    """gunicorn's logger, the same lines, but an access log format that names no header or WSGI
    variable ({...}i, {...}o, {...}e atoms) no longer builds one atom for each of them on every
    request: that was a fifth of the CPU of a cheap answer (a 304)."""

    def atoms(self, resp, req, environ, request_time):
        if "{" in self.cfg.access_log_format:
            return super().atoms(resp, req, environ, request_time)
        sent = SimpleNamespace(status=resp.status, sent=getattr(resp, "sent", None), headers=())
        return super().atoms(sent, (), {k: environ[k] for k in LOGGED if k in environ}, request_time)


wsgi_app = "api:create_app()"
bind = os.environ.get("NEWSFACTS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threaded workers keep connections open between requests (the sync worker closes each one): a
# polling client or a script walking pages saves a TCP connection per request, about a millisecond
# of the server's CPU (make bench-api). Two threads let a worker read while another waits on I/O.
worker_class = "gthread"
threads = 2
keepalive = 5
# Each worker listens on its own socket (SO_REUSEPORT) and the kernel spreads new connections over
# them. On one shared socket the first worker to wake accepts every connection a client pool opens
# at once, and with keep-alive it keeps them: 16 clients measured 16 to 0, one core idle.
reuse_port = True
accesslog = "-"
logger_class = Logger
errorlog = "-"
# Workers import the app once, before forking; spaCy is never imported by the web side.
preload_app = True


def post_fork(server, worker):
    """Everything the app allocated before the fork (modules, the spec, SQLAlchemy's caches) is
    moved out of the garbage collector's view: the worker's full collections no longer walk it (CPU
    per request), nor write to the pages it shares with the master (memory)."""
    import gc
    gc.freeze()
