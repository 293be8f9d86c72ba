"""The dashboard behind `/prep status` and App Home."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Answer, Candidate, Feedback, Prompt
from bot.plan import local_today, loop_principles
from bot.services.facts import Facts, load_facts
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
class AnswerSummary:
    topic: str
    question: str
    average: float | None
    ratings: int
    feedback: tuple[tuple[str, str], ...]  # (reviewer, text)


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
    recent: tuple[AnswerSummary, ...] = ()

    @property
    def without_story(self) -> list[str]:
        return [row.principle for row in self.progress if row.stories == 0]

    @property
    def without_answer(self) -> list[str]:
        return [row.principle for row in self.progress if row.answers == 0]


def progress(candidate: Candidate, facts: Facts) -> tuple[PrincipleProgress, ...]:
    """Each principle of the loop: answers, average peer rating, stories tagged with it."""
    return tuple(
        PrincipleProgress(
            p, facts.answers.get(p, 0), facts.average(p), sum(p in s.principles for s in facts.stories)
        )
        for p in loop_principles(candidate.interviews)
    )


def recent_answers(session: Session, candidate_id: int, limit: int = 3) -> tuple[AnswerSummary, ...]:
    """The latest answers with their ratings and the reviewers' feedback."""
    latest = session.execute(
        select(Answer, Prompt.question_text)
        .join(Prompt, Prompt.id == Answer.prompt_id)
        .where(Answer.candidate_id == candidate_id)
        .order_by(Answer.answered_at.desc(), Answer.id.desc())
        .limit(limit)
    ).all()
    summaries = []
    for answer, question in latest:
        scores = [rating.score for rating in answer.ratings]
        notes = session.scalars(
            select(Feedback).where(Feedback.answer_id == answer.id).order_by(Feedback.created_at, Feedback.id)
        )
        summaries.append(
            AnswerSummary(
                topic=answer.principle or answer.focus or "Practice",
                question=question or "",
                average=sum(scores) / len(scores) if scores else None,
                ratings=len(scores),
                feedback=tuple((note.reviewer_user_id, note.text) for note in notes),
            )
        )
    return tuple(summaries)


def dashboard(session: Session, candidate: Candidate, *, now: datetime) -> Dashboard:
    rows = numbered(candidate)
    today = local_today(now, candidate.tz)
    ahead = [row for row in rows if row.day is not None and row.day >= today]
    facts = load_facts(session, [candidate.id])[candidate.id]
    return Dashboard(
        user_id=candidate.user_id,
        loop=loop_view(candidate, now=now),
        interviews=tuple(rows),
        next_interview=ahead[0] if ahead else None,
        reviewers=reviewer_ids(candidate),
        prompt_time=candidate.prompt_time,
        tz=candidate.tz,
        progress=progress(candidate, facts),
        recent=recent_answers(session, candidate.id),
    )
