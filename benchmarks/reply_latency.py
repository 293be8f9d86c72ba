"""reply_latency: from a `/prep status` request to its reply reaching the response_url, offered 20,
50, 100 and 200 commands a second, with one web process (gunicorn, 1 worker × 8 threads) and one
worker process on PostgreSQL.

Open loop, as Slack sends: command n is due at start + n / rate, each with a response_url of its
own; the fake Slack notes when each reply arrives (benchmarks/fake_slack_server.py). Latency is
reply time minus due time, so waiting in the queue counts. jobs_per_second is the replies over the
time from the first request to the last reply: the worker's sustained rate once it is saturated.
Target: p99 ≤ 250 ms at 100/s.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import urllib.request
from typing import Any
from urllib.parse import urlencode

from benchmarks import loadgen
from benchmarks.ack_latency import CANDIDATE, seed
from benchmarks.support import (
    ROOT,
    SIGNING_SECRET,
    FakeSlackProcess,
    drain,
    free_port,
    load_average,
    percentile,
    postgres_database,
    print_table,
    start_web,
    start_worker,
    stop,
    wait_until,
    write_results,
)
from tests.support.payloads import slash_command

RATES = (20, 50, 100, 200)
SECONDS = 15  # of offered load per rate
CONNECTIONS = 16


def replies(fake: FakeSlackProcess) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{fake.port}/_replies", timeout=10) as response:
        return dict(json.loads(response.read()))


async def offer(port: int, fake: FakeSlackProcess, tag: str, rate: float, total: int) -> dict[str, float]:
    """Send the commands on time; returns each reply path's due time."""
    due: dict[str, float] = {}
    started = time.time()

    async def connection(index: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for n in range(index, total, CONNECTIONS):
                at = started + n / rate
                if at > time.time():
                    await asyncio.sleep(at - time.time())
                path = f"/response/{tag}-{n}"
                due[path] = at
                body = urlencode(
                    slash_command(
                        "status", user=CANDIDATE, response_url=f"http://127.0.0.1:{fake.port}{path}"
                    )
                )
                writer.write(loadgen.request_bytes(body, "application/x-www-form-urlencoded", SIGNING_SECRET))
                await writer.drain()
                await loadgen.read_response(reader)
        finally:
            writer.close()

    await asyncio.gather(*(connection(i) for i in range(CONNECTIONS)))
    return due


def measure(url: str, port: int, fake: FakeSlackProcess, rate: int, seconds: int) -> dict[str, Any]:
    total = rate * seconds
    tag = f"r{rate}"
    due = asyncio.run(offer(port, fake, tag, rate, total))
    wait_until(
        lambda: sum(1 for p in replies(fake) if p.startswith(f"/response/{tag}-")) >= total,
        what="every reply",
        timeout=900,
    )
    drain(url)
    got = {p: t for p, t in replies(fake).items() if p in due}
    ms = [(got[p] - due[p]) * 1000 for p in due if p in got]
    first, last = min(due.values()), max(got.values())
    return {
        "offered_per_second": rate,
        "commands": total,
        "replies": len(got),
        "p50_ms": round(percentile(ms, 0.5), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
        "jobs_per_second": round(len(got) / (last - first), 1),
    }


def main(quick: bool = False) -> dict[str, Any]:
    seconds = 5 if quick else SECONDS
    fake = FakeSlackProcess()
    cells = []
    load_before = load_average()
    try:
        with postgres_database("reply") as url:
            seed(url, fake)
            port = free_port()
            web = start_web("bot.web:wsgi_app()", database_url=url, fake=fake, port=port, workers=1)
            worker = start_worker(database_url=url, fake=fake)
            try:
                measure(url, port, fake, 20, 2)  # warm up
                for rate in RATES:
                    cells.append(measure(url, port, fake, rate, seconds))
                    print(cells[-1], flush=True)
            finally:
                stop(web)
                stop(worker)
    finally:
        fake.stop()
    print_table(
        "reply_latency: /prep status from request to reply at its response_url (1 web, 1 worker process)",
        ["offered/s", "commands", "p50 ms", "p99 ms", "max ms", "jobs/s"],
        [
            [
                c["offered_per_second"],
                c["commands"],
                c["p50_ms"],
                c["p99_ms"],
                c["max_ms"],
                c["jobs_per_second"],
            ]
            for c in cells
        ],
    )
    at_100 = next(c for c in cells if c["offered_per_second"] == 100)
    figures = {
        "p99_ms_at_100": at_100["p99_ms"],
        "sustained_jobs_per_second_per_worker": max(c["jobs_per_second"] for c in cells),
        "seconds_per_rate": seconds,
        "load_average_1m_before": round(load_before, 2),
        "cells": cells,
    }
    path = write_results("reply_latency", figures, quick=quick)
    print(f"\np99 at 100/s: {at_100['p99_ms']} ms (target ≤ 250) -> {path.relative_to(ROOT)}")
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
