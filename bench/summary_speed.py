"""Time of the summaries (/v1/summary/...) on a large database, beside the list they summarize.

    python bench/summary_speed.py [--scale 1.0] [--db PATH]

Reads the synthetic SQLite database of bench/synthetic_db.py (built once, cached under bench/out/;
at scale 1: 300,000 statements, 1,000,000 figures, 100,000 events), or --db, then times, in one run,
each summary (every `by`, first page of 50 groups plus the group count) and, beside it, the first
page of the list it summarizes (whose meta.total is a count over the same rows): the first request,
and the median of three more (the count is kept per data revision). Through the WSGI app.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEYS = {"statements": ("speaker", "actor", "kind", "month", "document"),
        "figures": ("subject", "source", "actor", "metric", "unit", "month", "document"),
        "events": ("actor", "kind", "month", "document")}


def timed(client, url: str) -> tuple[float, float]:
    """The first request (which also counts the groups: meta.total is then kept for the data
    revision, api/web/totals.py) and the median of three more."""
    runs = []
    for _ in range(4):
        started = time.perf_counter()
        response = client.get(url)
        runs.append(time.perf_counter() - started)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return runs[0], statistics.median(runs[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic_db import sqlite_database
    path = args.db or sqlite_database(args.scale)
    from api import create_app
    client = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}).test_client()
    print(client.get("/v1/stats").get_json()["counts"])
    print("| summary | first request, s | again, s | its list: first, again |")
    print("|---|---|---|---|")
    for resource, keys in KEYS.items():
        listed = timed(client, f"/v1/{resource}")
        for by in keys:
            first, again = timed(client, f"/v1/summary/{resource}?by={by}")
            print(f"| {resource} by {by} | {first:.2f} | {again:.2f} | {listed[0]:.2f}, {listed[1]:.2f} |",
                  flush=True)


if __name__ == "__main__":
    main()
