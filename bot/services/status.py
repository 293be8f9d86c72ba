"""The dashboard behind `/prep status` and App Home: readiness per principle, second tries, feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Candidate, Feedback, Prompt
from bot.plan import local_today, loop_principles
from bot.readiness import Level
from bot.services.facts import AnswerFact, Facts, load_facts
from bot.services.interviews import InterviewRow, numbered
from bot.services.loop import LoopView, loop_view
from bot.services.reviewers import reviewer_ids

RECENT_ANSWERS = 3
RECENT_FEEDBACK = 5
RECENT_REDOS = 5


@dataclass(frozen=True)
class PrincipleProgress:
    principle: str
    answers: int
    average: float | None
    stories: int
    readiness: int = 0
    level: Level = Level.NOT_STARTED
    latest_weak: bool = False


@dataclass(frozen=True)
class AnswerSummary:
    topic: str
    question: str
    average: float | None
    ratings: int
    check_score: int | None = None
    follow_up: str | None = None  # the interviewer's follow-up question
    follow_up_score: int | None = None  # its reply's brief check; None while unanswered


@dataclass(frozen=True)
class Verdict:
    rating: float | None
    check_score: int | None


@dataclass(frozen=True)
class RedoResult:
    """A second try at a question: how the weak answer was judged, and how the new one is."""

    topic: str
    question: str
    before: Verdict
    after: Verdict | None  # None until the second try is answered


@dataclass(frozen=True)
class FeedbackNote:
    topic: str
    reviewer: str
    text: str


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
    redos: tuple[RedoResult, ...] = ()
    feedback: tuple[FeedbackNote, ...] = ()
    role: str | None = None

    @property
    def without_story(self) -> list[str]:
        return [row.principle for row in self.progress if row.stories == 0]

    @property
    def without_answer(self) -> list[str]:
        return [row.principle for row in self.progress if row.answers == 0]

    @property
    def weak(self) -> list[str]:
        return [row.principle for row in self.progress if row.level == Level.WEAK]


def progress(candidate: Candidate, facts: Facts, *, now: datetime) -> tuple[PrincipleProgress, ...]:
    """Each principle of the loop: answers, average peer rating, stories, readiness."""
    rows = []
    for p in loop_principles(candidate.interviews):
        ready = facts.readiness(p, now=now)
        rows.append(
            PrincipleProgress(
                p, ready.answers, facts.average(p), ready.stories, ready.score, ready.level, ready.latest_weak
            )
        )
    return tuple(rows)


def verdict(answer: AnswerFact) -> Verdict:
    return Verdict(answer.rating, answer.check_score)


def redo_results(facts: Facts, limit: int = RECENT_REDOS) -> tuple[RedoResult, ...]:
    """The latest second tries, newest first: the original's latest answer against the redo's."""
    latest: dict[int, AnswerFact] = {}
    for answer in facts.answer_facts:  # oldest first: the last one per prompt wins
        latest[answer.prompt_id] = answer
    results = []
    for prompt in reversed(facts.prompts):
        before = latest.get(prompt.redo_of) if prompt.redo_of else None
        if before is None or prompt.status != "sent":
            continue
        after = latest.get(prompt.id)
        results.append(
            RedoResult(
                prompt.topic or "Practice",
                prompt.question_text or "",
                verdict(before),
                verdict(after) if after else None,
            )
        )
        if len(results) == limit:
            break
    return tuple(results)


def recent_answers(
    facts: Facts, questions: dict[int, str], limit: int = RECENT_ANSWERS
) -> tuple[AnswerSummary, ...]:
    latest = sorted(facts.answer_facts, key=lambda a: (a.answered_at, a.id), reverse=True)[:limit]
    return tuple(
        AnswerSummary(
            a.topic or "Practice",
            questions.get(a.prompt_id, ""),
            a.rating,
            len(a.ratings),
            a.check_score,
            a.follow_up.question if a.follow_up else None,
            a.follow_up.score if a.follow_up else None,
        )
        for a in latest
    )


def feedback_notes(
    session: Session, candidate_id: int, limit: int = RECENT_FEEDBACK
) -> tuple[FeedbackNote, ...]:
    """The reviewers' latest written feedback, newest first, with the topic it was about."""
    rows = session.execute(
        select(Feedback.reviewer_user_id, Feedback.text, Prompt.principle, Prompt.focus)
        .join(Prompt, Prompt.id == Feedback.prompt_id)
        .where(Prompt.candidate_id == candidate_id)
        .order_by(Feedback.created_at.desc(), Feedback.id.desc())
        .limit(limit)
    ).all()
    return tuple(
        FeedbackNote(principle or focus or "Practice", reviewer, text)
        for reviewer, text, principle, focus in rows
    )


def dashboard(session: Session, candidate: Candidate, *, now: datetime) -> Dashboard:
    rows = numbered(candidate)
    today = local_today(now, candidate.tz)
    ahead = [row for row in rows if row.day is not None and row.day >= today]
    facts = load_facts(session, [candidate.id])[candidate.id]
    answered_prompts = {a.prompt_id for a in facts.answer_facts}
    questions = {p.id: p.question_text or "" for p in facts.prompts if p.id in answered_prompts}
    return Dashboard(
        user_id=candidate.user_id,
        loop=loop_view(candidate, now=now),
        interviews=tuple(rows),
        next_interview=ahead[0] if ahead else None,
        reviewers=reviewer_ids(candidate),
        prompt_time=candidate.prompt_time,
        tz=candidate.tz,
        progress=progress(candidate, facts, now=now),
        recent=recent_answers(facts, questions),
        redos=redo_results(facts),
        feedback=feedback_notes(session, candidate.id),
        role=candidate.role,
    )
