"""`python -m bot worker`: runs the jobs waiting in PostgreSQL (the Procfile's `worker:` process).

Any number of these can run, on any machines. Each takes jobs with procrastinate (a row lock, so a
job runs on one worker at a time) in two lanes: interactive work, where a person is waiting, and
the clock's deliveries, which sleep to respect Slack's limits and so must not hold up the first.

A worker that dies (kill -9, a lost machine) stops sending heartbeats; every worker looks for jobs
left `doing` by a worker silent for Timings.stalled_after seconds and queues them again. Jobs are idempotent
(handlers/background.py), so running one again changes nothing twice. A worker that loses the
database stops its lanes, waits, and starts them again: it never exits on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import procrastinate
from procrastinate.retry import BaseRetryStrategy, RetryDecision

from bot.db import connection_options, libpq_url
from bot.deps import Deps, build_deps
from bot.job_queue import TASK_NAME, Job, Lane
from bot.settings import Settings, exit_with
from handlers.background import TryAgain, run_job

logger = logging.getLogger("loop_coach.worker")

CONCURRENCY = {Lane.INTERACTIVE: 6, Lane.DELIVERY: 4}
# Tests and benchmarks shorten the wait for a dead worker's jobs: "HEARTBEAT,STALLED_AFTER,EVERY".
TIMINGS_VARIABLE = "LOOP_COACH_WORKER_TIMINGS"


@dataclass(frozen=True)
class Timings:
    heartbeat: float = 5.0
    stalled_after: float = 20.0  # seconds without a heartbeat: the worker is gone, its jobs up for grabs
    recovery_every: float = 10.0

    @classmethod
    def parse(cls, text: str | None) -> Timings:
        if not text:
            return cls()
        heartbeat, stalled_after, every = (float(part) for part in text.split(","))
        return cls(heartbeat, stalled_after, every)


RESTART_AFTER = 5.0  # after losing the database
STUCK_AFTER = 60.0  # no job started or finished while one has been ready this long: start again
STOP_WITHIN = 30.0  # seconds the lanes get to finish their jobs when stopping


class Progress:
    """When this worker last started or finished a job (from the job threads)."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def touch(self) -> None:
        self.last = time.monotonic()


class WorkerStuck(Exception):
    """Jobs wait while this worker does nothing: its connections hang (a partition)."""


OLDEST_READY = (
    "SELECT coalesce(extract(epoch FROM now() - min(coalesce(j.scheduled_at, e.at))), 0) AS oldest"
    " FROM procrastinate_jobs j"
    " LEFT JOIN procrastinate_events e ON e.job_id = j.id AND e.type = 'deferred'"
    " WHERE j.status = 'todo' AND (j.scheduled_at IS NULL OR j.scheduled_at <= now())"
    " AND j.queue_name = ANY(%(lanes)s)"
)
MAX_ATTEMPTS = 40  # with waits growing to two minutes: about an hour of trying


class TryAgainLater(BaseRetryStrategy):
    """Jobs that raised TryAgain run again after 1, 2, 4 … seconds, at most two minutes apart."""

    def get_retry_decision(self, *, exception: BaseException, job: Any) -> RetryDecision | None:
        if not isinstance(exception, TryAgain) or job.attempts + 1 >= MAX_ATTEMPTS:
            return None
        return RetryDecision(retry_in={"seconds": min(120, 2**job.attempts)})


def procrastinate_app(deps: Deps, progress: Progress) -> procrastinate.App:
    connector = procrastinate.PsycopgConnector(
        conninfo=libpq_url(deps.settings.database_url),
        min_size=2,
        max_size=4 + len(CONCURRENCY),
        timeout=10,
        kwargs=connection_options(),
    )
    app = procrastinate.App(connector=connector)

    @app.task(name=TASK_NAME, pass_context=True, retry=TryAgainLater())
    def run(context: procrastinate.JobContext, job: str) -> str:
        progress.touch()
        try:
            attempts = context.job.attempts
            return run_job(
                deps,
                Job.from_json(json.loads(job)),
                job_id=context.job.id,
                final=attempts + 1 >= MAX_ATTEMPTS,
            ).value
        finally:
            progress.touch()

    return app


