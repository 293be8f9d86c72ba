"""Dates, times, mentions and positions: parsed, or refused with how to write them."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.parsing import InputError, parse_date, parse_mentions, parse_position, parse_time


def test_dates() -> None:
    assert parse_date("2026-12-16") == date(2026, 12, 16)
    assert parse_date(" 2026-1-5 ") == date(2026, 1, 5)


@pytest.mark.parametrize("text", ["2026-13-45", "2026-02-30", "2026-00-10"])
def test_impossible_dates_are_named(text: str) -> None:
    with pytest.raises(InputError, match=f"{text} is not a date on the calendar.*YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize("text", ["next week", "16/12/2026", "20261216", ""])
def test_malformed_dates_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9)),
        ("7:30", time(7, 30)),
        ("23:59", time(23, 59)),
        ("9am", time(9)),
        ("6:15 pm", time(18, 15)),
        ("12am", time(0)),
        ("12pm", time(12)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "24:00", "12:60", "13pm", "9", "noon", ""])
def test_bad_times_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InputError, match="09:00"):
        parse_time(text)


def test_mentions_in_both_slack_forms() -> None:
    assert parse_mentions("<@U012AB3CD|maria>") == ["U012AB3CD"]
    assert parse_mentions("<@U012AB3CD>") == ["U012AB3CD"]
    assert parse_mentions("<@U012AB3CD|maria>, <@W0456EF78> <@U012AB3CD>") == ["U012AB3CD", "W0456EF78"]


@pytest.mark.parametrize("text", ["maria", "@maria", "", "<#C123|general>", "<@U012AB3CD> and bob"])
def test_non_mentions_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="not a mention"):
        parse_mentions(text)


def test_positions() -> None:
    assert parse_position("2", 3, "interview") == 2
    with pytest.raises(InputError, match="no interview 9: you have 2, numbered 1 to 2"):
        parse_position("9", 2, "interview")
    with pytest.raises(InputError, match="not a number"):
        parse_position("two", 2, "interview")
    with pytest.raises(InputError, match="no interviews"):
        parse_position("1", 0, "interview")
