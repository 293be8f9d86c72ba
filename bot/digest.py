"""The weekly digest: what a week of practice came to. Pure.

For the candidate: the answers given in the seven days before the digest's morning, their average
rating (and last week's), which principles' readiness rose, and what to practise next. For each
reviewer: the candidate's answers that reviewer has not rated yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.plan import local_today
from bot.progress import Series

WEEK = timedelta(days=7)
IMPROVED_BY = 5  # readiness points: less is noise
MAX_IMPROVED = 3
MAX_WAITING = 10


@dataclass(frozen=True)
class WeekAnswer:
    topic: str
    question: str
    answered_at: datetime
    ratings: tuple[int, ...] = ()


@dataclass(frozen=True)
class Improvement:
    principle: str
    before: int
    after: int


@dataclass(frozen=True)
class Digest:
    first_day: date
    last_day: date
    answers: int
    by_topic: tuple[tuple[str, int], ...]
    average: float | None  # of this week's answers' ratings
    ratings: int
    last_week_average: float | None
    unrated: int  # this week's answers nobody has rated yet
    improved: tuple[Improvement, ...]
    practise_next: tuple[str, ...]


def average(answers: Sequence[WeekAnswer]) -> tuple[float | None, int]:
    scores = [score for answer in answers for score in answer.ratings]
    return (sum(scores) / len(scores) if scores else None), len(scores)


def week_of(
    answers: Sequence[WeekAnswer], first_day: date, last_day: date, tz: str | None
) -> list[WeekAnswer]:
    return [a for a in answers if first_day <= local_today(a.answered_at, tz) <= last_day]


def weekly_digest(
    answers: Sequence[WeekAnswer],
    series: Series,
    *,
    day: date,
    tz: str | None,
    practise_next: Sequence[str],
) -> Digest:
    """The digest sent on the morning of `day`: the week is the seven days before it."""
    first_day, last_day = day - WEEK, day - timedelta(days=1)
    this_week = week_of(answers, first_day, last_day, tz)
    last_week = week_of(answers, first_day - WEEK, first_day - timedelta(days=1), tz)
    mean, count = average(this_week)
    improved = sorted(
        (
            Improvement(
                p,
                series.scores[p][-1] - series.change(p, first_day - timedelta(days=1)),
                series.scores[p][-1],
            )
            for p in series.principles
        ),
        key=lambda i: i.before - i.after,
    )
    return Digest(
        first_day=first_day,
        last_day=last_day,
        answers=len(this_week),
        by_topic=tuple(Counter(a.topic for a in this_week).most_common()),
        average=mean,
        ratings=count,
        last_week_average=average(last_week)[0],
        unrated=sum(1 for a in this_week if not a.ratings),
        improved=tuple(i for i in improved if i.after - i.before >= IMPROVED_BY)[:MAX_IMPROVED],
        practise_next=tuple(practise_next),
    )


@dataclass(frozen=True)
class Unrated:
    """An answer a reviewer has not rated: enough to find it in the prep conversation."""

    answer_id: int
    topic: str
    question: str
    answered_at: datetime


def waiting_for(
    answers: Sequence[tuple[Unrated, frozenset[str]]], reviewer: str, since: datetime
) -> list[Unrated]:
    """The answers `reviewer` has not rated (given the raters of each), oldest first, from when they
    became a reviewer: earlier answers sit in a conversation they were not part of."""
    found = [a for a, raters in answers if reviewer not in raters and a.answered_at >= since]
    return sorted(found, key=lambda a: (a.answered_at, a.answer_id))[:MAX_WAITING]
