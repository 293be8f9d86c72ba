"""The work behind an acknowledgement, done outside the request: in worker processes in production.

Bolt acknowledges from inside the listener. If listeners did their real work there (database,
Slack calls), the acknowledgements of new requests would wait behind it, and Slack gives up after
three seconds. Threads are not enough: the work holds the GIL that acknowledgements need. So a
listener acknowledges and hands a job, a module-level function and plain data, to a pool of
worker processes (niced, each with its own database engine and Slack client). Tests hand jobs to
a thread pool instead, with the test's own deps; the job is the same.

Slack's retries of an event (same event id) are dropped here, before the work runs: the id is
recorded on receipt, in its own transaction.

An event is acknowledged before its work runs, so Slack will not redeliver it if the database is
unavailable just then; the job retries instead, for about two minutes, and runs at most once. A
command is answered at once with an apology: the person can simply try again.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.deps import Deps
from bot.models import ProcessedEvent
from handlers.errors import report, request_kind
from handlers.people import deps_of

logger = logging.getLogger(__name__)

WORK_PROCESSES = 2
WORKER_NICENESS = 10  # acknowledgements first; the work catches up when they pause
RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)

Work = Callable[..., None]  # work(deps, *args); module-level, so a worker process can find it


@dataclass(frozen=True)
class Job:
    work: Work
    args: tuple[Any, ...]
    body: dict[str, Any]


def later(context: BoltContext, body: dict[str, Any], work: Work, *args: Any) -> None:
    executor: Executor = context["work"]
    job = Job(work, args, body)
    if isinstance(executor, WorkerProcesses):
        executor.submit(run, job)  # the worker process has deps of its own
    else:
        executor.submit(run, job, deps_of(context))


def run(job: Job, deps: Deps | None = None) -> None:
    deps = deps or worker_deps()
    try:
        if not first_delivery(deps, job.body):
            return
    except Exception as error:  # the event was not recorded: nothing ran, so it is safe to retry all of it
        if not retry_later(job, deps, error, attempt=0, claimed=False):
            report(error, job.body)
        return
    attempt_work(job, deps, attempt=0)


def attempt_work(job: Job, deps: Deps, *, attempt: int) -> None:
    try:
        job.work(deps, *job.args)
    except Exception as error:  # every failure is reported once, here; see handlers/errors.py
        if not retry_later(job, deps, error, attempt=attempt, claimed=True):
            report(error, job.body)


def retry_later(job: Job, deps: Deps, error: Exception, *, attempt: int, claimed: bool) -> bool:
    """Events whose work found the database unavailable try again; True if a retry is scheduled."""
    if not isinstance(error, OperationalError) or job.body.get("type") != "event_callback":
        return False
    if attempt >= len(RETRY_DELAYS):
        return False
    delay = RETRY_DELAYS[attempt]
    logger.warning(
        "database unavailable (%s); retrying the %s event in %.0f s",
        type(error).__name__,
        request_kind(job.body),
        delay,
    )

    def again() -> None:
        if claimed:
            attempt_work(job, deps, attempt=attempt + 1)
        else:
            try:
                if not first_delivery(deps, job.body):
                    return
            except Exception as failure:  # still down
                if not retry_later(job, deps, failure, attempt=attempt + 1, claimed=False):
                    report(failure, job.body)
                return
            attempt_work(job, deps, attempt=attempt + 1)

    timer = threading.Timer(delay, again)
    timer.daemon = True
    timer.start()
    return True


def first_delivery(deps: Deps, body: dict[str, Any]) -> bool:
    """False for an event id already handled: a retry (X-Slack-Retry-Num) or a duplicate delivery."""
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not event_id:
        return True
    try:
        with deps.sessions.begin() as session:
            session.add(
                ProcessedEvent(
                    event_id=str(event_id)[:64],
                    team_id=str(body.get("team_id", ""))[:32],
                    received_at=deps.clock.now(),
                )
            )
    except IntegrityError:
        logger.info("event %s already handled; this delivery is a retry or duplicate", event_id)
        return False
    return True


# -- the worker processes --------------------------------------------------------------------------
_worker_deps: Deps | None = None


def worker_deps() -> Deps:
    assert _worker_deps is not None, "jobs without deps run only in worker processes"
    return _worker_deps


def start_worker() -> None:
    """Each worker process: lower priority, its own engine and Slack client, logs like the parent."""
    global _worker_deps
    from bot.deps import build_deps
    from bot.settings import Settings, load
    from bot.web import configure_logging

    os.nice(WORKER_NICENESS)
    # Ctrl-C in a terminal reaches every process in its group; the web process stops this one.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    settings = load(Settings)
    configure_logging(settings)
    _worker_deps = build_deps(settings)
    gc.freeze()  # as in the web worker (bot/web.py): long-lived objects stay out of full collections


class WorkerProcesses(Executor):
    """A ProcessPoolExecutor that replaces itself if a worker process dies (the pool is then broken)."""

    def __init__(self, processes: int = WORK_PROCESSES) -> None:
        self._processes = processes
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the web process has threads, and a forked copy of a held lock deadlocks.
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self._processes, mp_context=context, initializer=start_worker)

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._lock:
            try:
                return self._pool.submit(fn, *args, **kwargs)
            except BrokenProcessPool:
                logger.error("a worker process died; starting new ones")
                self._pool = self._new_pool()
                return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def warm_up(executor: Executor) -> None:
    """Start the worker processes now rather than on the first request (spawning takes a second)."""
    if isinstance(executor, WorkerProcesses):
        executor.submit(time.sleep, 0)
