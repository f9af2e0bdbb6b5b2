"""Read-API speed: newsfacts and Datasette side by side, on the same 1M-fact SQLite file, in one run.

    python bench/api_speed.py [--scale 1] [--seconds 4] [--postgres-url URL]   (make bench-api)

1. Builds (once, then cached: bench/synthetic_db.py) the synthetic corpus in the project's schema:
   at scale 1, 1,000,000 figures, 300,000 statements, 100,000 events, 2,000 actors, 100,000
   documents; and the same at 1% scale as the small database.
2. Serves newsfacts with its own gunicorn.conf.py (2 workers) on the big and on the small file, and
   Datasette (the pinned version of the `bench` extra, 2 uvicorn workers under gunicorn through
   datasette-gunicorn, the plugin its docs name for this) on the big file, with a canned query
   equivalent to each newsfacts URL (bench/datasette_queries.py).
3. Drives each with bench/load.py on 127.0.0.1 for --seconds per measurement, and prints req/s,
   p50/p99 latency and the server processes' CPU time per request (psutil), and the ratios.
   With --postgres-url, newsfacts also serves the same corpus from that (empty or already filled)
   PostgreSQL database.

The machine is shared: compare the ratios of one run, not absolute numbers across runs. The run
reports how much CPU other processes took meanwhile.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import datasette_queries  # noqa: E402
import load  # noqa: E402
import synthetic_db  # noqa: E402

BIN = Path(sys.executable).parent
TYPICAL_RANK = 20   # "one actor": the 20th busiest of 2,000 (about 10,000 figures at scale 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process group on 127.0.0.1; CPU time summed over the master and its workers."""

    def __init__(self, name: str, argv: list[str], env: dict, port: int):
        self.name, self.port = name, port
        self.proc = subprocess.Popen(argv, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self._wait_ready()
        self.ps = psutil.Process(self.proc.pid)

    def _wait_ready(self, timeout: float = 60) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit(f"{self.name} did not start")

    def processes(self) -> list[psutil.Process]:
        return [self.ps, *self.ps.children(recursive=True)]

    def cpu_seconds(self) -> float:
        total = 0.0
        for p in self.processes():
            try:
                t = p.cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total

    def connections_per_worker(self) -> list[int]:
        """Established client connections each worker holds (a worker with none leaves its core idle)."""
        counts = []
        for p in self.ps.children(recursive=True):
            try:
                counts.append(sum(1 for c in p.net_connections("tcp")
                                  if c.status == psutil.CONN_ESTABLISHED and c.laddr.port == self.port))
            except psutil.NoSuchProcess:
                pass
        return sorted(counts, reverse=True)

    def get(self, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)


def newsfacts(name: str, database_url: str) -> Server:
    port = free_port()
    return Server(name, [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
                  {"DATABASE_URL": database_url, "NEWSFACTS_BIND": f"127.0.0.1:{port}",
                   "WEB_CONCURRENCY": "2"},
                  port)


def datasette(db_path: Path, metadata: Path) -> Server:
    port = free_port()
    return Server("datasette", [str(BIN / "datasette"), "gunicorn", str(db_path), "-w", "2", "-p", str(port),
                                "-m", str(metadata)], {}, port)


@dataclass
class Row:
    scenario: str
    server: str
    clients: int
    rate: float
    p50: float
    p99: float
    cpu_ms: float
    errors: int
    spread: str = ""   # connections held by each worker, mid-run

    def line(self) -> str:
        errors = f"  ({self.errors} errors)" if self.errors else ""
        return (f"{self.scenario:34} {self.server:22} {self.clients:>3} {self.rate:8.0f} "
                f"{self.p50 * 1e3:8.1f} {self.p99 * 1e3:8.1f} {self.cpu_ms:8.2f} {self.spread:>7}{errors}")


HEADER = (f"{'scenario':34} {'server':22} {'cl':>3} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>8} "
          f"{'workers':>7}")


class Bench:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.rows: list[Row] = []
        self.machine_start = psutil.cpu_times()
        self.ours = 0.0   # CPU seconds our servers and this process used while measuring

    def measure(self, scenario: str, server: Server, paths: list[str], clients: int,
                headers: dict | None = None) -> Row:
        payloads = [load.request_bytes(server.port, p, headers) for p in paths]
        for path in paths[:3]:   # every URL answers 200 (or 304) before it is timed
            status, _, body = server.get(path, headers)
            if status not in (200, 304):
                raise SystemExit(f"{server.name} {path}: {status} {body[:300]!r}")
        load.run(server.port, payloads, clients, min(1.0, self.seconds / 4))   # warm up
        me = psutil.Process()
        spread = []
        sample = threading.Timer(self.seconds / 2, lambda: spread.extend(server.connections_per_worker()))
        cpu0, mine0 = server.cpu_seconds(), sum(me.cpu_times()[:2])
        sample.start()
        result = load.run(server.port, payloads, clients, self.seconds)
        cpu = server.cpu_seconds() - cpu0
        sample.join()
        self.ours += cpu + sum(me.cpu_times()[:2]) - mine0
        done = max(1, len(result.latencies))
        bad = sum(n for status, n in result.statuses.items() if status not in (200, 304))
        row = Row(scenario, server.name, clients, result.rate, result.percentile(50), result.percentile(99),
                  cpu / done * 1e3, result.errors + bad, "/".join(map(str, spread)))
        self.rows.append(row)
        print(row.line(), flush=True)
        return row

    def others_cores(self, elapsed: float) -> float:
        """Cores' worth of CPU that other processes on the machine used during the run."""
        now = psutil.cpu_times()
        fields = ("user", "system", "nice", "irq", "softirq", "steal")
        busy = sum(getattr(now, f) - getattr(self.machine_start, f) for f in fields if hasattr(now, f))
        return max(0.0, busy - self.ours) / elapsed


def walk_cursor(server: Server, path: str, pages: int) -> tuple[str, int]:
    """(the path of page `pages` of a walk, or of its last page when shorter; that page's number)."""
    url, page = path, 1
    while page < pages:
        _, _, body = server.get(url)
        following = json.loads(body)["links"]["next"]
        if not following:
            break
        url, page = following.split(f":{server.port}", 1)[1], page + 1
    return url, page


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0, help="1 = a million figures (default)")
    ap.add_argument("--small-scale", type=float, default=0.01)
    ap.add_argument("--seconds", type=float, default=4.0, help="per measurement")
    ap.add_argument("--clients", default="1,16,64")
    ap.add_argument("--postgres-url", help="also serve the corpus from this PostgreSQL database")
    ap.add_argument("--json", type=Path, help="write the rows here too")
    args = ap.parse_args()
    import logging
    logging.disable(logging.INFO)
    concurrency = [int(c) for c in args.clients.split(",")]

    big = synthetic_db.sqlite_database(args.scale)
    small = synthetic_db.sqlite_database(args.small_scale)
    if args.postgres_url:
        synthetic_db.postgres_database(args.postgres_url, args.scale)
    ids = synthetic_db.Actors(random.Random(synthetic_db.SEED)).ids
    actor, heaviest = ids[TYPICAL_RANK - 1], ids[0]
    urls = datasette_queries.Urls(actor=actor, heaviest=heaviest, database=big.stem)

    # SIGTERM (a timeout, a kill) ends the run through `finally`, which stops the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    load_before = os.getloadavg()
    bench = Bench(args.seconds)
    servers: list[Server] = []
    with tempfile.TemporaryDirectory() as tmp:
        metadata = Path(tmp) / "metadata.json"
        metadata.write_text(json.dumps(datasette_queries.metadata(big.stem)))
        try:
            ours = newsfacts("newsfacts", f"sqlite:///{big}")
            theirs = datasette(big, metadata)
            servers += [ours, theirs]
            print(f"{big.name}; actor {actor} (rank {TYPICAL_RANK}), heaviest {heaviest}\n{HEADER}")
            pairs = {}
            for clients in concurrency:
                pairs[clients] = (bench.measure("actor figures, 50", ours, [urls.figures], clients),
                                  bench.measure("actor figures, 50", theirs, [urls.ds_figures], clients))
            mid = 16 if 16 in concurrency else concurrency[0]
            for name, ours_path, theirs_path in urls.pairs():
                bench.measure(name, ours, [ours_path], mid)
                bench.measure(name, theirs, [theirs_path], mid)
            for name, path in urls.ours_only():   # search: alone (its latency), then under load
                bench.measure(name, ours, [path], 1)
                bench.measure(name, ours, [path], mid)
            bench.measure("actor figures, cold meta.total", ours, urls.cold_totals(), mid)
            deep, depth = walk_cursor(ours, urls.walk, 200)
            bench.measure(f"heaviest figures, page {depth}", ours, [deep], mid)
            etag = ours.get(urls.figures)[1]["ETag"]
            bench.measure("actor figures, 304", ours, [urls.figures], mid, {"If-None-Match": etag})
            small_server = newsfacts("newsfacts small db", f"sqlite:///{small}")
            servers.append(small_server)
            bench.measure("actor figures, 50", small_server, [urls.figures], mid)
            if args.postgres_url:
                pg = newsfacts("newsfacts postgresql", args.postgres_url)
                servers.append(pg)
                for name, path in (("actor figures, 50", urls.figures), *urls.postgres()):
                    bench.measure(name, pg, [path], mid)
        finally:
            for server in servers:
                server.stop()
    elapsed = time.perf_counter() - started
    report(bench, pairs, mid, elapsed, load_before, bool(args.postgres_url))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in bench.rows], indent=1))
    return 0


