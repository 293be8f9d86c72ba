"""The dashboard behind `/prep status` and App Home."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.models import Answer, Candidate, Rating, Story
from bot.plan import local_today, loop_principles
from bot.services.interviews import InterviewRow, numbered
from bot.services.loop import LoopView, loop_view
from bot.services.reviewers import reviewer_ids


@dataclass(frozen=True)
class PrincipleProgress:
    principle: str
    answers: int
    average: float | None
    stories: int


@dataclass(frozen=True)
class Dashboard:
    user_id: str
    loop: LoopView
    interviews: tuple[InterviewRow, ...]
    next_interview: InterviewRow | None
    reviewers: tuple[str, ...]
    prompt_time: time
    tz: str | None
    progress: tuple[PrincipleProgress, ...]

    @property
    def without_story(self) -> list[str]:
        return [row.principle for row in self.progress if row.stories == 0]

    @property
    def without_answer(self) -> list[str]:
        return [row.principle for row in self.progress if row.answers == 0]


def answer_counts(session: Session, candidate_id: int) -> dict[str, int]:
    rows = session.execute(
        select(Answer.principle, func.count(Answer.id))
        .where(Answer.candidate_id == candidate_id)
        .group_by(Answer.principle)
    )
    return {principle: count for principle, count in rows if principle}


def rating_averages(session: Session, candidate_id: int) -> dict[str, float]:
    rows = session.execute(
        select(Answer.principle, func.avg(Rating.score))
        .join(Rating, Rating.answer_id == Answer.id)
        .where(Answer.candidate_id == candidate_id)
        .group_by(Answer.principle)
    )
    return {principle: float(average) for principle, average in rows if principle and average is not None}


def story_counts(session: Session, candidate_id: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    for principles in session.scalars(select(Story.principles).where(Story.candidate_id == candidate_id)):
        counts.update(set(principles))
    return counts


def dashboard(session: Session, candidate: Candidate, *, now: datetime) -> Dashboard:
    rows = numbered(candidate)
    today = local_today(now, candidate.tz)
    ahead = [row for row in rows if row.day is not None and row.day >= today]
    answers, averages = answer_counts(session, candidate.id), rating_averages(session, candidate.id)
    stories = story_counts(session, candidate.id)
    progress = tuple(
        PrincipleProgress(p, answers.get(p, 0), averages.get(p), stories.get(p, 0))
        for p in loop_principles(candidate.interviews)
    )
    return Dashboard(
        user_id=candidate.user_id,
        loop=loop_view(candidate, now=now),
        interviews=tuple(rows),
        next_interview=ahead[0] if ahead else None,
        reviewers=reviewer_ids(candidate),
        prompt_time=candidate.prompt_time,
        tz=candidate.tz,
        progress=progress,
    )
