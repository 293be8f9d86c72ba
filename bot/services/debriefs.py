"""The candidate's debrief after an interview: how it went (1-5) and the questions they were asked,
kept for the wrap-up. Only the candidate the debrief message was sent to can fill it in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.models import Candidate, Debrief, Prompt
from bot.parsing import InputError

KIND = "debrief"
NOT_YOURS = "Only the person whose interview it was can debrief it."
GONE = "That debrief is not here any more."


def debrief_prompt(session: Session, candidate: Candidate | None, *, prompt_id: int) -> Prompt:
    prompt = session.get(Prompt, prompt_id)
    if prompt is None or prompt.kind != KIND:
        raise InputError(GONE)
    if candidate is None or prompt.candidate_id != candidate.id:
        raise InputError(NOT_YOURS)
    return prompt


def prompt_at(session: Session, channel: str, ts: str) -> int:
    """The debrief prompt a button sits on, found by its message."""
    found = session.scalar(
        select(Prompt.id).where(Prompt.channel_id == channel, Prompt.message_ts == ts, Prompt.kind == KIND)
    )
    if found is None:
        raise InputError(GONE)
    return found


def interviewer_of(prompt: Prompt) -> str:
    return str((prompt.payload or {}).get("interviewer") or "your interviewer")


def debrief_of(session: Session, prompt: Prompt, *, now: datetime) -> Debrief:
    """The debrief row, made on the first tap; two taps racing make one row."""
    found = session.scalars(select(Debrief).where(Debrief.prompt_id == prompt.id)).one_or_none()
    if found is not None:
        return found
    debrief = Debrief(
        candidate_id=prompt.candidate_id,
        prompt_id=prompt.id,
        interview_id=prompt.interview_id,
        interviewer=interviewer_of(prompt)[:200],
        questions="",
        updated_at=now,
    )
    try:
        with session.begin_nested():
            session.add(debrief)
    except IntegrityError:
        return session.scalars(select(Debrief).where(Debrief.prompt_id == prompt.id)).one()
    return debrief


def record_how(session: Session, prompt: Prompt, score: int, *, now: datetime) -> Debrief:
    if not 1 <= score <= 5:
        raise InputError("Pick how it went from 1 to 5.")
    debrief = debrief_of(session, prompt, now=now)
    debrief.how_it_went, debrief.updated_at = score, now
    return debrief


def record_questions(session: Session, prompt: Prompt, questions: str, *, now: datetime) -> Debrief:
    debrief = debrief_of(session, prompt, now=now)
    debrief.questions, debrief.updated_at = questions, now
    return debrief
