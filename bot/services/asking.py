"""Choosing today's question for a candidate, from the data the rules need."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.prompt import QuestionPrompt, StoryHint
from bot.blocks.words import interview_when
from bot.focus import drilled
from bot.models import Answer, Candidate, Interview, Prompt, Question, Rating, Story
from bot.plan import at_local, countdown, interview_day, local_today, loop_principles, next_day_group
from bot.principles import PRINCIPLES
from bot.questions.bank import BANK
from bot.questions.selection import Option, choose_question, choose_topic, rotate
from bot.questions.spacing import Ask
from bot.services.interviews import numbered
from bot.services.schedule import DAILY

ASKED = ("pending", "sending", "sent")
QUESTION = "question"
STORIES_PER_PROMPT = 3


@dataclass(frozen=True)
class Choice:
    interview: Interview | None
    topic: str
    is_focus: bool
    option: Option


def topic_stats(session: Session, candidate_id: int) -> tuple[dict[str, int], dict[str, float]]:
    """Answers and average rating per topic (a principle, or a focus area for drills)."""
    answers: dict[str, int] = defaultdict(int)
    totals: dict[str, list[float]] = defaultdict(list)
    rows = session.execute(
        select(Answer.principle, Answer.focus, func.count(Answer.id))
        .where(Answer.candidate_id == candidate_id)
        .group_by(Answer.principle, Answer.focus)
    )
    for principle, focus, count in rows:
        answers[principle or focus or ""] += count
    scored = session.execute(
        select(Answer.principle, Answer.focus, Rating.score)
        .join(Rating, Rating.answer_id == Answer.id)
        .where(Answer.candidate_id == candidate_id)
    )
    for principle, focus, score in scored:
        totals[principle or focus or ""].append(score)
    return dict(answers), {topic: sum(s) / len(s) for topic, s in totals.items()}


def question_options(session: Session, candidate_id: int, topic: str, is_focus: bool) -> list[Option]:
    """The candidate's own and imported questions first (their recruiter's lists matter most), then the bank."""
    column = Question.focus if is_focus else Question.principle
    own = session.scalars(
        select(Question).where(Question.candidate_id == candidate_id, column == topic).order_by(Question.id)
    )
    options = [Option(key=f"own:{question.id}", text=question.text) for question in own]
    return options + [Option(key=q.key, text=q.text) for q in BANK.get(topic, ())]


def ask_history(session: Session, candidate_id: int, keys: list[str]) -> dict[str, list[Ask]]:
    """Every time each question was asked, with the peers' average rating of that prompt's answers."""
    asked = session.execute(
        select(Prompt.id, Prompt.question_key, Prompt.created_at).where(
            Prompt.candidate_id == candidate_id, Prompt.question_key.in_(keys), Prompt.status.in_(ASKED)
        )
    ).all()
    scores: dict[int, Any] = dict(
        session.execute(
            select(Answer.prompt_id, func.avg(Rating.score))
            .join(Rating, Rating.answer_id == Answer.id)
            .where(Answer.candidate_id == candidate_id)
            .group_by(Answer.prompt_id)
        ).all()
    )
    history: dict[str, list[Ask]] = defaultdict(list)
    for prompt_id, key, asked_at in asked:
        if key is None:
            continue
        score = scores.get(prompt_id)
        history[key].append(Ask(at=asked_at, score=float(score) if score is not None else None))
    return history


def turns_taken(session: Session, candidate_id: int, interview_ids: list[int]) -> int:
    return (
        session.scalar(
            select(func.count(Prompt.id)).where(
                Prompt.candidate_id == candidate_id,
                Prompt.slot == DAILY,
                Prompt.kind == QUESTION,
                Prompt.interview_id.in_(interview_ids),
            )
        )
        or 0
    )


def choose(session: Session, candidate: Candidate, day: date) -> Choice:
    """Next interview (same-day ones take turns), then its weakest principle, then FSRS."""
    answers, averages = topic_stats(session, candidate.id)
    group = next_day_group(candidate.interviews, candidate.loop_date, day)
    interview: Interview | None = None
    if group:
        chosen_id = rotate([i.id for i in group], turns_taken(session, candidate.id, [i.id for i in group]))
        interview = next(i for i in group if i.id == chosen_id)
        topic = choose_topic(interview.principles, drilled(interview.focus), answers, averages)
    else:
        topic = choose_topic(
            loop_principles(candidate.interviews) or list(PRINCIPLES), None, answers, averages
        )
    is_focus = topic not in PRINCIPLES
    options = question_options(session, candidate.id, topic, is_focus)
    loop_start = at_local(candidate.loop_date, time(0), candidate.tz) if candidate.loop_date else None
    option = choose_question(
        options, ask_history(session, candidate.id, [o.key for o in options]), not_after=loop_start
    )
    return Choice(interview=interview, topic=topic, is_focus=is_focus, option=option)


def stories_for(session: Session, candidate_id: int, principle: str) -> tuple[StoryHint, ...]:
    stories = session.scalars(
        select(Story).where(Story.candidate_id == candidate_id).order_by(Story.updated_at.desc(), Story.id)
    )
    tagged = [s for s in stories if principle in s.principles][:STORIES_PER_PROMPT]
    return tuple(StoryHint(s.title, tuple(s.principles)) for s in tagged)


def compose_question(
    session: Session, candidate: Candidate, choice: Choice, *, now: datetime, extra: bool = False
) -> QuestionPrompt:
    today = local_today(now, candidate.tz)
    number, when = None, None
    if choice.interview is not None:
        row = next(r for r in numbered(candidate) if r.id == choice.interview.id)
        number = row.number
        when = interview_when(
            interview_day(choice.interview, candidate.loop_date),
            choice.interview.scheduled_at,
            row.on_loop_day,
        )
    return QuestionPrompt(
        topic=choice.topic,
        is_focus=choice.is_focus,
        question=choice.option.text,
        interviewer=choice.interview.interviewer if choice.interview else None,
        interview_number=number,
        interview_when=when,
        countdown=countdown(candidate.loop_date, today),
        stories=() if choice.is_focus else stories_for(session, candidate.id, choice.topic),
        extra=extra,
    )
