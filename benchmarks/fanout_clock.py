"""The clock's tick, run as its own process with Slack's limits time-compressed `--scale` times.

The same `schedules.jobs.tick` that `python -m schedules` runs; only the pacer is scaled, to match
the fake Slack's scaled limits (benchmarks/fake_slack_server.py).
"""

from __future__ import annotations

import argparse
import json
import time

from bot.clock import FixedClock
from bot.deps import build_deps
from bot.pacing import Pacer
from bot.settings import Settings, load
from schedules.__main__ import parse_instant
from schedules.jobs import DELIVERY_WORKERS, tick


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--at", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=DELIVERY_WORKERS)
    args = parser.parse_args()
    deps = build_deps(
        load(Settings), clock=FixedClock(parse_instant(args.at)), pacer=Pacer.scaled(args.scale)
    )
    started = time.time()
    report = tick(deps, workers=args.workers)
    print(
        json.dumps(
            {
                "started": started,
                "finished": time.time(),
                "claimed": report.claimed,
                "outcomes": report.outcomes,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