async def recover_stalled(app: procrastinate.App, timings: Timings) -> None:
    """Queue again the jobs of workers that stopped sending heartbeats."""
    while True:
        await asyncio.sleep(timings.recovery_every)
        try:
            stalled = await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=timings.stalled_after)
            for job in stalled:
                with contextlib.suppress(Exception):  # another worker got there first
                    await app.job_manager.retry_job(job)
                    logger.warning("job %s was left running by a dead worker; queued again", job.id)
            await app.job_manager.prune_stalled_workers(timings.stalled_after)
        except Exception as error:  # the database is away: try again next round
            logger.warning("stalled-job check failed: %s", type(error).__name__)


async def watch(app: procrastinate.App, progress: Progress) -> None:
    """A connection that hangs (packets dropped, nothing refused) fails no call: the lanes would
    wait forever. If this worker has done nothing for a while although jobs are waiting, or the
    database does not answer within seconds, raise, and the lanes start again on new connections."""
    while True:
        await asyncio.sleep(STUCK_AFTER / 4)
        if time.monotonic() - progress.last < STUCK_AFTER:
            continue
        try:
            lanes = [lane.value for lane in CONCURRENCY]
            row = await asyncio.wait_for(app.connector.execute_query_one_async(OLDEST_READY, lanes=lanes), 10)
        except TimeoutError as error:
            raise WorkerStuck("the database did not answer within 10 s") from error
        if float(row["oldest"]) > STUCK_AFTER:
            raise WorkerStuck(f"a job has waited {float(row['oldest']):.0f} s while this worker did nothing")


async def run_lanes(
    app: procrastinate.App, stopping: asyncio.Event, timings: Timings, progress: Progress
) -> None:
    lanes = [
        app.run_worker_async(
            queues=[lane.value],
            concurrency=count,
            name=f"{lane.value}",
            install_signal_handlers=False,
            update_heartbeat_interval=timings.heartbeat,
            stalled_worker_timeout=timings.stalled_after,
            delete_jobs="successful",
            fetch_job_polling_interval=2.0,
        )
        for lane, count in CONCURRENCY.items()
    ]
    tasks = [asyncio.create_task(lane) for lane in lanes]
    tasks.append(asyncio.create_task(recover_stalled(app, timings)))
    tasks.append(asyncio.create_task(watch(app, progress)))
    stop = asyncio.create_task(stopping.wait())
    try:
        done, _ = await asyncio.wait([*tasks, stop], return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if task is not stop and task.exception():
                raise task.exception()  # type: ignore[misc]
    finally:
        for task in tasks:
            task.cancel()  # procrastinate finishes the jobs in hand when its worker is cancelled
        try:
            await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), STOP_WITHIN)
        except TimeoutError:
            logger.error("jobs still running after %.0f s; leaving them to other workers", STOP_WITHIN)
        stop.cancel()


async def serve(deps: Deps, timings: Timings) -> None:
    loop = asyncio.get_running_loop()
    loop.set_default_executor(
        ThreadPoolExecutor(max_workers=sum(CONCURRENCY.values()), thread_name_prefix="job")
    )
    stopping = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    progress = Progress()
    app = procrastinate_app(deps, progress)
    first = True
    while not stopping.is_set():
        try:
            async with app.open_async():
                await asyncio.wait_for(app.job_manager.check_connection_async(), 10)
                logger.info(
                    "worker %s: lanes %s",
                    "ready" if first else "running again",
                    ", ".join(f"{lane.value}×{n}" for lane, n in CONCURRENCY.items()),
                )
                first = False
                progress.touch()
                await run_lanes(app, stopping, timings, progress)
        except Exception as error:  # the database went away, or never came: wait and start again
            logger.error(
                "worker lost the database (%s); starting again in %.0f s", type(error).__name__, RESTART_AFTER
            )
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stopping.wait(), RESTART_AFTER)
    logger.info("worker stopped")


def main(settings: Settings) -> int:
    from bot.web import configure_logging

    configure_logging(settings)
    if settings.log_level != "DEBUG":  # a line per job start and end: our own lines say what matters
        logging.getLogger("procrastinate").setLevel(logging.WARNING)
    if not settings.database_url.startswith("postgresql"):
        exit_with(
            "loop-coach: the worker needs PostgreSQL (DATABASE_URL); on SQLite, jobs run inside `python -m bot`."
        )
    from bot.migrate import require_current_schema

    require_current_schema(settings.database_url)
    if os.environ.get("METRICS_PORT"):
        from bot.metrics import serve_own

        serve_own(int(os.environ["METRICS_PORT"]))
    asyncio.run(serve(build_deps(settings), Timings.parse(os.environ.get(TIMINGS_VARIABLE))))
    return 0
