"""The digest's content and the nudges' timing and conditions, as pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.blocks.digest import digest_message
from bot.digest import Unrated, WeekAnswer, waiting_for, weekly_digest
from bot.nudges import (
    evening_nudge_at,
    evening_nudge_wanted,
    rating_nudge_at,
    rating_nudge_wanted,
)
from bot.progress import PastAnswer, RatingAt, readiness_series
from tests.support.factories import local

NY = "America/New_York"
MONDAY = date(2026, 12, 7)


def ny(day: int, hour: int, minute: int = 0) -> datetime:
    return local(date(2026, 12, day), hour, minute)


def test_the_evening_nudge_is_at_six_or_four_hours_after_the_question_never_late() -> None:
    assert evening_nudge_at(date(2026, 12, 1), ny(1, 9), NY) == ny(1, 18)
    assert evening_nudge_at(date(2026, 12, 1), ny(1, 15, 30), NY) == ny(1, 19, 30)
    assert evening_nudge_at(date(2026, 12, 1), ny(1, 17), NY) == ny(1, 21)
    assert evening_nudge_at(date(2026, 12, 1), ny(1, 17, 1), NY) is None  # would be past 21:00


def test_the_rating_nudge_waits_a_day_and_never_comes_at_night() -> None:
    assert rating_nudge_at(ny(1, 12), NY) == ny(2, 12)
    assert rating_nudge_at(ny(1, 22, 30), NY) == ny(3, 9)
    assert rating_nudge_at(ny(1, 6), NY) == ny(2, 9)


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)))
def test_a_rating_nudge_is_always_a_day_or_more_later_and_in_the_daytime(answered: datetime) -> None:
    due = rating_nudge_at(answered, "Asia/Kolkata")
    assert due >= answered + timedelta(hours=24)
    assert due - answered < timedelta(hours=36)
    assert time(9) <= due.astimezone(ZoneInfo("Asia/Kolkata")).time() < time(21)


def test_when_a_nudge_is_still_wanted() -> None:
    noon, night = ny(1, 12), ny(1, 22)
    assert evening_nudge_wanted(asked=True, answered=False, practising=True, now=noon, tz=NY)
    assert not evening_nudge_wanted(asked=True, answered=True, practising=True, now=noon, tz=NY)
    assert not evening_nudge_wanted(asked=False, answered=False, practising=True, now=noon, tz=NY)
    assert not evening_nudge_wanted(asked=True, answered=False, practising=False, now=noon, tz=NY)
    assert not evening_nudge_wanted(asked=True, answered=False, practising=True, now=night, tz=NY)
    wanted = {"answer_kept": True, "ratings": 0, "reviewers": 2, "practising": True, "now": noon, "tz": NY}
    assert rating_nudge_wanted(**wanted)
    for change in (
        {"ratings": 1},
        {"answer_kept": False},
        {"reviewers": 0},
        {"practising": False},
        {"now": night},
    ):
        assert not rating_nudge_wanted(**{**wanted, **change})


def week_answer(day: date, topic: str, *ratings: int) -> WeekAnswer:
    return WeekAnswer(topic, f"A question on {topic}", local(day, 12), tuple(ratings))


def test_the_digest_counts_the_seven_days_before_its_morning() -> None:
    answers = [
        week_answer(date(2026, 11, 22), "Ownership", 1),  # two weeks back: in neither week
        week_answer(date(2026, 11, 25), "Ownership", 2, 3),  # the week before
        week_answer(date(2026, 11, 30), "Dive Deep", 4),
        week_answer(date(2026, 12, 2), "Dive Deep", 5, 4),
        week_answer(date(2026, 12, 6), "Earn Trust"),
        week_answer(date(2026, 12, 7), "Earn Trust", 5),  # the digest's own day: next week's
    ]
    history = [
        PastAnswer(a.topic, a.answered_at, tuple(RatingAt(r, a.answered_at) for r in a.ratings))
        for a in answers
    ]
    series = readiness_series(
        ["Dive Deep", "Earn Trust", "Ownership"],
        history,
        [],
        first_day=date(2026, 11, 20),
        now=ny(7, 9),
        tz=NY,
    )
    digest = weekly_digest(answers, series, day=MONDAY, tz=NY, practise_next=["Ownership", "Earn Trust"])
    assert (digest.first_day, digest.last_day) == (date(2026, 11, 30), date(2026, 12, 6))
    assert digest.answers == 3
    assert digest.by_topic == (("Dive Deep", 2), ("Earn Trust", 1))
    assert (round(digest.average or 0, 2), digest.ratings) == (4.33, 3)
    assert digest.last_week_average == 2.5
    assert digest.unrated == 1
    assert [i.principle for i in digest.improved] == ["Dive Deep", "Earn Trust"]  # not Ownership: only aged
    assert digest.improved[0].before < digest.improved[0].after

    text = digest_message(digest, "9 days to your loop", reviewers=False)["text"]
    assert "3 answers this week: Dive Deep 2, Earn Trust 1." in text
    assert "Average rating 4.3/5 from 3 ratings (the week before: 2.5/5)." in text
    assert "invite a reviewer" in text
    assert "Practise next: Ownership, Earn Trust." in text


def test_a_reviewer_waits_only_for_answers_since_they_joined_and_unrated_by_them() -> None:
    answers = [
        (Unrated(1, "Dive Deep", "Q1", ny(1, 12)), frozenset()),
        (Unrated(2, "Dive Deep", "Q2", ny(3, 12)), frozenset({"UMARIA"})),
        (Unrated(3, "Ownership", "Q3", ny(4, 12)), frozenset({"UBOB"})),
        (Unrated(4, "Ownership", "Q4", ny(5, 12)), frozenset()),
    ]
    assert [a.answer_id for a in waiting_for(answers, "UMARIA", since=ny(2, 0))] == [3, 4]
    assert [a.answer_id for a in waiting_for(answers, "UBOB", since=ny(1, 0))] == [1, 2, 4]
