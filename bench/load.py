"""A bounded HTTP/1.1 load generator for 127.0.0.1: N clients, each one connection, for T seconds.

One asyncio loop, raw sockets, no HTTP library on the hot path, so the client costs little of the
machine it shares with the servers. Keep-alive is used when the server keeps the connection
(uvicorn); a server that closes after each answer (gunicorn's sync workers) costs a new connection
per request, timed as part of that request, as any client would see it.
"""
from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)   # seconds, one per completed request
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def request_bytes(port: int, path: str, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{port}",
             *(f"{k}: {v}" for k, v in (headers or {}).items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool, bytes]:
    """(status, connection closes, body) of one response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    fields = {}
    for line in lines[1:]:
        if ":" in line:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
    closes = fields.get("connection", "").lower() == "close"
    if "content-length" in fields:
        body = await reader.readexactly(int(fields["content-length"]))
    elif fields.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(parts)
    elif status in (204, 304):
        body = b""
    else:
        body, closes = await reader.read(), True
    return status, closes, body


async def _client(port: int, requests, result: Result, deadline: float) -> None:
    reader = writer = None
    while time.perf_counter() < deadline:
        payload = next(requests)
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(payload)
            status, closes, _ = await _read_response(reader)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            result.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
            continue
        result.latencies.append(time.perf_counter() - start)
        result.statuses[status] = result.statuses.get(status, 0) + 1
        if closes:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


GRACE = 10.0   # seconds a request still in flight at the end may take before it is given up


async def _run(port: int, payloads: list[bytes], clients: int, seconds: float) -> Result:
    result = Result()
    requests = itertools.cycle(payloads)
    start = time.perf_counter()
    tasks = [asyncio.create_task(_client(port, requests, result, start + seconds)) for _ in range(clients)]
    _, late = await asyncio.wait(tasks, timeout=seconds + GRACE)
    for task in late:   # counted as errors: a server this slow has failed the measurement anyway
        task.cancel()
        result.errors += 1
    await asyncio.gather(*late, return_exceptions=True)
    result.seconds = time.perf_counter() - start
    return result


def run(port: int, payloads: list[bytes], clients: int, seconds: float) -> Result:
    """Drive the server on 127.0.0.1:port for `seconds` (bounded) with `clients` connections, cycling
    through the requests."""
    return asyncio.run(_run(port, payloads, clients, seconds))
