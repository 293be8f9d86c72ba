"""The one hand-off from a listener to its work: `later(context, body, work, *args)`.

A listener acknowledges, parses, and hands a job to the queue: a module-level `work(deps, *args)`
and JSON arguments, checked against its type hints (bot/job_args.py). On PostgreSQL the job is
saved before Slack gets its 200, and a worker process runs it (bot/worker.py); on SQLite it runs on
a thread of this process (bot/job_queue.py).

Jobs run at least once, so each is keyed by the request it serves: the Slack event id for events
(Slack's retries and duplicate deliveries share it), the request's signature for commands and
interactions. A key already finished is skipped; a key half done (a worker died) is replayed
through its journal, so nothing is applied twice (bot/job_journal.py). A job runs on the clock of
its request (bot/clock.ShiftedClock).

A database or Slack that is unreachable makes a job try again later (the queue's retries, up to
about an hour); any other failure is logged once, with the job's id, and apologised for.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import replace
from enum import StrEnum
from typing import Any
from urllib.error import URLError

from slack_bolt import BoltContext
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot import metrics
from bot.clock import ShiftedClock
from bot.deps import Deps
from bot.job_args import JobArgumentError, decode, encode, find_work, work_name
from bot.job_journal import Journal, StepTaken
from bot.job_queue import InProcessQueue, Job, JobQueue, Lane
from bot.workspaces import NotInstalled, NoWorkspace
from handlers.errors import report, request_kind
from handlers.people import deps_of
from handlers.reply import apologise

logger = logging.getLogger(__name__)

Work = Any  # work(deps, *args): a module-level function of this project


class Outcome(StrEnum):
    DONE = "done"
    DUPLICATE = "duplicate"  # finished before, or a twin run got there first
    FAILED = "failed"  # logged and apologised for; not retried
    RETRY = "retry"  # raised to the queue, which runs it again later


class TryAgain(Exception):
    """The job met an unreachable database or Slack: the queue runs it again later."""


def later(context: BoltContext, body: dict[str, Any], work: Work, *args: Any) -> None:
    """Queue `work(deps, *args)` for the request in `body`. An event whose job cannot be saved
    raises: its request fails, and Slack delivers it again rather than believing it handled. A
    command or interaction gets an apology instead (its person can simply try again)."""
    name = work_name(work)
    deps = deps_of(context)
    job = Job(
        work=name,
        args=encode(work, args),
        key=f"{context.get('request_key') or request_key(body)}:{name}"[:160],
        at=deps.clock.now().isoformat(),
        team=str(context.team_id or body.get("team_id") or ""),
        kind=request_kind(body),
        reply_url=body.get("response_url"),
    )
    queue: JobQueue = context.get("queue") or deps.queue
    try:
        queue.enqueue(job)
    except Exception as error:
        if body.get("type") == "event_callback":
            raise  # no 200: Slack delivers the event again, and then it may be saved
        # A person is waiting: say sorry (off the request thread, which must answer at once).
        logger.error("could not queue the %s (%s); apologising", job.kind, describe(error))
        threading.Thread(target=apologise, args=(body,), name="apology", daemon=True).start()
        return
    metrics.JOBS_ENQUEUED.labels(lane=job.lane.value).inc()


def soon(context: BoltContext, body: dict[str, Any], call: Callable[[], Any]) -> None:
    """Run `call()` on a thread as soon as Slack has its answer: for what must happen within
    Slack's three seconds and so cannot wait in the queue (views.open with a trigger_id). It is not
    durable, and need not be: a trigger id expires long before a crashed process could retry it."""
    executor: Executor = context["soon"]

    def run() -> None:
        try:
            call()
        except Exception as error:  # reported once, here
            report(error, body)

    executor.submit(run)


def request_key(body: dict[str, Any], signature: str | None = None) -> str:
    """Events: their event id. Anything else: its signature, else a digest of the payload."""
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"event:{body['event_id']}"
    if signature:
        return "request:" + hashlib.sha256(signature.encode()).hexdigest()[:40]
    digest = hashlib.sha256(repr(sorted(body.items())).encode()).hexdigest()[:40]
    return f"request:{digest}"


def run_job(deps: Deps, job: Job, *, job_id: int | str | None = None, final: bool = True) -> Outcome:
    """Run one job. Raises TryAgain when it should run again later (unless this was the last try)."""
    started = time.monotonic()
    label = f"job {job_id or '-'} ({job.kind or job.work}, key {job.key})"
    try:
        outcome = attempt(deps, job, label, final=final)
    finally:
        metrics.JOB_SECONDS.labels(lane=job.lane.value).observe(time.monotonic() - started)
    metrics.JOBS.labels(lane=job.lane.value, outcome=outcome.value).inc()
    if outcome is Outcome.DONE:
        metrics.REQUEST_TO_DONE.labels(lane=job.lane.value).observe(max(0.0, time.time() - job.enqueued))
    return outcome


def attempt(deps: Deps, job: Job, label: str, *, final: bool) -> Outcome:
    try:
        work = find_work(job.work)
        args = decode(work, job.args)
    except (JobArgumentError, ImportError) as error:
        logger.error("%s cannot run: %s", label, error)
        return Outcome.FAILED
    clock = ShiftedClock(job.instant, job.enqueued)
    try:
        deps = deps.for_team(job.team) if job.team else deps  # the client of the job's workspace
    except NotInstalled:
        # Uninstalled since the job was queued: work that needs no Slack (leaving the workspace)
        # still runs; a Slack call raises NotInstalled again, and the job ends below.
        deps = replace(deps, slack=NoWorkspace(job.team))
    try:
        if job.lane is Lane.DELIVERY:
            # Deliveries are idempotent by construction: each row is taken by compare-and-set and
            # a row left half-sent is settled after its lease (schedules/delivery.py). A journal
            # would only get in their way: their path depends on what other jobs did meanwhile.
            work(replace(deps, clock=clock), *args)
            return Outcome.DONE
        journal = Journal(deps.sessions, job.key, clock.now())
        if journal.finished:
            logger.info("%s already done; this run is a duplicate", label)
            return Outcome.DUPLICATE
        if journal.replaying:
            logger.warning("%s was interrupted; running it again through its journal", label)
        work(replace(deps, clock=clock, sessions=journal), *args)
        journal.finish()
    except StepTaken:
        logger.info("%s is being run by another worker; leaving it to that one", label)
        return Outcome.DUPLICATE
    except NotInstalled:
        logger.warning("%s dropped: the workspace %s has no installation now", label, job.team)
        return Outcome.FAILED
    except Exception as error:  # every failure of a job is reported here, once
        if transient(error) and not final:
            logger.warning("%s: %s; it will run again", label, describe(error))
            raise TryAgain(describe(error)) from error
        logger.error("%s failed", label, exc_info=error)
        apologise({"response_url": job.reply_url})
        return Outcome.FAILED
    return Outcome.DONE


def transient(error: BaseException) -> bool:
    """A failure that waiting can cure: the database or Slack unreachable, Slack overloaded."""
    if isinstance(error, DBAPIError):
        return bool(error.connection_invalidated) or type(error.orig).__name__ in {
            "OperationalError",
            "InterfaceError",
            "QueryCanceled",
        }
    if isinstance(error, SlackApiError):
        return error.response.status_code == 429 or error.response.status_code >= 500
    return isinstance(error, PoolTimeout | URLError | ConnectionError | TimeoutError | socket.timeout)


def describe(error: BaseException) -> str:
    cause = getattr(error, "orig", None) or error
    return f"{type(cause).__name__}: {str(cause).splitlines()[0][:200] if str(cause) else ''}"


# SQLite mode retries in this process, for about ten minutes (PostgreSQL mode: bot/worker.py).
IN_PROCESS_RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 120.0, 120.0, 120.0)


def run_in_process(deps: Deps, queue: InProcessQueue, job: Job, tries: int) -> None:
    try:
        run_job(deps, job, final=tries >= len(IN_PROCESS_RETRY_DELAYS))
    except TryAgain:
        queue.later(IN_PROCESS_RETRY_DELAYS[tries], job, tries + 1)


def delivery_job(*, work: Work, args: tuple[Any, ...], key: str, at: str, team: str, turn: int = 0) -> Job:
    """A job the clock queues (schedules/jobs.py): no request behind it, the delivery lane."""
    name = work_name(work)
    return Job(
        work=name,
        args=encode(work, args),
        key=f"{key}:{name}"[:160],
        at=at,
        team=team,
        kind="delivery",
        lane=Lane.DELIVERY,
        turn=turn,
    )
