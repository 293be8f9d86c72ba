"""A job's transactions, numbered, so a job run again after a crash changes nothing twice.

Jobs run at least once: a worker killed mid-job leaves it to run again from the start. The n-th
transaction of a job, if it wrote anything, commits together with the row (job key, n). Run again, the job's first
transactions find their rows: they run (the code after them needs what they read) but roll back,
and only transactions the crash prevented commit. Step 0, written last, marks the job finished:
a duplicate delivery of it stops before its first step. Two runs at once (a retry racing the
original) collide on the same (key, n) row: the loser stops with StepTaken, changing nothing.

This relies on a job taking the same path when run again, as work that decides from its own
arguments and rows does. The clock's deliveries do not: their path depends on rows other jobs
take; they are idempotent by construction instead (compare-and-set, leases) and run unjournaled. Slack calls between steps may be repeated; only a
handful of milliseconds separate most of them from the commit before or after.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import delete, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session

from bot.db import Sessions
from bot.models import JobStep

FINISHED = 0


class StepTaken(Exception):
    """Another run of the same job committed this step first."""


class Journal:
    def __init__(self, sessions: Sessions, key: str, now: datetime) -> None:
        self._sessions = sessions
        self.key = key
        self._now = now
        with sessions.begin() as session:
            done = set(session.scalars(select(JobStep.step).where(JobStep.key == key)))
        self.finished = FINISHED in done
        self.replaying = bool(done)
        self._done = max(done, default=0)
        self._step = 0

    @contextlib.contextmanager
    def begin(self) -> Iterator[Session]:
        """Like sessionmaker.begin(), numbered: commits once per job however often it runs."""
        self._step += 1
        step = self._step
        session = self._sessions()
        writes = Writes(session)
        try:
            session.begin()
            yield session
            if step <= self._done:
                session.rollback()  # committed by an earlier run of this job
                return
            session.flush()  # the work's own rows first: their errors are theirs
            if writes.seen:  # a transaction that only read needs no mark: running it again is harmless
                session.add(JobStep(key=self.key, step=step, at=self._now))
                try:
                    session.flush()
                except IntegrityError as error:
                    raise StepTaken(f"{self.key} step {step}") from error
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            writes.stop()
            session.close()

    def __call__(self) -> Session:
        return self._sessions()

    def finish(self) -> None:
        try:
            with self._sessions.begin() as session:
                session.add(JobStep(key=self.key, step=FINISHED, at=self._now))
        except IntegrityError:
            pass  # a twin run finished first


class Writes:
    """Whether a session wrote anything: ORM changes flushed, or INSERT/UPDATE/DELETE statements."""

    def __init__(self, session: Session) -> None:
        self.seen = False
        self._session = session
        event.listen(session, "do_orm_execute", self._on_execute)
        event.listen(session, "after_flush", self._on_flush)

    def _on_execute(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            self.seen = True

    def _on_flush(self, session: Session, context: object) -> None:
        self.seen = True

    def stop(self) -> None:
        event.remove(self._session, "do_orm_execute", self._on_execute)
        event.remove(self._session, "after_flush", self._on_flush)


def forget_before(session: Session, instant: datetime) -> None:
    session.execute(delete(JobStep).where(JobStep.at < instant))
