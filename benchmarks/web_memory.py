"""web_memory: the memory (RSS) of the whole process tree that serves Slack: gunicorn's master and
its workers at the default count (2), and one `python -m bot worker` process; after a warm-up,
after 5,000 mixed requests and after 5,000 more, and the peak while each burst is served (5,000, not
the 10,000 of before: each batch now waits for its jobs to be done, which takes minutes here).

Signed /prep status and reaction_added requests at concurrency 16, each batch waited on until its
jobs are done. Growth between the two batches would be a leak.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks import loadgen
from benchmarks.ack_latency import requests_for, seed
from benchmarks.support import (
    ROOT,
    FakeSlackProcess,
    drain,
    free_port,
    postgres_database,
    print_table,
    start_web,
    start_worker,
    stop,
    write_results,
)

BATCH = 5_000


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


def tree(pid: int) -> list[int]:
    found = [pid]
    for child in children(pid):
        found += tree(child)
    return found


def memory(web: int, worker: int) -> dict[str, float]:
    """RSS of the web tree (master and workers) and of the worker process tree, in MB."""
    web_mb = sum(rss_mb(p) for p in tree(web) if Path(f"/proc/{p}").exists())
    worker_mb = sum(rss_mb(p) for p in tree(worker) if Path(f"/proc/{p}").exists())
    return {
        "web_mb": round(web_mb, 1),
        "worker_mb": round(worker_mb, 1),
        "total_mb": round(web_mb + worker_mb, 1),
    }


class Peak:
    """Samples the tree's total RSS every 0.1 s while a burst is served."""

    def __init__(self, web: int, worker: int) -> None:
        self.web, self.worker, self.peak = web, worker, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            with contextlib.suppress(OSError, ValueError):
                self.peak = max(self.peak, memory(self.web, self.worker)["total_mb"])

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def main(quick: bool = False) -> dict[str, Any]:
    batch = 1_000 if quick else BATCH
    fake = FakeSlackProcess()
    try:
        with postgres_database("memory") as url:
            channel, ts = seed(url, fake)
            port = free_port()
            web = start_web("bot.web:wsgi_app()", database_url=url, fake=fake, port=port)
            worker = start_worker(database_url=url, fake=fake)
            try:
                response_url = f"http://127.0.0.1:{fake.port}/response/memory"
                kinds = [requests_for(kind, response_url, channel, ts) for kind in ("command", "reaction")]

                def mixed(n: int) -> bytes:
                    return kinds[n % 2](n)

                def drive(total: int) -> tuple[float, float]:
                    with Peak(web.pid, worker.pid) as peak:
                        load = loadgen.run(port, mixed, total=total, concurrency=16)
                        drain(url)
                    time.sleep(2)
                    return load.per_second, peak.peak

                drive(200)
                samples = [("after 200 warm-up requests", memory(web.pid, worker.pid))]
                for label in ("after the first", "after the second"):
                    rps, peak = drive(batch)
                    samples.append(
                        (
                            f"{label} {batch:,} requests",
                            {**memory(web.pid, worker.pid), "peak_mb": round(peak, 1), "rps": round(rps)},
                        )
                    )
            finally:
                stop(web)
                stop(worker)
    finally:
        fake.stop()
    print_table(
        "web_memory: the serving tree (gunicorn master + 2 workers, and one worker process), RSS in MB",
        ["when", "web tree", "worker process", "total", "peak during the burst", "requests/s"],
        [
            [label, m["web_mb"], m["worker_mb"], m["total_mb"], m.get("peak_mb", ""), m.get("rps", "")]
            for label, m in samples
        ],
    )
    first, second = samples[1][1], samples[2][1]
    figures = {
        "total_mb_after_first_batch": first["total_mb"],
        "peak_mb": max(first["peak_mb"], second["peak_mb"]),
        "growth_mb_second_batch": round(second["total_mb"] - first["total_mb"], 1),
        "requests_per_batch": batch,
        "samples": dict(samples),
    }
    path = write_results("web_memory", figures, quick=quick)
    print(
        f"\nafter {batch:,} requests: {first['total_mb']} MB for the tree (peak {figures['peak_mb']} MB); "
        f"growth over the next {batch:,}: {figures['growth_mb_second_batch']} MB -> {path.relative_to(ROOT)}"
    )
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
