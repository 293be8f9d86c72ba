"""`python -m schedules`: the clock. `python -m schedules tick --at ISO8601`: one tick, then exit."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from datetime import datetime

from apscheduler.schedulers.blocking import BlockingScheduler

from bot.clock import FixedClock
from bot.deps import Deps, build_deps
from bot.pacing import Pacer
from bot.settings import Settings, exit_with, load
from bot.web import configure_logging
from schedules.jobs import tick

logger = logging.getLogger("loop_coach.clock")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schedules", description="Loop Coach's clock.")
    commands = parser.add_subparsers(dest="command")
    once = commands.add_parser("tick", help="run one tick and exit")
    once.add_argument("--at", help="the instant to tick at, ISO 8601 with an offset (default: now)")
    args = parser.parse_args(argv)

    settings = load(Settings)
    configure_logging(settings)
    if args.command == "tick":
        clock = FixedClock(parse_instant(args.at)) if args.at else None
        report = tick(build_deps(settings, clock=clock, pacer=Pacer()))
        print(f"tick: {report.sent} sent, {report.failed} failed")
        return 0
    run_forever(build_deps(settings, pacer=Pacer()))
    return 0


def parse_instant(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        exit_with(f"loop-coach: --at {text!r} is not an ISO 8601 instant, e.g. 2026-12-01T09:00:00+00:00.")
    if instant.tzinfo is None:
        exit_with(f"loop-coach: --at {text!r} has no time zone; add one, e.g. {text}+00:00 or {text}Z.")
    return instant


def build_scheduler(deps: Deps) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone="UTC")
    scheduler.add_job(
        tick,
        "cron",
        second=0,
        args=[deps],
        id="tick",
        replace_existing=True,
        coalesce=True,  # after a pause, one catch-up tick, not one per missed minute
        max_instances=1,  # a slow tick is never overlapped by the next
        misfire_grace_time=50,
    )
    return scheduler


def run_forever(deps: Deps) -> None:
    scheduler = build_scheduler(deps)

    def stop(*_: object) -> None:
        # SIGTERM (a deploy, a restart): finish the tick in hand, then exit.
        if scheduler.running:
            scheduler.shutdown(wait=True)
        else:
            raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    logger.info("clock started: one tick a minute, UTC")
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
    logger.info("clock stopped")


if __name__ == "__main__":
    sys.exit(main())
