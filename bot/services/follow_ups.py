"""The interviewer's follow-up on an answer, and the candidate's reply to it, kept with the answer.

The candidate's next reply in the thread after the follow-up was posted answers it: it is stored on
the follow-up (not as an answer of its own), checked briefly, and counted in readiness through the
follow-up's score. Claiming the reply is a compare-and-set, so two replies racing, or a repeated
delivery, never make two follow-up answers; a reply that loses is an answer of its own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from bot.follow_up import FollowUpQuestion
from bot.follow_up_check import FollowUpCheck, check_follow_up
from bot.models import Answer, Candidate, FollowUp, Prompt


def ask(session: Session, answer: Answer, question: FollowUpQuestion, *, now: datetime) -> FollowUp:
    """Write the follow-up down before it is posted; `posted` records its message afterwards."""
    follow_up = FollowUp(
        answer_id=answer.id,
        candidate_id=answer.candidate_id,
        channel_id=answer.channel_id,
        aim=question.aim,
        question=question.text,
        asked_at=now,
    )
    session.add(follow_up)
    session.flush()
    return follow_up


def posted(session: Session, follow_up_id: int, ts: str) -> None:
    session.execute(update(FollowUp).where(FollowUp.id == follow_up_id).values(asked_ts=ts))


def reaim(session: Session, answer: Answer, question: FollowUpQuestion) -> FollowUp | None:
    """An edited answer may have another weakest part: a follow-up not yet answered follows it.
    Returns the follow-up when its question changed."""
    follow_up = of_answer(session, answer.id)
    if follow_up is None or follow_up.reply_ts is not None or follow_up.question == question.text:
        return None
    follow_up.aim, follow_up.question = question.aim, question.text
    return follow_up


def of_answer(session: Session, answer_id: int) -> FollowUp | None:
    return session.scalars(select(FollowUp).where(FollowUp.answer_id == answer_id)).one_or_none()


def by_reply(session: Session, *, team: str, channel: str, ts: str) -> tuple[FollowUp, Candidate] | None:
    """The follow-up answered by message `ts` in `channel`, with its candidate, in workspace `team`."""
    found = session.execute(
        select(FollowUp, Candidate)
        .join(Candidate, Candidate.id == FollowUp.candidate_id)
        .where(FollowUp.channel_id == channel, FollowUp.reply_ts == ts, Candidate.team_id == team)
    ).one_or_none()
    return None if found is None else (found[0], found[1])


def reply_recorded(session: Session, channel: str, ts: str) -> bool:
    """Whether the message already answers a follow-up (a repeated delivery)."""
    found = session.scalar(select(FollowUp.id).where(FollowUp.channel_id == channel, FollowUp.reply_ts == ts))
    return found is not None


def waiting(session: Session, prompt_id: int, ts: str) -> FollowUp | None:
    """The follow-up a reply posted at `ts` answers: the latest answer's, posted before the reply and
    not yet answered. A follow-up on an earlier answer is moot once the candidate answered again."""
    latest = session.scalars(
        select(Answer)
        .where(Answer.prompt_id == prompt_id)
        .order_by(Answer.answered_at.desc(), Answer.id.desc())
    ).first()
    if latest is None:
        return None
    follow_up = of_answer(session, latest.id)
    if follow_up is None or follow_up.asked_ts is None or follow_up.reply_ts is not None:
        return None
    return follow_up if _after(ts, follow_up.asked_ts) else None


def _after(ts: str, other: str) -> bool:
    try:
        return float(ts) > float(other)
    except ValueError:
        return False


def assess_reply(session: Session, follow_up: FollowUp, text: str) -> FollowUpCheck:
    """The brief check, with the question the original answer was given (for "off topic")."""
    answer = session.get_one(Answer, follow_up.answer_id)
    prompt = session.get_one(Prompt, answer.prompt_id)
    return check_follow_up(
        text, aim=follow_up.aim, principle=answer.principle, question=prompt.question_text, focus=answer.focus
    )


def claim_reply(
    session: Session, follow_up: FollowUp, *, ts: str, text: str, now: datetime
) -> FollowUpCheck | None:
    """Make the message the follow-up's answer, if no other message got there first."""
    check = assess_reply(session, follow_up, text)
    result = session.execute(
        update(FollowUp)
        .where(FollowUp.id == follow_up.id, FollowUp.reply_ts.is_(None))
        .values(
            reply_ts=ts,
            reply_text=text,
            replied_at=now,
            edited_at=None,
            check_score=check.score,
            answered_it=check.answered,
        )
    )
    if not cast(CursorResult[Any], result).rowcount:
        return None
    session.refresh(follow_up)
    return check


def edit_reply(
    session: Session, *, team: str, channel: str, ts: str, user: str, text: str, now: datetime
) -> tuple[FollowUp, FollowUpCheck] | None:
    """An edited follow-up answer takes its new text and a new check, as an edited answer does."""
    found = by_reply(session, team=team, channel=channel, ts=ts)
    if found is None:
        return None
    follow_up, owner = found
    if follow_up.reply_text == text or owner.user_id != user:
        return None
    check = assess_reply(session, follow_up, text)
    follow_up.reply_text, follow_up.edited_at = text, now
    follow_up.check_score, follow_up.answered_it = check.score, check.answered
    return follow_up, check


def remove_reply(session: Session, *, team: str, channel: str, ts: str, author: str | None) -> str | None:
    """A deleted follow-up answer is forgotten (the follow-up waits for a reply again); returns the
    ts of the bot's check of it, to delete ("" when there is none), or None when the message was no
    follow-up answer of `author`'s (the deleted message's user, when the event says)."""
    found = by_reply(session, team=team, channel=channel, ts=ts)
    if found is None or author not in (None, found[1].user_id):
        return None
    follow_up = found[0]
    check_ts = follow_up.check_ts or ""
    follow_up.reply_ts = follow_up.reply_text = follow_up.replied_at = follow_up.edited_at = None
    follow_up.check_ts = follow_up.check_score = follow_up.answered_it = None
    return check_ts


def checked(session: Session, follow_up_id: int, check_ts: str) -> None:
    session.execute(update(FollowUp).where(FollowUp.id == follow_up_id).values(check_ts=check_ts))
