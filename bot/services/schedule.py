"""Keeping each candidate's next prompt instant true after every change of plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.loop_day import morning_at, on_day
from bot.models import Candidate, Prompt
from bot.plan import local_today, next_prompt_at

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


def reschedule(session: Session, candidate: Candidate, *, now: datetime) -> None:
    session.flush()
    today = local_today(now, candidate.tz)
    if (
        candidate.loop_date is None
        or candidate.paused
        or finished(session, candidate)
        # Long past (an old note imported, say): nothing to ask, and no wrap-up for a loop we never saw.
        or candidate.loop_date < today - timedelta(days=1)
    ):
        candidate.next_prompt_at = None
        return
    sent_today = candidate.id is not None and daily_row(session, candidate, today) is not None
    candidate.next_prompt_at = next_prompt_at(
        now=now, tz=candidate.tz, prompt_time=candidate.prompt_time, sent_today=sent_today
    )
    # A day with an early interview starts early enough for its kit and first reminder.
    day = local_today(candidate.next_prompt_at, candidate.tz)
    todays = on_day(candidate.interviews, candidate.loop_date, day)
    candidate.next_prompt_at = morning_at(day, candidate.prompt_time, candidate.tz, todays)
