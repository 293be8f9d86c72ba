"""When the reminder, the debrief and the morning kit are due around a day's interviews: pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from bot.loop_day import morning_at, on_day, timings
from tests.support.factories import local

DAY = date(2026, 12, 16)
TZ = "America/New_York"


@dataclass
class Sitting:
    position: int
    interviewer: str
    scheduled_at: datetime | None
    principles: list[str]
    focus: str | None = None


def sitting(position: int, hour: int | None, minute: int = 0, day: date = DAY) -> Sitting:
    at = datetime.combine(day, time(hour, minute)) if hour is not None else None
    return Sitting(position, f"I{position}", at, ["Ownership"])


def test_reminders_thirty_minutes_before_and_debriefs_at_the_end() -> None:
    day = on_day([sitting(1, 10), sitting(2, 11, 30), sitting(3, 14)], DAY, DAY)
    found = timings(day, DAY, TZ)
    assert [t.remind_at for t in found] == [local(DAY, 9, 30), local(DAY, 11, 0), local(DAY, 13, 30)]
    # an hour, unless the next interview starts sooner
    assert [t.debrief_at for t in found] == [local(DAY, 11, 0), local(DAY, 12, 30), local(DAY, 15, 0)]


def test_back_to_back_interviews_end_when_the_next_begins() -> None:
    found = timings(on_day([sitting(1, 10), sitting(2, 10, 45)], DAY, DAY), DAY, TZ)
    assert found[0].debrief_at == local(DAY, 10, 45)


def test_untimed_interviews_are_debriefed_in_the_evening_after_the_timed_ones() -> None:
    day = on_day([sitting(1, None), sitting(2, 17, 30)], DAY, DAY)
    found = timings(day, DAY, TZ)
    assert [s.interviewer for s in day] == ["I2", "I1"], "timed first, in calendar order"
    assert found[1].remind_at is None
    assert found[1].debrief_at == local(DAY, 18, 30), "after the last timed interview's end"
    assert timings([sitting(1, None)], DAY, TZ)[0].debrief_at == local(DAY, 18, 0)


def test_only_the_days_interviews() -> None:
    other = sitting(1, 10, day=date(2026, 12, 10))
    assert on_day([other, sitting(2, None)], DAY, DAY)[0].interviewer == "I2"


def test_the_morning_comes_early_for_an_early_interview_but_never_the_evening_before() -> None:
    assert morning_at(DAY, time(9, 0), TZ, []) == local(DAY, 9, 0)
    assert morning_at(DAY, time(9, 0), TZ, [sitting(1, 8, 30)]) == local(DAY, 7, 30)
    assert morning_at(DAY, time(9, 0), TZ, [sitting(1, 14)]) == local(DAY, 9, 0)
    assert morning_at(DAY, time(9, 0), TZ, [sitting(1, 0, 30)]) == local(DAY, 0, 0)
