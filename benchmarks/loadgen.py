"""A small load generator: keep-alive HTTP/1.1 connections on asyncio, each request signed as Slack
signs it, latency measured from the first byte written to the last byte read."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.support.signing import signed_headers


@dataclass
class Load:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


def request_bytes(body: str, content_type: str, secret: str, path: str = "/slack/events") -> bytes:
    headers = signed_headers(body, secret, content_type=content_type)
    lines = [
        f"POST {path} HTTP/1.1",
        "Host: 127.0.0.1",
        f"Content-Length: {len(body.encode())}",
        "Connection: keep-alive",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body.encode()


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


async def _run(port: int, make_request: Callable[[int], bytes], total: int, concurrency: int) -> Load:
    load = Load()
    counter = iter(range(total))

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for n in counter:
                data = make_request(n)
                started = time.perf_counter()
                writer.write(data)
                await writer.drain()
                status = await read_response(reader)
                load.latencies.append(time.perf_counter() - started)
                load.statuses[status] = load.statuses.get(status, 0) + 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    load.seconds = time.perf_counter() - started
    return load


def run(port: int, make_request: Callable[[int], bytes], *, total: int, concurrency: int) -> Load:
    return asyncio.run(_run(port, make_request, total, concurrency))


async def _run_at_rate(
    port: int, make_request: Callable[[int], bytes], total: int, connections: int, rate: float
) -> Load:
    """Open loop: request n is due at start + n / rate, on connection n % connections. Latency is
    measured from when it was due, so a request queued behind a slow one counts its wait too."""
    load = Load()
    started = time.perf_counter()

    async def connection(index: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for n in range(index, total, connections):
                due = started + n / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                writer.write(make_request(n))
                await writer.drain()
                status = await read_response(reader)
                load.latencies.append(time.perf_counter() - due)
                load.statuses[status] = load.statuses.get(status, 0) + 1
        finally:
            writer.close()

    await asyncio.gather(*(connection(i) for i in range(connections)))
    load.seconds = time.perf_counter() - started
    return load


def run_at_rate(
    port: int, make_request: Callable[[int], bytes], *, total: int, connections: int, rate: float
) -> Load:
    return asyncio.run(_run_at_rate(port, make_request, total, connections, rate))
