"""Where jobs wait: procrastinate's queue on PostgreSQL, a thread pool on SQLite.

On PostgreSQL a job is one INSERT (procrastinate's defer) on a pooled connection, made before Slack
gets its HTTP 200: once acknowledged, the work survives any crash, and `python -m bot worker`
processes, on any machine, run it at least once (handlers/background.py makes a second run change
nothing). On SQLite, the zero-setup mode for one process, jobs run on threads of the process that
received them and die with it: not crash-safe, and the README says so.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from bot.db import connection_options, libpq_url

logger = logging.getLogger(__name__)

TASK_NAME = "loop_coach.job"


class Lane(StrEnum):
    """Interactive work (a person is waiting) never queues behind a morning's deliveries."""

    INTERACTIVE = "interactive"
    DELIVERY = "delivery"


@dataclass(frozen=True)
class Job:
    """What a job carries, all JSON: which work, its arguments, and the request it serves."""

    work: str  # "module:function"
    args: list[Any]
    key: str  # the request's idempotency key plus the work's name (handlers/background.py)
    at: str  # the instant the request was received (ISO 8601, UTC): the job's clock starts there
    team: str = ""
    kind: str = ""  # "command /prep", "event reaction_added", … for logs
    reply_url: str | None = None  # where to apologise if the job fails for good
    lane: Lane = Lane.INTERACTIVE
    turn: int = 0  # deliveries: the workspace's n-th job this tick; workers take lower turns first
    enqueued: float = field(default_factory=time.time)  # wall clock, for latency and age metrics

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Job:
        return cls(**{**data, "lane": Lane(data.get("lane", Lane.INTERACTIVE))})

    @property
    def instant(self) -> datetime:
        return datetime.fromisoformat(self.at)


class JobQueue(Protocol):
    durable: bool

    def enqueue(self, job: Job) -> None: ...

    def close(self) -> None: ...


Runner = Callable[[Job, int], None]  # run(job, tries so far)


class InProcessQueue:
    """SQLite mode: jobs run on this process's threads, after the acknowledgement. Not crash-safe."""

    durable = False

    def __init__(self, threads: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="job")
        self._run: Runner | None = None
        self._idle = threading.Condition()
        self._pending = 0

    def attach(self, run: Runner) -> None:
        self._run = run

    def enqueue(self, job: Job) -> None:
        assert self._run is not None, "attach() a runner first"
        with self._idle:
            self._pending += 1
        self._pool.submit(self._execute, self._run, job, 0)

    def _execute(self, run: Runner, job: Job, tries: int) -> None:
        try:
            run(job, tries)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def later(self, delay: float, job: Job, tries: int) -> None:
        """Run `job` again after `delay` seconds (a retry), counting it as pending meanwhile."""
        with self._idle:
            self._pending += 1
        timer = threading.Timer(delay, self._resubmit, args=(job, tries))
        timer.daemon = True
        timer.start()

    def _resubmit(self, job: Job, tries: int) -> None:
        assert self._run is not None
        try:
            self._pool.submit(self._execute, self._run, job, tries)
        except RuntimeError:  # shut down meanwhile
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{self._pending} jobs still running")
                self._idle.wait(remaining)

    def close(self) -> None:
        self._pool.shutdown(wait=True)


# The acknowledgement path waits on this pool: a dead database fails the request fast, so Slack
# retries it, rather than the request thread hanging past Slack's three seconds.
DEFER_POOL_WAIT_SECONDS = 1.5
DEFER_STATEMENT_TIMEOUT_MS = 2_000
DEFER_USER_TIMEOUT_MS = 2_000


class DurableQueue:
    """PostgreSQL mode: procrastinate's synchronous defer, on a small pool of its own."""

    durable = True

    def __init__(self, database_url: str, *, pool_size: int = 8) -> None:
        import procrastinate
        import psycopg_pool

        # Opened without waiting: a process starts while the database is away, and a request
        # then fails within DEFER_POOL_WAIT_SECONDS instead of waiting for the pool to fill.
        self._pool = psycopg_pool.ConnectionPool(
            libpq_url(database_url),
            min_size=1,
            max_size=pool_size,
            timeout=DEFER_POOL_WAIT_SECONDS,
            kwargs=connection_options(
                statement_timeout_ms=DEFER_STATEMENT_TIMEOUT_MS, user_timeout_ms=DEFER_USER_TIMEOUT_MS
            )
            | {"autocommit": True},
            check=psycopg_pool.ConnectionPool.check_connection,  # pre-ping, as SQLAlchemy's pool does
            name="job-queue",
            open=False,
        )
        self.app = procrastinate.App(connector=procrastinate.SyncPsycopgConnector())
        self._opened = False
        self._lock = threading.Lock()

    def _open(self) -> None:
        with self._lock:
            if not self._opened:
                self._pool.open(wait=False)
                self.app.open(self._pool)
                self._opened = True

    def enqueue(self, job: Job) -> None:
        self._open()
        task = self.app.configure_task(
            name=TASK_NAME, queue=job.lane.value, priority=10 if job.lane is Lane.INTERACTIVE else -job.turn
        )
        # As JSON text, not a JSON object: PostgreSQL's jsonb refuses \u0000, which Slack's
        # text may hold; inside a string the escape is just characters.
        task.defer(job=json.dumps(job.as_json()))

    def close(self) -> None:
        with self._lock:
            if self._opened:
                self.app.close()
                self._pool.close()
                self._opened = False


def queue_for(database_url: str) -> JobQueue:
    return DurableQueue(database_url) if database_url.startswith("postgresql") else InProcessQueue()
