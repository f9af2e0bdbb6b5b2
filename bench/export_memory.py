"""Memory of the NDJSON export (/v1/export.ndjson) by database size: it must not grow.

    python bench/export_memory.py [--scale 0.01 1] [--trace]

For each scale: the synthetic SQLite database of bench/synthetic_db.py (built once, cached under
bench/out/; scale 1 holds 1,400,000 facts), then, in a fresh process, the
whole export streamed through the WSGI app and counted, with the process's peak RSS and, with
--trace, tracemalloc's peak of Python allocations during the stream (which makes it about three
times slower). Constant memory: the peaks are the same for every size, while lines and time grow.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(path: Path, trace: bool) -> dict:
    sys.path.insert(0, str(ROOT))
    from api import create_app
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    client = app.test_client()
    client.get("/v1/stats")                      # imports and the first connection, outside the peak
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    response = client.get("/v1/export.ndjson")
    lines = nbytes = 0
    for chunk in response.response:              # consumed as it streams, as a client would
        lines += 1
        nbytes += len(chunk)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else None
    tracemalloc.stop()
    return {"lines": lines, "mb": nbytes / 1e6, "seconds": seconds,
            "traced_peak_mb": f"{peak / 1e6:.1f}" if trace else "-",
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, nargs="+", default=[0.01, 1.0])
    parser.add_argument("--trace", action="store_true", help="also tracemalloc's peak (slower)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.trace)))
        return
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic_db import counts, sqlite_database
    print("| facts | lines | MB streamed | seconds | tracemalloc peak MB | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for scale in args.scale:
        path = sqlite_database(scale)
        facts = sum(n for name, n in counts(scale).items() if name != "documents")
        out = subprocess.run([sys.executable, __file__, "--measure", str(path),
                              *(["--trace"] if args.trace else [])], check=True,
                             capture_output=True, text=True).stdout
        m = json.loads(out.strip().splitlines()[-1])
        print(f"| {facts:,} | {m['lines']:,} | {m['mb']:.0f} | {m['seconds']:.0f} | "
              f"{m['traced_peak_mb']} | {m['maxrss_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
