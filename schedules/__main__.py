"""`python -m schedules`: the clock. `python -m schedules tick --at ISO8601 [--dry-run]`: one tick, then exit."""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import datetime

from apscheduler.events import EVENT_SCHEDULER_STARTED, SchedulerEvent
from apscheduler.schedulers.background import BackgroundScheduler

from bot.clock import FixedClock
from bot.deps import Deps, build_deps
from bot.job_queue import InProcessQueue
from bot.lifecycle import StopSignal
from bot.migrate import require_current_schema
from bot.pacing import Pacer
from bot.settings import Settings, exit_with, load
from bot.web import configure_logging
from schedules.delivery import due_later
from schedules.jobs import tick
from schedules.preview import preview, preview_text

logger = logging.getLogger("loop_coach.clock")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m schedules", description="Loop Coach's clock.")
    commands = parser.add_subparsers(dest="command")
    once = commands.add_parser("tick", help="run one tick and exit")
    once.add_argument("--at", help="the instant to tick at, ISO 8601 with an offset (default: now)")
    once.add_argument(
        "--dry-run", action="store_true", help="print the messages the tick would send; send and save nothing"
    )
    args = parser.parse_args(argv)

    # From here on a SIGTERM or Ctrl-C, whenever it comes, ends the clock the same way.
    stop = StopSignal.install() if args.command != "tick" else None
    at = parse_instant(args.at) if args.command == "tick" and args.at else None
    settings = load(Settings)
    configure_logging(settings)
    require_current_schema(settings.database_url)
    if args.command == "tick":
        clock = FixedClock(at) if at else None
        # One tick, then exit: it posts what it claims itself, whether or not a worker runs.
        deps = build_deps(settings, clock=clock, pacer=Pacer(), queue=InProcessQueue())
        if args.dry_run:
            print(preview_text(preview(deps), deps.clock.now()))
            return 0
        report = tick(deps)
        print(f"tick: {report.sent} sent, {report.failed} failed{later_text(deps)}")
        return 0
    assert stop is not None
    logger.debug("clock starting")
    run_forever(build_deps(settings, pacer=Pacer()), stop)
    return 0


def later_text(deps: Deps) -> str:
    """Messages due at a set time (reminders, debriefs) that are still waiting, and the next one."""
    waiting, soonest = due_later(deps)
    if not waiting or soonest is None:
        return ""
    return f"; {waiting} due later, the next at {soonest.isoformat()}"


def parse_instant(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        exit_with(f"loop-coach: --at {text!r} is not an ISO 8601 instant, e.g. 2026-12-01T09:00:00+00:00.")
    if instant.tzinfo is None:
        exit_with(f"loop-coach: --at {text!r} has no time zone; add one, e.g. {text}+00:00 or {text}Z.")
    return instant


def build_scheduler(deps: Deps) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone="UTC")
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


def run_forever(deps: Deps, stop: StopSignal) -> None:
    """Tick every minute until SIGTERM or Ctrl-C; then finish the tick in hand and say so, once."""
    scheduler = build_scheduler(deps)

    def announce(_event: SchedulerEvent) -> None:
        logger.info("clock started: one tick a minute, UTC")

    # "started" only once APScheduler says it has: whoever waits for the line may stop us at once.
    scheduler.add_listener(announce, EVENT_SCHEDULER_STARTED)
    if not stop.requested():
        scheduler.start()
        stop.wait()
        scheduler.shutdown(wait=True)
    logger.info("clock stopped")


if __name__ == "__main__":
    sys.exit(main())