def find(bench: Bench, scenario: str, server: str, clients: int) -> Row:
    return next(r for r in bench.rows
                if r.scenario == scenario and r.server == server and r.clients == clients)


def report(bench: Bench, pairs: dict, mid: int, elapsed: float, load_before, postgres: bool) -> None:
    print("\nratios (newsfacts / Datasette, same SQLite file, same run):")
    for clients, (ours, theirs) in pairs.items():
        print(f"  actor figures, {clients:>2} clients: {ours.rate / theirs.rate:5.2f}x the req/s, "
              f"{ours.cpu_ms / theirs.cpu_ms:5.2f}x the CPU per request")
    page = find(bench, "actor figures, 50", "newsfacts", mid)
    small = find(bench, "actor figures, 50", "newsfacts small db", mid)
    not_modified = find(bench, "actor figures, 304", "newsfacts", mid)
    print(f"  big / small database, same page: {page.cpu_ms / small.cpu_ms:5.2f}x the CPU")
    print(f"  200 / 304: {page.cpu_ms / not_modified.cpu_ms:5.1f}x the CPU")
    checks = [
        ("actor figures >= 1.5x Datasette req/s at 16 clients", pairs.get(16) and
         pairs[16][0].rate >= 1.5 * pairs[16][1].rate),
        ("actor figures <= 3 ms CPU", page.cpu_ms <= 3),
        ("big database within 1.2x of small", page.cpu_ms <= 1.2 * small.cpu_ms),
        (f"p99 <= 30 ms at {mid} clients", page.p99 <= 0.030),
        ("events page <= 3 ms CPU", find(bench, "events, one month", "newsfacts", mid).cpu_ms <= 3),
        ("statements page <= 3 ms CPU", find(bench, "statements by speaker", "newsfacts", mid).cpu_ms <= 3),
        ("CSV 500 rows <= 20 ms", find(bench, "actor figures CSV, 500", "newsfacts", mid).cpu_ms <= 20),
        ("304 >= 5x cheaper than 200", page.cpu_ms >= 5 * not_modified.cpu_ms),
        ("search p99 <= 50 ms, any word, 1 client",
         all(r.p99 <= 0.050 for r in bench.rows if r.scenario.startswith("search") and r.clients == 1)),
        (f"search p99 <= 50 ms, any word, {mid} clients",
         all(r.p99 <= 0.050 for r in bench.rows if r.scenario.startswith("search") and r.clients == mid)),
    ]
    if postgres:
        pg = find(bench, "actor figures, 50", "newsfacts postgresql", mid)
        print(f"  PostgreSQL / SQLite, same page: {pg.cpu_ms / page.cpu_ms:5.2f}x the CPU "
              f"(server processes only), {page.rate / pg.rate:5.2f}x fewer req/s")
        checks.append(("PostgreSQL page <= 1.5x the SQLite cost", pg.cpu_ms <= 1.5 * page.cpu_ms))
    print("\ntargets (issue 12):")
    for name, ok in checks:
        print(f"  {'met    ' if ok else 'NOT met'}  {name}")
    print(f"\nrun: {elapsed:.0f} s; load average {load_before[0]:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after; "
          f"other processes used {bench.others_cores(elapsed):.2f} of {psutil.cpu_count()} cores meanwhile")


if __name__ == "__main__":
    sys.exit(main())
