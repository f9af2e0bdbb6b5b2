"""The project's gunicorn config, served for real: clients that keep their connections open are
spread over every worker, not all held by the first one to wake."""
from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 16   # all on one of 2 workers by the kernel's hash alone: 2 in 2**16 per pool

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's /proc")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _sockets_on(port: int, state: str) -> set[str]:
    """Inodes of the TCP sockets whose local port is `port`, in `state` (01 established, 0A listen)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == state:
            inodes.add(fields[9])
    return inodes


def _connections_held(pid: int, port: int, state: str = "01") -> int:
    held = _sockets_on(port, state)
    count = 0
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in held:
            count += 1
    return count


@pytest.fixture
def served(tmp_path):
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/served.sqlite",
           "NEWSFACTS_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        # Up when each worker holds a listening socket on the port (its own, or the master's).
        while len(workers := _children(server.pid)) < 2 or \
                not all(_connections_held(w, port, "0A") for w in workers):
            assert server.poll() is None, "gunicorn exited"
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=30)


async def _ask(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """One keep-alive request, its answer read to the end of its body."""
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    await reader.readexactly(length)


async def _pool(server: int, port: int, clients: int, seconds: float = 0.5) -> list[int]:
    """A pool of clients as a load generator or a dashboard opens them, all at once: each asks again
    as soon as it is answered, for `seconds`. Returns the connections held, per worker, at the end."""
    until = time.monotonic() + seconds

    async def client():
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.monotonic() < until:
            await _ask(reader, writer)
        return writer

    writers = await asyncio.gather(*(client() for _ in range(clients)))
    try:
        return [_connections_held(worker, port) for worker in _children(server)]
    finally:
        for writer in writers:
            writer.close()


def test_kept_alive_connections_are_spread_over_every_worker(served):
    server, port = served
    for pool in range(8):   # one after the other, as restarted clients would come
        held = asyncio.run(_pool(server.pid, port, CLIENTS))
        assert sum(held) == CLIENTS, f"pool {pool}: only {held} of {CLIENTS} connections held"
        assert len(held) == 2 and min(held) > 0, f"pool {pool}: connections per worker: {held}"
