"""The clock's tick as its own process, at a given instant: the same `schedules.jobs.tick` that
`python -m schedules` runs. On PostgreSQL it claims the due candidates and queues their deliveries
for the workers (benchmarks/fanout.py starts them)."""

from __future__ import annotations

import argparse
import json
import time

from bot.clock import FixedClock
from bot.deps import build_deps
from bot.settings import Settings, load
from schedules.__main__ import parse_instant
from schedules.jobs import tick


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--at", required=True)
    args = parser.parse_args()
    deps = build_deps(load(Settings), clock=FixedClock(parse_instant(args.at)))
    started = time.time()
    report = tick(deps)
    deps.queue.close()
    print(
        json.dumps(
            {"started": started, "finished": time.time(), "claimed": report.claimed, "queued": report.queued}
        )
    )


if __name__ == "__main__":
    main()
