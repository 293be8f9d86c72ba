"""Weekdays as people type them, and the rhythm they set (pause, pause until, days off). Pure."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.commands import Pause, SetDays, SetDigest, ShowDays, parse_command
from bot.parsing import InputError
from bot.rhythm import Rhythm
from bot.weekdays import ALL_DAYS, describe, from_mask, parse_days, parse_weekday, to_mask

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("Mon - Fri", {0, 1, 2, 3, 4}),
        ("monday to friday", {0, 1, 2, 3, 4}),
        ("weekdays", {0, 1, 2, 3, 4}),
        ("weekends", {5, 6}),
        ("all", set(range(7))),
        ("mon,wed,fri", {0, 2, 4}),
        ("mon wed & fri", {0, 2, 4}),
        ("tues and thurs", {1, 3}),
        ("tu th", {1, 3}),
        ("sundays", {6}),
        ("fri-mon", {4, 5, 6, 0}),
        ("sat-sun, wed", {2, 5, 6}),
    ],
)
def test_days_read_as_people_write_them(typed: str, days: set[int]) -> None:
    assert parse_days(typed) == frozenset(days)


@pytest.mark.parametrize("typed", ["funday", "mon-funday", "s", "t-f", "mon--fri", ""])
def test_a_day_that_is_not_one_is_refused_with_the_way_to_write_it(typed: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_days(typed)
    assert "mon-fri" in str(refused.value) or "Say which days" in str(refused.value)


def test_no_days_at_all_points_to_pause() -> None:
    with pytest.raises(InputError, match="/prep pause"):
        parse_days("none")


@given(st.sets(st.integers(0, 6), min_size=1))
def test_a_mask_keeps_the_days_and_the_description_reads_back(days: set[int]) -> None:
    assert from_mask(to_mask(days)) == frozenset(days)
    described = describe(days)
    if " to " in described:
        assert parse_days(described.replace(" to ", "-")) == frozenset(days)
    elif described not in ("every day", "weekends"):
        assert parse_days(described) == frozenset(days)


def test_descriptions() -> None:
    assert describe(range(5)) == "Monday to Friday"
    assert describe(ALL_DAYS) == "every day"
    assert describe({0, 2, 4}) == "Mon, Wed, Fri"
    assert parse_weekday("Thursday") == 3


def test_the_commands() -> None:
    assert parse_command("pause") == Pause(None)
    assert parse_command("pause until 2026-12-20") == Pause(date(2026, 12, 20))
    assert parse_command("days") == ShowDays()
    assert parse_command("days mon-fri") == SetDays(frozenset(range(5)))
    assert parse_command("digest sun") == SetDigest(6)
    assert parse_command("digest off") == SetDigest(None)
    for bad in (
        "pause until",
        "pause until 2026-02-30",
        "pause until someday",
        "days funday",
        "digest someday",
    ):
        with pytest.raises(InputError):
            parse_command(bad)


def test_a_pause_with_an_end_ends_that_morning() -> None:
    rhythm = Rhythm(paused=True, paused_until=date(2026, 12, 4))
    assert [rhythm.paused_on(date(2026, 12, d)) for d in (1, 3, 4, 5)] == [True, True, False, False]
    assert rhythm.next_practice_day(TUESDAY, date(2026, 12, 16)) == date(2026, 12, 4)
    assert Rhythm(paused=True).next_practice_day(TUESDAY, None) is None


def test_days_off_rest_before_the_loop_but_not_on_the_loop_day() -> None:
    weekdays = Rhythm(days=frozenset(range(5)))
    saturday, sunday = date(2026, 12, 5), date(2026, 12, 6)
    assert weekdays.rests_on(saturday, loop_date=date(2026, 12, 16))
    assert not weekdays.rests_on(saturday, loop_date=saturday)  # the loop-day kit still comes
    assert not weekdays.rests_on(sunday, loop_date=saturday)  # and the wrap-up the day after
    assert weekdays.next_practice_day(saturday, date(2026, 12, 16)) == date(2026, 12, 7)
    assert not weekdays.practises_on(sunday)
