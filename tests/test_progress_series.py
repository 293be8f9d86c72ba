"""Readiness per principle per day, as the data stood that day; and the chart drawn from it. Pure."""

from __future__ import annotations

import struct
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from bot.chart import render_chart
from bot.principles import PRINCIPLES
from bot.progress import MAX_DAYS, PastAnswer, PastStory, RatingAt, end_of_day, readiness_series
from bot.readiness import Evidence, readiness

TZ = "America/New_York"
DAY1 = date(2026, 12, 1)


def at(day: int, hour: int) -> datetime:
    """Wall-clock hour in New York on December `day`, as a UTC instant (New York is UTC-5 then)."""
    return datetime(2026, 12, day, hour + 5, tzinfo=UTC)


def test_each_day_counts_only_what_existed_by_its_end() -> None:
    answer = PastAnswer("Dive Deep", at(3, 12), (RatingAt(5, at(5, 10)),), check_score=4)
    story = PastStory(("Dive Deep",), at(2, 8))
    series = readiness_series(
        ["Dive Deep"], [answer], [story], first_day=DAY1, now=at(6, 18), tz=TZ, loop_date=date(2026, 12, 16)
    )
    assert series.days == tuple(DAY1 + timedelta(days=n) for n in range(6))
    scores = series.scores["Dive Deep"]
    assert scores[0] == 0  # nothing yet
    assert scores[1] == 10  # one story: a fifth of the score, halved
    # Days 3 and 4: the answer counts by its check only (nobody had rated it yet) ...
    check_only = readiness(
        "Dive Deep", [Evidence(at(3, 12), None, 4)], 1, now=end_of_day(date(2026, 12, 3), TZ)
    )
    assert scores[2] == check_only.score
    # ... day 5: with the reviewer's 5/5, which lifts it.
    rated = readiness("Dive Deep", [Evidence(at(3, 12), 5.0, 4)], 1, now=end_of_day(date(2026, 12, 5), TZ))
    assert scores[4] == rated.score > scores[3]
    # Today is judged now, not at midnight.
    assert scores[5] == readiness("Dive Deep", [Evidence(at(3, 12), 5.0, 4)], 1, now=at(6, 18)).score


def test_without_new_answers_a_line_sinks_as_its_answers_age() -> None:
    answer = PastAnswer("Ownership", at(1, 12), (RatingAt(5, at(1, 13)),), check_score=5)
    series = readiness_series(["Ownership"], [answer], [], first_day=DAY1, now=at(20, 12), tz=TZ)
    scores = series.scores["Ownership"]
    assert all(later <= earlier for earlier, later in pairwise(scores))
    assert scores[0] > scores[-1] > 0


def test_weak_principles_and_how_far_each_moved() -> None:
    answers = [
        PastAnswer("Earn Trust", at(1, 12), (RatingAt(1, at(1, 14)),), check_score=2),
        PastAnswer("Dive Deep", at(2, 12), (RatingAt(5, at(2, 14)),), check_score=5),
    ]
    series = readiness_series(
        ["Earn Trust", "Dive Deep", "Frugality"], answers, [], first_day=DAY1, now=at(4, 12), tz=TZ
    )
    assert series.weak == ["Earn Trust", "Frugality"]  # rated 1; never practised
    assert series.change("Dive Deep", since=DAY1) == series.scores["Dive Deep"][-1]
    assert series.change("Frugality", since=DAY1) == 0


def test_a_long_prep_shows_its_latest_days_and_a_new_one_its_first() -> None:
    long = readiness_series(["Ownership"], [], [], first_day=date(2026, 1, 1), now=at(10, 12), tz=TZ)
    assert len(long.days) == MAX_DAYS and long.days[-1] == date(2026, 12, 10)
    new = readiness_series(["Ownership"], [], [], first_day=date(2026, 12, 10), now=at(10, 12), tz=TZ)
    assert new.days == (date(2026, 12, 10),)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_chart_is_a_png_of_sensible_size_for_any_prep() -> None:
    answers = [
        PastAnswer(p, at(1 + n % 9, 12), (RatingAt(1 + n % 5, at(1 + n % 9, 15)),), 1 + n % 5)
        for n, p in enumerate(PRINCIPLES)
    ]
    cases = [
        readiness_series(
            PRINCIPLES, answers, [], first_day=DAY1, now=at(10, 12), tz=TZ, loop_date=date(2026, 12, 16)
        ),
        readiness_series(["Ownership"], [], [], first_day=date(2026, 12, 10), now=at(10, 12), tz=TZ),
        # A loop already behind: the marker sits inside the days.
        readiness_series(["Ownership"], answers, [], first_day=DAY1, now=at(10, 12), tz=TZ, loop_date=DAY1),
    ]
    for series in cases:
        png = render_chart(series, title="Readiness per principle", subtitle="a subtitle")
        assert png_size(png) == (1200, 600)
        assert 10_000 < len(png) < 400_000
