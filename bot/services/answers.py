"""Answers, feedback and ratings: what happens in a prompt's thread.

Every lookup from an event is keyed by the event's workspace (`team`) as well as its channel,
message and user: an event from another workspace that carries a candidate's user id, or a
channel and timestamp of theirs, finds nothing and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.orm import Session

from bot.answer_check import AnswerCheck, Finding, check_answer
from bot.follow_up_check import FollowUpCheck
from bot.models import Answer, Candidate, Feedback, FollowUp, Prompt, Rating, Reviewer
from bot.services import follow_ups
from bot.services.digests_nudges import DIGESTS_AND_NUDGES

REACTION_SCORES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def assess(text: str, prompt: Prompt) -> tuple[int, list[str]]:
    """The answer check's score (1-5) and finding codes, stored with the answer so readiness never
    re-runs the check: the same check the thread reply shows (principle, question and focus of the
    prompt it answers)."""
    check = check_answer(text, principle=prompt.principle, question=prompt.question_text, focus=prompt.focus)
    return check.score, [str(finding) for finding in check.findings]


@dataclass(frozen=True)
class Thread:
    prompt: Prompt
    candidate: Candidate
    role: str  # candidate | reviewer | stranger


def thread_of(session: Session, *, team: str, channel: str, thread_ts: str, user: str) -> Thread | None:
    """The prompt a thread hangs off, in this workspace, and who `user` is to its candidate."""
    found = session.execute(
        select(Prompt, Candidate)
        .join(Candidate, Candidate.id == Prompt.candidate_id)
        .where(Prompt.channel_id == channel, Prompt.message_ts == thread_ts, Candidate.team_id == team)
    ).one_or_none()
    if found is None or found[0].kind in DIGESTS_AND_NUDGES:  # a reply to a digest or a nudge is no answer
        return None
    prompt, candidate = found
    if user == candidate.user_id:
        role = "candidate"
    elif is_reviewer(session, candidate.id, user):
        role = "reviewer"
    else:
        role = "stranger"
    return Thread(prompt, candidate, role)


def is_reviewer(session: Session, candidate_id: int, user: str) -> bool:
    found = session.scalar(
        select(Reviewer.id).where(Reviewer.candidate_id == candidate_id, Reviewer.user_id == user)
    )
    return found is not None


@dataclass(frozen=True)
class FollowUpReply:
    """A candidate's reply that answered the follow-up, with its brief check."""

    follow_up: FollowUp
    check: FollowUpCheck


def record_reply(
    session: Session, thread: Thread, *, channel: str, ts: str, text: str, now: datetime
) -> Answer | FollowUpReply | None:
    """The candidate's reply in a question's thread: the answer to the follow-up waiting there, if
    one is; otherwise a new answer. None when the message is already recorded (a repeated delivery)."""
    recorded = session.scalar(select(Answer.id).where(Answer.channel_id == channel, Answer.message_ts == ts))
    if recorded is not None or follow_ups.reply_recorded(session, channel, ts):
        return None
    waiting = follow_ups.waiting(session, thread.prompt.id, ts)
    if waiting is not None:
        check = follow_ups.claim_reply(session, waiting, ts=ts, text=text, now=now)
        if check is not None:
            return FollowUpReply(waiting, check)
    return record_answer(session, thread, channel=channel, ts=ts, text=text, now=now)


def record_answer(
    session: Session, thread: Thread, *, channel: str, ts: str, text: str, now: datetime
) -> Answer | None:
    """A new answer; None when this message is already one (a repeated delivery)."""
    if session.scalar(select(Answer.id).where(Answer.channel_id == channel, Answer.message_ts == ts)):
        return None
    prompt = thread.prompt
    answer = Answer(
        candidate_id=thread.candidate.id,
        prompt_id=prompt.id,
        channel_id=channel,
        message_ts=ts,
        text=text,
        principle=prompt.principle,
        focus=prompt.focus,
        question_key=prompt.question_key,
        answered_at=now,
    )
    answer.check_score, answer.check_findings = assess(text, prompt)
    session.add(answer)
    session.flush()
    return answer


def record_feedback(
    session: Session, thread: Thread, *, user: str, channel: str, ts: str, text: str, now: datetime
) -> Feedback | None:
    """A reviewer's reply, kept with the latest answer before it in the thread."""
    exists = session.scalar(
        select(Feedback.id).where(Feedback.channel_id == channel, Feedback.message_ts == ts)
    )
    if exists is not None:
        return None
    latest = session.scalars(
        select(Answer)
        .where(Answer.prompt_id == thread.prompt.id)
        .order_by(Answer.answered_at.desc(), Answer.id.desc())
    ).first()
    feedback = Feedback(
        prompt_id=thread.prompt.id,
        answer_id=latest.id if latest else None,
        reviewer_user_id=user,
        channel_id=channel,
        message_ts=ts,
        text=text,
        created_at=now,
    )
    session.add(feedback)
    session.flush()
    return feedback


def answer_at(session: Session, *, channel: str, ts: str) -> Answer | None:
    """The answer posted as message `ts` in `channel` (the caller knows the thread's workspace)."""
    return session.scalars(
        select(Answer).where(Answer.channel_id == channel, Answer.message_ts == ts)
    ).one_or_none()


def find_answer(session: Session, *, team: str, channel: str, ts: str) -> tuple[Answer, Candidate] | None:
    """The answer posted as message `ts` in `channel`, with its candidate, in workspace `team`."""
    found = session.execute(
        select(Answer, Candidate)
        .join(Candidate, Candidate.id == Answer.candidate_id)
        .where(Answer.channel_id == channel, Answer.message_ts == ts, Candidate.team_id == team)
    ).one_or_none()
    return None if found is None else (found[0], found[1])


