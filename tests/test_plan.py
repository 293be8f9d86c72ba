"""Countdown, the calendar of interviews, and when the next question is due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from bot.plan import (
    at_local,
    countdown,
    in_calendar_order,
    local_today,
    loop_principles,
    next_day_group,
    next_prompt_at,
    upcoming,
)


@dataclass
class FakeInterview:
    position: int
    interviewer: str
    principles: list[str] = field(default_factory=list)
    scheduled_at: datetime | None = None
    focus: str | None = None


def test_countdown_words() -> None:
    today = date(2026, 12, 1)
    assert countdown(date(2026, 12, 16), today) == "15 days to your loop"
    assert countdown(date(2026, 12, 2), today) == "1 day to your loop"
    assert countdown(today, today) == "Your loop is today"
    assert countdown(date(2026, 11, 30), today) == "Your loop was on Monday 30 November 2026"
    assert countdown(None, today) == "No loop date yet"


def test_local_today_follows_the_zone() -> None:
    late_in_utc = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    assert local_today(late_in_utc, "America/Los_Angeles") == date(2026, 12, 1)
    assert local_today(late_in_utc, "Asia/Tokyo") == date(2026, 12, 2)
    assert local_today(late_in_utc, None) == date(2026, 12, 2)
    assert local_today(late_in_utc, "Not/AZone") == date(2026, 12, 2)


def test_interviews_in_calendar_order_and_the_next_day_group() -> None:
    loop = date(2026, 12, 16)
    a = FakeInterview(1, "Natesh")
    b = FakeInterview(2, "John")
    early = FakeInterview(3, "Culture", scheduled_at=datetime(2026, 12, 10, 15, 0))
    gone = FakeInterview(4, "Past", scheduled_at=datetime(2026, 11, 20, 9, 0))
    ordered = in_calendar_order([a, b, early, gone], loop)
    assert [i.interviewer for i in ordered] == ["Past", "Culture", "Natesh", "John"]
    today = date(2026, 12, 1)
    assert [i.interviewer for i in upcoming([a, b, early, gone], loop, today)] == [
        "Culture",
        "Natesh",
        "John",
    ]
    assert [i.interviewer for i in next_day_group([a, b, early, gone], loop, today)] == ["Culture"]
    assert [i.interviewer for i in next_day_group([a, b, early], loop, date(2026, 12, 11))] == [
        "Natesh",
        "John",
    ]


def test_loop_principles_once_in_order() -> None:
    interviews = [
        FakeInterview(2, "B", ["Dive Deep", "Ownership"]),
        FakeInterview(1, "A", ["Ownership", "Think Big"]),
    ]
    assert loop_principles(interviews) == ["Ownership", "Think Big", "Dive Deep"]


def test_next_prompt_today_while_ahead_else_tomorrow() -> None:
    tz = "America/New_York"
    morning = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # 07:00 in New York
    assert next_prompt_at(now=morning, tz=tz, prompt_time=time(9), sent_today=False) == datetime(
        2026, 12, 1, 14, 0, tzinfo=UTC
    )
    assert next_prompt_at(now=morning, tz=tz, prompt_time=time(9), sent_today=True) == datetime(
        2026, 12, 2, 14, 0, tzinfo=UTC
    )
    afternoon = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
    assert next_prompt_at(now=afternoon, tz=tz, prompt_time=time(9), sent_today=False) == datetime(
        2026, 12, 2, 14, 0, tzinfo=UTC
    )


def test_prompt_instants_follow_daylight_saving() -> None:
    tz = "America/New_York"
    # 09:00 local is 14:00 UTC in winter and 13:00 UTC in summer.
    assert at_local(date(2027, 3, 13), time(9), tz) == datetime(2027, 3, 13, 14, 0, tzinfo=UTC)
    assert at_local(date(2027, 3, 14), time(9), tz) == datetime(2027, 3, 14, 13, 0, tzinfo=UTC)
    # A time that does not exist on the spring-forward night moves forward an hour.
    assert at_local(date(2027, 3, 14), time(2, 30), tz) == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)
    night_before = datetime(2027, 3, 14, 4, 0, tzinfo=UTC)
    assert next_prompt_at(now=night_before, tz=tz, prompt_time=time(9), sent_today=False) == datetime(
        2027, 3, 14, 13, 0, tzinfo=UTC
    )
