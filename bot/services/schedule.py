"""Keeping each candidate's next prompt instant true after every change of plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.loop_day import morning_at, on_day
from bot.models import Candidate, Prompt
from bot.plan import at_local, local_today, next_prompt_at
from bot.rhythm import Rhythm

DAILY = "daily"
WRAP_UP = "wrap-up"


def daily_row(session: Session, candidate: Candidate, day: date) -> Prompt | None:
    return session.scalars(
        select(Prompt).where(
            Prompt.candidate_id == candidate.id, Prompt.local_date == day, Prompt.slot == DAILY
        )
    ).one_or_none()


def finished(session: Session, candidate: Candidate) -> bool:
    """After the loop, once the wrap-up exists, nothing more is owed."""
    if candidate.loop_date is None or candidate.id is None:
        return False
    found = session.scalar(
        select(Prompt.id).where(
            Prompt.candidate_id == candidate.id,
            Prompt.slot == WRAP_UP,
            Prompt.local_date == candidate.loop_date,
        )
    )
    return found is not None


def lift_ended_pause(candidate: Candidate, today: date) -> None:
    """A pause whose end date has come is over: forget it, so nothing reads a stale flag."""
    if candidate.paused and candidate.paused_until is not None and candidate.paused_until <= today:
        candidate.paused, candidate.paused_until = False, None


def resting(candidate: Candidate, day: date) -> bool:
    """True when the morning of `day` owes no daily question (and no nudge): paused on that day,
    or a weekday off before the loop. The loop-day kit and the wrap-up still come on a day off."""
    lift_ended_pause(candidate, day)
    return Rhythm.of(candidate).rests_on(day, candidate.loop_date)


def reschedule(session: Session, candidate: Candidate, *, now: datetime) -> None:
    """The next morning: today's if still ahead, else tomorrow's; while paused until a day, that
    day's. Mornings run on weekdays off too (the weekly digest may fall on one); they only skip the
    question (see `resting`)."""
    session.flush()
    today = local_today(now, candidate.tz)
    lift_ended_pause(candidate, today)
    if (
        candidate.loop_date is None
        or (candidate.paused and candidate.paused_until is None)
        or finished(session, candidate)
        # Long past (an old note imported, say): nothing to ask, and no wrap-up for a loop we never saw.
        or candidate.loop_date < today - timedelta(days=1)
    ):
        candidate.next_prompt_at = None
        return
    if candidate.paused and candidate.paused_until is not None:
        candidate.next_prompt_at = at_local(candidate.paused_until, candidate.prompt_time, candidate.tz)
        return
    sent_today = candidate.id is not None and daily_row(session, candidate, today) is not None
    candidate.next_prompt_at = next_prompt_at(
        now=now, tz=candidate.tz, prompt_time=candidate.prompt_time, sent_today=sent_today
    )
    # A day with an early interview starts early enough for its kit and first reminder.
    day = local_today(candidate.next_prompt_at, candidate.tz)
    todays = on_day(candidate.interviews, candidate.loop_date, day)
    candidate.next_prompt_at = morning_at(day, candidate.prompt_time, candidate.tz, todays)