def find_feedback(session: Session, *, team: str, channel: str, ts: str) -> Feedback | None:
    return session.scalars(
        select(Feedback)
        .join(Prompt, Prompt.id == Feedback.prompt_id)
        .join(Candidate, Candidate.id == Prompt.candidate_id)
        .where(Feedback.channel_id == channel, Feedback.message_ts == ts, Candidate.team_id == team)
    ).one_or_none()


def edit(
    session: Session, *, team: str, channel: str, ts: str, user: str, text: str, now: datetime
) -> Answer | None:
    """An edited answer or feedback takes its new text; returns the answer when it was one."""
    found = find_answer(session, team=team, channel=channel, ts=ts)
    if found is not None:
        answer, owner = found
        if owner.user_id != user or answer.text == text:
            return None
        answer.text, answer.edited_at = text, now
        answer.check_score, answer.check_findings = assess(text, session.get_one(Prompt, answer.prompt_id))
        return answer
    feedback = find_feedback(session, team=team, channel=channel, ts=ts)
    if feedback is not None and feedback.reviewer_user_id == user:
        feedback.text = text
    return None


def remove(session: Session, *, team: str, channel: str, ts: str, author: str | None) -> Answer | None:
    """A deleted message takes its answer (and the answer's ratings) or its feedback with it.

    `author` is the deleted message's user, when the event says: it must be the answer's candidate
    or the feedback's reviewer.
    """
    found = find_answer(session, team=team, channel=channel, ts=ts)
    if found is not None:
        answer, owner = found
        if author not in (None, owner.user_id):
            return None
        session.delete(answer)
        session.flush()
        return answer
    feedback = find_feedback(session, team=team, channel=channel, ts=ts)
    if feedback is not None and author in (None, feedback.reviewer_user_id):
        session.delete(feedback)
        session.flush()
    return None


def bot_replies(session: Session, answer: Answer) -> tuple[str, ...]:
    """The bot's messages in the thread about this answer: its check, the follow-up and its check."""
    follow_up = follow_ups.of_answer(session, answer.id)
    found = [answer.check_ts]
    if follow_up is not None:
        found += [follow_up.asked_ts, follow_up.check_ts]
    if answer.story_offer_ts and answer.story_offer_ts != answer.check_ts:
        found.append(answer.story_offer_ts)
    return tuple(ts for ts in found if ts)


def worth_a_story(check: AnswerCheck) -> bool:
    """A clean check: nothing found but maybe length (a reviewer's 4 or 5 is the other way in)."""
    return all(finding is Finding.TOO_LONG for finding in check.findings)


def claim_story_offer(session: Session, answer_id: int, *, now: datetime) -> bool:
    """True for the one caller that may offer "Save as story" for this answer; never twice."""
    result = session.execute(
        update(Answer)
        .where(Answer.id == answer_id, Answer.story_offered_at.is_(None))
        .values(story_offered_at=now)
    )
    return bool(cast(CursorResult[Any], result).rowcount)


GOOD_RATING = 4


@dataclass(frozen=True)
class StoryOffer:
    """Where to offer "Save as story" after a good rating, and the rating that earned it."""

    answer_id: int
    channel: str
    thread_ts: str
    score: int


def offer_on_rating(session: Session, change: RatingChange | None, *, now: datetime) -> StoryOffer | None:
    """A reviewer's 4 or 5 on an answer to a principle earns the offer, once per answer (a clean
    check may have made it already, on the check reply)."""
    if change is None or change.score is None or change.score < GOOD_RATING or not change.answer.principle:
        return None
    prompt = session.get_one(Prompt, change.answer.prompt_id)
    if not prompt.message_ts or not claim_story_offer(session, change.answer.id, now=now):
        return None
    return StoryOffer(change.answer.id, change.answer.channel_id, prompt.message_ts, change.score)


def story_offered(session: Session, answer_id: int, ts: str | None) -> None:
    """Where the button is (None: posting it failed, so it may be offered again)."""
    values: dict[str, Any] = {"story_offer_ts": ts} if ts else {"story_offered_at": None}
    session.execute(update(Answer).where(Answer.id == answer_id).values(**values))


@dataclass(frozen=True)
class RatingChange:
    answer: Answer
    score: int | None


def rate(
    session: Session, *, team: str, channel: str, ts: str, user: str, reaction: str, now: datetime
) -> RatingChange | None:
    """A reviewer's 1–5 reaction on an answer; the latest wins. None when it is not a rating."""
    score = REACTION_SCORES.get(reaction.split("::")[0])
    found = find_answer(session, team=team, channel=channel, ts=ts)
    if score is None or found is None or not is_reviewer(session, found[1].id, user):
        return None
    answer = found[0]
    rating = session.scalars(
        select(Rating).where(Rating.answer_id == answer.id, Rating.reviewer_user_id == user)
    ).one_or_none()
    if rating is None:
        session.add(Rating(answer_id=answer.id, reviewer_user_id=user, score=score, rated_at=now))
    elif rating.score == score:
        return None
    else:
        rating.score, rating.rated_at = score, now
    session.flush()
    return RatingChange(answer, score)


def unrate(
    session: Session, *, team: str, channel: str, ts: str, user: str, reaction: str
) -> RatingChange | None:
    """Taking back the reaction that is the reviewer's current rating removes the rating."""
    score = REACTION_SCORES.get(reaction.split("::")[0])
    found = find_answer(session, team=team, channel=channel, ts=ts)
    if score is None or found is None:
        return None
    answer = found[0]
    removed = session.execute(
        delete(Rating).where(
            Rating.answer_id == answer.id, Rating.reviewer_user_id == user, Rating.score == score
        )
    )
    return RatingChange(answer, None) if removed.rowcount else None  # type: ignore[attr-defined]
