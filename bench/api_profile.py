"""Where a read request's CPU goes: one URL served in-process, without a server or a client.

    python bench/api_profile.py DATABASE_URL PATH [--n 1000] [--repeat 5] [--header 'Accept: text/csv']
                                [--revalidate] [--profile]

Calls the WSGI app directly (no test client) N times and prints the CPU per request; with
--profile, the cProfile functions that take the most of it. What this leaves out (gunicorn, the
socket, the access log) is what `make bench-api` adds on top.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import logging
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def environ_for(path: str, headers: list[str]) -> dict:
    from werkzeug.test import EnvironBuilder
    hdrs = dict(h.split(":", 1) for h in headers)
    return EnvironBuilder(path=path, base_url="http://127.0.0.1:8000",
                          headers={k.strip(): v.strip() for k, v in hdrs.items()}).get_environ()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("database_url")
    ap.add_argument("path")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--revalidate", action="store_true", help="send the 200's ETag back: the 304 path")
    ap.add_argument("--repeat", type=int, default=5, help="best of this many rounds of N (a shared machine)")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    logging.disable(logging.INFO)
    from api import create_app
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.database_url})
    base = environ_for(args.path, args.header)
    status_seen = []

    def start_response(status, headers, exc_info=None):
        status_seen.append(status)

    def once():
        environ = dict(base)
        environ["wsgi.input"] = io.BytesIO(b"")
        body = app.wsgi_app(environ, start_response)
        size = sum(len(chunk) for chunk in body)
        if hasattr(body, "close"):
            body.close()
        return size

    if args.revalidate:
        etag = app.test_client().get(args.path, base_url="http://127.0.0.1:8000").headers["ETag"]
        base = environ_for(args.path, [*args.header, f"If-None-Match: {etag}"])
    for _ in range(50):   # warm: compiled SQL, the pool, lazy imports
        size = once()
    print(f"{status_seen[-1]}, {size} bytes")
    profiler = cProfile.Profile() if args.profile else None
    rounds = []
    for _ in range(1 if profiler else args.repeat):
        started = time.process_time()
        if profiler:
            profiler.enable()
        for _ in range(args.n):
            once()
        if profiler:
            profiler.disable()
        rounds.append((time.process_time() - started) / args.n * 1e3)
    print(f"{min(rounds):.3f} ms CPU per request (best of {len(rounds)} x {args.n} requests"
          f"{', profiled: slower' if profiler else ''})")
    if profiler:
        profiler.dump_stats("/tmp/api_profile.prof")
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
