"""What `/prep progress` draws: the history of a candidate's prep read from the database, and the
chart it becomes, remembered so App Home can show it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Answer, Candidate, Rating, Story
from bot.plan import countdown, local_today, loop_principles, short_date
from bot.progress import PastAnswer, PastStory, RatingAt, Series, readiness_series
from bot.services.facts import with_interviews


@dataclass(frozen=True)
class ChartPlan:
    series: Series
    title: str
    subtitle: str
    summary: str  # one line for the DM and the image's alt text

    @property
    def weak_lines(self) -> list[str]:
        return [f"{p} ({self.series.scores[p][-1]})" for p in self.series.weak]


def past_answers(session: Session, candidate_id: int) -> list[PastAnswer]:
    ratings: dict[int, list[RatingAt]] = defaultdict(list)
    for answer_id, score, at in session.execute(
        select(Rating.answer_id, Rating.score, Rating.rated_at)
        .join(Answer, Answer.id == Rating.answer_id)
        .where(Answer.candidate_id == candidate_id)
    ):
        ratings[answer_id].append(RatingAt(score, at))
    return [
        PastAnswer(principle, answered_at, tuple(ratings.get(answer_id, ())), check_score, tuple(findings or ()))
        for answer_id, principle, answered_at, check_score, findings in session.execute(
            select(Answer.id, Answer.principle, Answer.answered_at, Answer.check_score, Answer.check_findings)
            .where(Answer.candidate_id == candidate_id)
            .order_by(Answer.answered_at, Answer.id)
        )
    ]


def past_stories(session: Session, candidate_id: int) -> list[PastStory]:
    return [
        PastStory(tuple(principles), created_at)
        for principles, created_at in session.execute(
            select(Story.principles, Story.created_at).where(Story.candidate_id == candidate_id)
        )
    ]


def chart_plan(session: Session, candidate: Candidate, *, now: datetime) -> ChartPlan | None:
    """None when the loop has no principles yet: there is nothing to chart."""
    with_interviews(session, [candidate.id])
    principles = loop_principles(candidate.interviews)
    if not principles:
        return None
    answers = past_answers(session, candidate.id)
    first = min([candidate.created_at, *(a.answered_at for a in answers)])
    series = readiness_series(
        principles,
        answers,
        past_stories(session, candidate.id),
        first_day=local_today(first, candidate.tz),
        now=now,
        tz=candidate.tz,
        loop_date=candidate.loop_date,
    )
    today = local_today(now, candidate.tz)
    weak = series.weak
    state = f"{len(weak)} of {len(principles)} need work (in red)" if weak else "every principle is on its way"
    subtitle = f"{countdown(candidate.loop_date, today)} · as of {short_date(today)} · {state}"
    scores = ", ".join(f"{p} {series.scores[p][-1]}" for p in principles)
    summary = (
        f"Readiness per principle from {short_date(series.days[0])} to {short_date(today)}: {scores}."
        + (f" Needs work: {', '.join(weak)}." if weak else "")
    )
    return ChartPlan(series, "Readiness per principle", subtitle, summary)


def remember_chart(session: Session, candidate: Candidate, file_id: str, *, now: datetime) -> None:
    candidate.chart_file_id, candidate.chart_made_at = file_id[:32], now
    session.flush()
