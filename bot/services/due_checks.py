"""A follow-up row looked at again when it falls due, just before it is posted: still wanted? what
does it say now? where does it go? (Delivery calls `route` for every row it takes.)

- the candidate's digest: the week as it stands now, to the prep conversation;
- a reviewer's digest: the answers that reviewer has not rated, to their own DM; none, no message;
- the evening nudge: dropped if the question was answered (or was never sent), or on a pause;
- the rating nudge: dropped if the answer was rated or deleted, or no reviewers are left.
Nudges go to the conversation of their question, even if reviewers changed since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.digest import (
    digest_message,
    evening_nudge_message,
    rating_nudge_message,
    reviewer_digest_message,
)
from bot.digest import Unrated, WeekAnswer, waiting_for, weekly_digest
from bot.models import Answer, Candidate, Prompt, Rating, Reviewer
from bot.nudges import evening_nudge_wanted, rating_nudge_wanted
from bot.plan import countdown, local_today, loop_principles, short_date
from bot.progress import readiness_series
from bot.rhythm import Rhythm
from bot.services.asking import practise_next
from bot.services.digests_nudges import QUESTION, DigestOrNudge, reviewer_slot
from bot.services.facts import load_facts, with_interviews
from bot.services.progress_chart import past_answers, past_stories
from bot.services.schedule import DAILY


@dataclass(frozen=True)
class Route:
    drop: bool = False
    payload: dict[str, Any] | None = None  # the words, written now; None keeps the row's own
    channel: str | None = None  # a conversation of its own (a nudge: its question's)
    members: tuple[str, ...] | None = None  # open a conversation with these people instead


AS_PLANNED = Route()
DROP = Route(drop=True)


def route(session: Session, row: Prompt, candidate: Candidate, *, now: datetime) -> Route:
    match row.kind:
        case DigestOrNudge.DIGEST:
            return candidate_digest(session, candidate, now=now)
        case DigestOrNudge.REVIEWER_DIGEST:
            return reviewer_digest(session, row, candidate, now=now)
        case DigestOrNudge.EVENING_NUDGE:
            return evening_nudge(session, row, candidate, now=now)
        case DigestOrNudge.RATING_NUDGE:
            return rating_nudge(session, row, candidate, now=now)
    return AS_PLANNED


def candidate_digest(session: Session, candidate: Candidate, *, now: datetime) -> Route:
    today = local_today(now, candidate.tz)
    if Rhythm.of(candidate).paused_on(today):
        return DROP
    with_interviews(session, [candidate.id])
    facts = load_facts(session, [candidate.id])[candidate.id]
    questions = {p.id: p.question_text or "" for p in facts.prompts}
    answers = [
        WeekAnswer(a.topic or "Practice", questions.get(a.prompt_id, ""), a.answered_at, a.ratings)
        for a in facts.answer_facts
    ]
    series = readiness_series(
        loop_principles(candidate.interviews),
        past_answers(session, candidate.id),
        past_stories(session, candidate.id),
        first_day=local_today(candidate.created_at, candidate.tz),
        now=now,
        tz=candidate.tz,
    )
    coming = practise_next(candidate, facts, today, now=now) if candidate.interviews else []
    digest = weekly_digest(answers, series, day=today, tz=candidate.tz, practise_next=coming)
    message = digest_message(
        digest, countdown(candidate.loop_date, today), reviewers=bool(candidate.reviewers)
    )
    return Route(payload=message)


def reviewer_digest(session: Session, row: Prompt, candidate: Candidate, *, now: datetime) -> Route:
    reviewer = session.scalars(
        select(Reviewer).where(Reviewer.candidate_id == candidate.id).order_by(Reviewer.id)
    ).all()
    found = next((r for r in reviewer if reviewer_slot(r.user_id) == row.slot), None)
    if found is None or Rhythm.of(candidate).paused_on(local_today(now, candidate.tz)):
        return DROP  # no longer a reviewer
    raters: dict[int, set[str]] = {}
    for answer_id, user in session.execute(
        select(Rating.answer_id, Rating.reviewer_user_id)
        .join(Answer, Answer.id == Rating.answer_id)
        .where(Answer.candidate_id == candidate.id)
    ):
        raters.setdefault(answer_id, set()).add(user)
    answers = [
        (
            Unrated(answer_id, principle or focus or "Practice", question or "", at),
            frozenset(raters.get(answer_id, ())),
        )
        for answer_id, principle, focus, question, at in session.execute(
            select(Answer.id, Answer.principle, Answer.focus, Prompt.question_text, Answer.answered_at)
            .join(Prompt, Prompt.id == Answer.prompt_id)
            .where(Answer.candidate_id == candidate.id)
        )
    ]
    waiting = waiting_for(answers, found.user_id, since=found.added_at)
    if not waiting:
        return DROP
    message = reviewer_digest_message(candidate.user_id, waiting, candidate.tz)
    return Route(payload=message, members=(found.user_id,))


def answers_to(session: Session, prompt_id: int) -> int:
    return session.scalar(select(func.count(Answer.id)).where(Answer.prompt_id == prompt_id)) or 0


def ratings_of(session: Session, answer_id: int) -> int:
    return session.scalar(select(func.count(Rating.id)).where(Rating.answer_id == answer_id)) or 0


def evening_nudge(session: Session, row: Prompt, candidate: Candidate, *, now: datetime) -> Route:
    question = session.scalars(
        select(Prompt).where(
            Prompt.candidate_id == candidate.id, Prompt.local_date == row.local_date, Prompt.slot == DAILY
        )
    ).one_or_none()
    if question is None:
        return DROP
    asked = question.kind == QUESTION and question.status == "sent"
    answered = asked and answers_to(session, question.id) > 0
    practising = Rhythm.of(candidate).practises_on(row.local_date)
    if not evening_nudge_wanted(
        asked=asked, answered=answered, practising=practising, now=now, tz=candidate.tz
    ):
        return DROP
    topic = question.principle or question.focus or "practice"
    return Route(payload=evening_nudge_message(candidate.user_id, topic), channel=question.channel_id)


def rating_nudge(session: Session, row: Prompt, candidate: Candidate, *, now: datetime) -> Route:
    answer = session.get(Answer, int(row.slot.rsplit("-", 1)[1]))
    if answer is None or answer.candidate_id != candidate.id:
        return DROP  # deleted with its message
    reviewers = list(
        session.scalars(
            select(Reviewer.user_id).where(Reviewer.candidate_id == candidate.id).order_by(Reviewer.id)
        )
    )
    wanted = rating_nudge_wanted(
        answer_kept=True,
        ratings=ratings_of(session, answer.id),
        reviewers=len(reviewers),
        practising=Rhythm.of(candidate).practises_on(local_today(now, candidate.tz)),
        now=now,
        tz=candidate.tz,
    )
    if not wanted:
        return DROP
    topic = answer.principle or answer.focus or "practice"
    answered = short_date(local_today(answer.answered_at, candidate.tz))
    message = rating_nudge_message(reviewers, candidate.user_id, topic, answered)
    return Route(payload=message, channel=answer.channel_id)
