"""Readiness per principle over the days of the prep, as it stood each day. Pure.

Each day's value is bot.readiness computed at the end of that local day (or now, for today) from
only what existed by then: the answers given, the ratings given (a changed rating counts from when
it last changed: the old score is not kept), the answer check's stored verdicts, and the stories
written. So a line rises when an answer or a rating comes in and sinks slowly as answers age,
exactly as the dashboard would have shown that evening.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from bot.plan import at_local, local_today
from bot.readiness import Evidence, Level, Readiness, readiness

MAX_DAYS = 120  # a longer prep shows its latest four months


@dataclass(frozen=True)
class RatingAt:
    score: int
    at: datetime


@dataclass(frozen=True)
class PastAnswer:
    principle: str | None
    answered_at: datetime
    ratings: tuple[RatingAt, ...] = ()
    check_score: int | None = None
    findings: tuple[str, ...] = ()

    def as_of(self, cut: datetime) -> Evidence:
        given = [r.score for r in self.ratings if r.at < cut]
        average = sum(given) / len(given) if given else None
        return Evidence(self.answered_at, average, self.check_score, self.findings)


@dataclass(frozen=True)
class PastStory:
    principles: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class Series:
    """One score per principle per day, `days` oldest first; the loop date may lie beyond them."""

    days: tuple[date, ...]
    scores: dict[str, tuple[int, ...]]
    latest: dict[str, Readiness] = field(default_factory=dict)
    loop_date: date | None = None

    @property
    def principles(self) -> list[str]:
        return list(self.scores)

    @property
    def weak(self) -> list[str]:
        """Principles whose latest readiness is weak or not practised: the chart highlights them."""
        return [p for p, r in self.latest.items() if r.level in (Level.WEAK, Level.NOT_STARTED)]

    def change(self, principle: str, since: date) -> int:
        """How far a principle's score moved from the end of `since` to the latest day."""
        values = self.scores[principle]
        earlier = [v for d, v in zip(self.days, values, strict=True) if d <= since]
        return values[-1] - (earlier[-1] if earlier else 0)


def end_of_day(day: date, tz: str | None) -> datetime:
    return at_local(day + timedelta(days=1), time(0, 0), tz)


def readiness_on(
    principle: str,
    answers: Sequence[PastAnswer],
    stories: Sequence[PastStory],
    cut: datetime,
) -> Readiness:
    """A principle's readiness from what existed before `cut`, judged at `cut`."""
    evidence = [a.as_of(cut) for a in answers if a.principle == principle and a.answered_at < cut]
    written = sum(1 for s in stories if principle in s.principles and s.created_at < cut)
    return readiness(principle, evidence, written, now=cut)


def readiness_series(
    principles: Sequence[str],
    answers: Sequence[PastAnswer],
    stories: Sequence[PastStory],
    *,
    first_day: date,
    now: datetime,
    tz: str | None,
    loop_date: date | None = None,
) -> Series:
    """Every day from `first_day` to today (local), at most MAX_DAYS of them, the last ending now."""
    today = local_today(now, tz)
    start = max(min(first_day, today), today - timedelta(days=MAX_DAYS - 1))
    days = tuple(start + timedelta(days=n) for n in range((today - start).days + 1))
    cuts = [min(end_of_day(day, tz), now) for day in days]
    scores: dict[str, tuple[int, ...]] = {}
    latest: dict[str, Readiness] = {}
    for principle in dict.fromkeys(principles):
        values = [readiness_on(principle, answers, stories, cut) for cut in cuts]
        scores[principle] = tuple(v.score for v in values)
        latest[principle] = values[-1]
    return Series(days=days, scores=scores, latest=latest, loop_date=loop_date)
