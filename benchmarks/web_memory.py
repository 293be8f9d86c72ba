"""web_memory: the web process's memory (RSS) before and after 10,000 requests, and after 10,000 more.

One gunicorn worker (plus its worker processes), serving a mix of signed /prep status, /prep help
and reaction_added requests at concurrency 16. Growth between the two batches would be a leak.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import loadgen
from benchmarks.ack_latency import requests_for, seed
from benchmarks.support import (
    ROOT,
    FakeSlackProcess,
    free_port,
    postgres_database,
    print_table,
    start_web,
    stop,
    wait_until,
    write_results,
)

BATCH = 10_000


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def replies(fake: FakeSlackProcess) -> int:
    return int(((fake.stats() or {}).get("calls") or {}).get("response_url", 0))


def memory(master: int) -> dict[str, float]:
    """The gunicorn worker's RSS, and its worker processes' together (the master is excluded)."""
    [worker] = children(master)
    helpers = [pid for child in children(worker) for pid in [child, *children(child)]]
    return {
        "worker_mb": round(rss_mb(worker), 1),
        "job_processes_mb": round(sum(rss_mb(p) for p in helpers), 1),
    }


def main(quick: bool = False) -> dict[str, Any]:
    batch = 1_000 if quick else BATCH
    fake = FakeSlackProcess()
    try:
        with postgres_database("memory") as url:
            channel, ts = seed(url, fake)
            port = free_port()
            web = start_web("bot.web:wsgi_app()", database_url=url, fake=fake, port=port, workers=1)
            try:
                response_url = f"http://127.0.0.1:{fake.port}/response/memory"
                kinds = [requests_for(kind, response_url, channel, ts) for kind in ("command", "reaction")]

                def mixed(n: int) -> bytes:
                    return kinds[n % 2](n)

                sent = 0

                def drive(total: int) -> float:
                    nonlocal sent
                    load = loadgen.run(port, mixed, total=total, concurrency=16)
                    sent += total
                    # The job processes, niced, work through the queue after the burst: sample once every
                    # command's reply has reached Slack, and the reactions queued among them are done too.
                    wait_until(lambda: replies(fake) >= (sent + 1) // 2, what="the queued work", timeout=600)
                    time.sleep(3)
                    return load.per_second

                drive(200)
                samples = [("after 200 warm-up requests", memory(web.pid))]
                for label in ("after the first", "after the second"):
                    rps = drive(batch)
                    samples.append((f"{label} {batch:,} requests", {**memory(web.pid), "rps": round(rps)}))
            finally:
                stop(web)
    finally:
        fake.stop()
    print_table(
        "web_memory: one gunicorn worker and its job processes (RSS, MB)",
        ["when", "gunicorn worker", "job processes", "requests/s"],
        [[label, m["worker_mb"], m["job_processes_mb"], m.get("rps", "")] for label, m in samples],
    )
    first, second = samples[1][1], samples[2][1]
    figures = {
        "worker_mb_after_10k": first["worker_mb"],
        "job_processes_mb_after_10k": first["job_processes_mb"],
        "growth_mb_second_10k": round(
            second["worker_mb"] + second["job_processes_mb"] - first["worker_mb"] - first["job_processes_mb"],
            1,
        ),
        "requests_per_batch": batch,
        "samples": dict(samples),
    }
    path = write_results("web_memory", figures, quick=quick)
    print(
        f"\nafter {batch:,} requests: worker {first['worker_mb']} MB + job processes "
        f"{first['job_processes_mb']} MB; growth over the next {batch:,}: {figures['growth_mb_second_10k']} MB "
        f"-> {path.relative_to(ROOT)}"
    )
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
