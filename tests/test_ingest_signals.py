"""Killing ingest leaves nothing behind: its extraction workers die with it, however it dies, and
the next run completes the corpus. Real processes: `flask ingest` with two workers, on SQLite."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:   # fields: state, ppid, ...
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"   # a zombie holds no memory nor connection; it only waits to be reaped


def flask(env: dict, *args: str, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "api", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)


@pytest.fixture
def env(tmp_path) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'signals.sqlite'}",
           "NEWSFACTS_INGEST_WORKERS": "2"}
    upgrade = flask(env, "db", "upgrade")
    assert upgrade.wait(timeout=120) == 0, upgrade.stdout.read()
    return env


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.1)
    return None


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_workers_die_with_ingest_and_the_next_run_completes(env, sig):
    ingest = flask(env, "ingest", str(CORPUS))
    workers: set[int] = set()
    try:
        workers = wait_for(lambda: children(ingest.pid), 180)
        assert workers, "ingest started no extraction workers"
        time.sleep(0.5)   # let them start their first batch
        workers = children(ingest.pid) | workers
        ingest.send_signal(sig)
        ingest.wait(timeout=60)
        assert wait_for(lambda: not any(alive(w) for w in workers), 15), \
            f"workers {sorted(w for w in workers if alive(w))} outlived ingest after {sig.name}"
    finally:
        for pid in [ingest.pid, *workers]:   # a failed run leaves nothing behind either
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    if sig == signal.SIGKILL:
        again = flask(env, "ingest", str(CORPUS))
        output = again.communicate(timeout=300)[0]
        assert again.returncode == 0, output
        loaded, unchanged = (int(output.split(word)[1].split(",")[0]) for word in ("loaded ", "unchanged "))
        assert loaded + unchanged == 5 and "failed 0" in output
