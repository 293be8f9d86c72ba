"""The calendar of a loop: countdown, when each interview is, which comes next. Pure; takes `today`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class InterviewLike(Protocol):
    position: int
    interviewer: str
    principles: list[str]
    scheduled_at: datetime | None
    focus: str | None


AnyInterview = TypeVar("AnyInterview", bound=InterviewLike)


def zone(name: str | None) -> tzinfo:
    """The candidate's zone; UTC when Slack has not told us or names a zone we cannot load."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local_today(now: datetime, tz: str | None) -> date:
    return now.astimezone(zone(tz)).date()


def at_local(day: date, at: time, tz: str | None) -> datetime:
    """The UTC instant of wall-clock `at` on `day` in the zone (a time skipped by DST moves forward)."""
    local = datetime.combine(day, at, tzinfo=zone(tz))
    return local.astimezone(UTC)


def days_left(loop_date: date, today: date) -> int:
    return (loop_date - today).days


def countdown(loop_date: date | None, today: date) -> str:
    if loop_date is None:
        return "No loop date yet"
    left = days_left(loop_date, today)
    if left > 1:
        return f"{left} days to your loop"
    if left == 1:
        return "1 day to your loop"
    if left == 0:
        return "Your loop is today"
    return f"Your loop was on {long_date(loop_date)}"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def interview_day(interview: InterviewLike, loop_date: date | None) -> date | None:
    """An interview without its own date is on the loop date."""
    return interview.scheduled_at.date() if interview.scheduled_at else loop_date


def in_calendar_order(interviews: Sequence[AnyInterview], loop_date: date | None) -> list[AnyInterview]:
    """By day, then by time where given, then in the order added; undated ones last."""

    def key(interview: AnyInterview) -> tuple[date, time, int]:
        day = interview_day(interview, loop_date) or date.max
        at = interview.scheduled_at.time() if interview.scheduled_at else time.max
        return day, at, interview.position

    return sorted(interviews, key=key)


def upcoming(interviews: Sequence[AnyInterview], loop_date: date | None, today: date) -> list[AnyInterview]:
    """Interviews whose day has not passed, soonest first."""
    return [
        interview
        for interview in in_calendar_order(interviews, loop_date)
        if (day := interview_day(interview, loop_date)) is not None and day >= today
    ]


def next_day_group(
    interviews: Sequence[AnyInterview], loop_date: date | None, today: date
) -> list[AnyInterview]:
    """The interviews on the earliest day not yet past, in their order."""
    ahead = upcoming(interviews, loop_date, today)
    if not ahead:
        return []
    first_day = interview_day(ahead[0], loop_date)
    return [interview for interview in ahead if interview_day(interview, loop_date) == first_day]


def loop_principles(interviews: Sequence[InterviewLike]) -> list[str]:
    """Every principle of the loop, once, in the order the interviews were added."""
    ordered = sorted(interviews, key=lambda interview: interview.position)
    return list(dict.fromkeys(p for interview in ordered for p in interview.principles))


def next_prompt_at(*, now: datetime, tz: str | None, prompt_time: time, sent_today: bool) -> datetime:
    """When the next daily question is due after a change of plan (loop, time, resume, time zone).

    Today's, if it has not gone out and its time is still ahead; otherwise tomorrow's. Only a clock
    that was down sends a question late (see schedules.jobs), never a change of settings.
    """
    today = local_today(now, tz)
    todays = at_local(today, prompt_time, tz)
    if not sent_today and todays > now:
        return todays
    return at_local(today + timedelta(days=1), prompt_time, tz)
