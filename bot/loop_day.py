"""When the messages around an interview are due: the morning's kit, the reminder before, the
debrief after. Pure: wall-clock interview times and a zone in, UTC instants out.

- Reminder: 30 minutes before an interview with a time (none for an interview without one, and
  none once it has started).
- Debrief: at the interview's end: its start plus 60 minutes, or the next interview's start that
  day when that comes sooner (back-to-back interviews end when the next begins). Interviews without
  a time are debriefed at 18:00 that day, or after the day's last timed interview if later.
- The morning's message on a day with timed interviews comes at the prompt time, or an hour before
  the first interview when that is earlier, so the kit and the first reminder are never late.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.plan import AnyInterview, at_local, in_calendar_order, interview_day

REMINDER_LEAD = timedelta(minutes=30)
ASSUMED_LENGTH = timedelta(minutes=60)
KIT_LEAD = timedelta(minutes=60)
EVENING = time(18, 0)


@dataclass(frozen=True)
class Timing:
    interview: int  # index into the interviews given
    remind_at: datetime | None  # UTC; None without a time
    debrief_at: datetime  # UTC


def on_day(interviews: Sequence[AnyInterview], loop_date: date | None, day: date) -> list[AnyInterview]:
    """The day's interviews in calendar order."""
    return [i for i in in_calendar_order(interviews, loop_date) if interview_day(i, loop_date) == day]


def timings(interviews: Sequence[AnyInterview], day: date, tz: str | None) -> list[Timing]:
    """For the interviews of one day, in calendar order (timed ones first, as `on_day` gives them)."""
    starts = [at_local(day, i.scheduled_at.time(), tz) if i.scheduled_at else None for i in interviews]
    timed = sorted(start for start in starts if start is not None)
    evening = at_local(day, EVENING, tz)
    if timed:
        evening = max(evening, _end(timed[-1], timed))
    found = []
    for index, start in enumerate(starts):
        if start is None:
            found.append(Timing(index, None, evening))
        else:
            found.append(Timing(index, start - REMINDER_LEAD, _end(start, timed)))
    return found


def _end(start: datetime, timed: list[datetime]) -> datetime:
    later = [other for other in timed if other > start]
    return min([start + ASSUMED_LENGTH, *later[:1]])


def morning_at(day: date, prompt_time: time, tz: str | None, interviews: Sequence[AnyInterview]) -> datetime:
    """When the day's morning message is due: the prompt time, or earlier for an early interview."""
    usual = at_local(day, prompt_time, tz)
    starts = [at_local(day, i.scheduled_at.time(), tz) for i in interviews if i.scheduled_at]
    earliest = min([usual, *(start - KIT_LEAD for start in starts)])
    return max(earliest, at_local(day, time(0), tz))  # never the evening before: that is another day
