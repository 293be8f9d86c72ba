"""The loop date, the daily prompt time, pause (with an end or not), resume, skip, weekdays, digest day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy.orm import Session

from bot.models import Candidate, Prompt
from bot.parsing import InputError
from bot.plan import at_local, countdown, local_today, zone
from bot.rhythm import Rhythm
from bot.services.schedule import DAILY, daily_row, reschedule
from bot.weekdays import ALL_DAYS, to_mask


@dataclass(frozen=True)
class LoopView:
    loop_date: date | None
    countdown: str
    next_prompt_local: datetime | None  # the next daily question, weekdays off skipped
    paused: bool  # paused today
    tz: str | None
    paused_until: date | None = None
    days: frozenset[int] = ALL_DAYS
    digest_day: int | None = None


def next_question_local(candidate: Candidate) -> datetime | None:
    """The next morning that brings a question: the next morning, or the first practice day after it."""
    if candidate.next_prompt_at is None:
        return None
    local = candidate.next_prompt_at.astimezone(zone(candidate.tz))
    day = Rhythm.of(candidate).next_practice_day(local.date(), candidate.loop_date)
    return (
        None
        if day is None
        else at_local(day, candidate.prompt_time, candidate.tz).astimezone(zone(candidate.tz))
    )


def loop_view(candidate: Candidate, *, now: datetime) -> LoopView:
    today = local_today(now, candidate.tz)
    rhythm = Rhythm.of(candidate)
    paused = rhythm.paused_on(today)
    return LoopView(
        loop_date=candidate.loop_date,
        countdown=countdown(candidate.loop_date, today),
        next_prompt_local=next_question_local(candidate),
        paused=paused,
        tz=candidate.tz,
        paused_until=candidate.paused_until if paused else None,
        days=rhythm.days,
        digest_day=candidate.digest_day,
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


def pause(session: Session, candidate: Candidate, until: date | None = None, *, now: datetime) -> LoopView:
    """Stop the daily questions and every nudge; with `until`, they start again that morning."""
    today = local_today(now, candidate.tz)
    if until is not None and until <= today:
        raise InputError(
            f"{until.isoformat()} is not ahead (today is {today.isoformat()} where you are): give the day "
            "to come back, like `/prep pause until YYYY-MM-DD`, or `/prep pause` to stop until `/prep resume`."
        )
    candidate.paused, candidate.paused_until = True, until
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


def resume(session: Session, candidate: Candidate, *, now: datetime) -> LoopView:
    candidate.paused, candidate.paused_until = False, None
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


def set_days(session: Session, candidate: Candidate, days: frozenset[int], *, now: datetime) -> LoopView:
    """The weekdays of the daily question; the loop-day kit and the wrap-up come whatever they say."""
    if not days:
        raise InputError(
            "Choose at least one day, like `/prep days mon-fri`; to stop altogether, `/prep pause`."
        )
    candidate.prompt_days = to_mask(days)
    reschedule(session, candidate, now=now)
    return loop_view(candidate, now=now)


def set_digest_day(session: Session, candidate: Candidate, day: int | None, *, now: datetime) -> LoopView:
    candidate.digest_day = day
    session.flush()
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
