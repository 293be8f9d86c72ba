"""Simulated time: move the clock to the next morning or to the loop's morning, then run the tick the
clock process would run at that minute (schedules.jobs.tick, unchanged).

Jumping straight to the next instant something is due is what a clock ticking every minute would
do: the ticks in between find nothing to send.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import Enum

from sqlalchemy import select

from bot.clock import FixedClock
from bot.deps import Deps
from bot.models import Candidate
from bot.plan import at_local, local_today
from schedules.jobs import tick

DEFAULT_MORNING = time(9, 0)


class Jump(Enum):
    NEXT_MORNING = "morning"
    LOOP_DAY = "loop"


@dataclass(frozen=True)
class Moved:
    at: datetime
    sent: int
    failed: int


class NothingAhead(ValueError):
    """There is no such moment to move to (no loop date, or the loop is behind us)."""


def advance(deps: Deps, clock: FixedClock, jump: Jump, zone: str) -> Moved:
    target = next_morning(deps, zone) if jump is Jump.NEXT_MORNING else loop_morning(deps)
    clock.set(target)
    report = tick(deps)
    return Moved(at=target, sent=report.sent, failed=report.failed)


def next_morning(deps: Deps, zone: str) -> datetime:
    """The next instant a daily message is due; with none scheduled, tomorrow at 09:00."""
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        due = session.scalar(
            select(Candidate.next_prompt_at)
            .where(Candidate.next_prompt_at > now)
            .order_by(Candidate.next_prompt_at)
            .limit(1)
        )
    if due is not None:
        return due
    return at_local(local_today(now, zone) + timedelta(days=1), DEFAULT_MORNING, zone)


def loop_morning(deps: Deps) -> datetime:
    """The prompt time on the nearest loop day still ahead, among everyone who set one."""
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        candidates = session.scalars(select(Candidate).where(Candidate.loop_date.is_not(None))).all()
        mornings = [at_local(c.loop_date, c.prompt_time, c.tz) for c in candidates if c.loop_date is not None]
    ahead = sorted(m for m in mornings if m > now)
    if ahead:
        return ahead[0]
    if mornings:
        raise NothingAhead("The loop's morning has already come: “Next morning” goes on from here.")
    raise NothingAhead("No loop date yet: set one first, for example `/prep loop` with a date.")
