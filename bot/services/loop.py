"""The loop date, the daily prompt time, pause, resume and skip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from bot.models import Candidate, Prompt
from bot.parsing import InputError
from bot.plan import countdown, local_today, zone
from bot.services.schedule import DAILY, daily_row, reschedule


@dataclass(frozen=True)
class LoopView:
    loop_date: date | None
    countdown: str
    next_prompt_local: datetime | None
    paused: bool
    tz: str | None


def loop_view(candidate: Candidate, *, now: datetime) -> LoopView:
    next_local = candidate.next_prompt_at.astimezone(zone(candidate.tz)) if candidate.next_prompt_at else None
    return LoopView(
        loop_date=candidate.loop_date,
        countdown=countdown(candidate.loop_date, local_today(now, candidate.tz)),
        next_prompt_local=next_local,
        paused=candidate.paused,
        tz=candidate.tz,
    )


def set_loop(session: Session, candidate: Candidate, day: date, *, now: datetime) -> LoopView:
    today = local_today(now, candidate.tz)
    if day < today:
        raise InputError(
            f"{day.isoformat()} is in the past (today is {today.isoformat()} where you are): "
            "give the date of your loop, like `/prep loop YYYY-MM-DD`."
        )
    candidate.loop_date = day
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


def set_prompt_time(session: Session, candidate: Candidate, at: time, *, now: datetime) -> LoopView:
    candidate.prompt_time = at
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


def pause(session: Session, candidate: Candidate, *, now: datetime) -> LoopView:
    candidate.paused = True
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


def resume(session: Session, candidate: Candidate, *, now: datetime) -> LoopView:
    candidate.paused = False
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


@dataclass(frozen=True)
class Skipped:
    already_sent: bool
    view: LoopView


def skip_today(session: Session, candidate: Candidate, *, now: datetime) -> Skipped:
    """Skip today's question: a 'skipped' row takes today's slot, so no tick can send it."""
    today = local_today(now, candidate.tz)
    if daily_row(session, candidate, today) is not None:
        return Skipped(already_sent=True, view=loop_view(candidate, now=now))
    session.add(
        Prompt(
            candidate_id=candidate.id,
            local_date=today,
            slot=DAILY,
            kind="skipped",
            status="skipped",
            attempts=0,
            created_at=now.astimezone(UTC),
        )
    )
    reschedule(session, candidate, now=now)
    return Skipped(already_sent=False, view=loop_view(candidate, now=now))
