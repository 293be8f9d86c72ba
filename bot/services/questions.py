"""A candidate's own questions, and one more question on demand."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.models import Candidate, Prompt, Question
from bot.plan import local_today
from bot.principles import normalise
from bot.services.facts import load_facts
from bot.services.morning import daily_question


def text_key(text: str) -> str:
    return hashlib.sha256(normalise(text).encode()).hexdigest()


def add_question(
    session: Session,
    candidate: Candidate,
    principle: str | None,
    text: str,
    *,
    now: datetime,
    focus: str | None = None,
    source: str = "own",
) -> bool:
    """Save the question; False when the candidate already has it (nothing changes)."""
    key = text_key(text)
    exists = session.scalar(
        select(Question.id).where(Question.candidate_id == candidate.id, Question.text_key == key)
    )
    if exists:
        return False
    session.add(
        Question(
            candidate_id=candidate.id,
            principle=principle,
            focus=focus,
            text=text.strip(),
            text_key=key,
            source=source,
            created_at=now,
        )
    )
    session.flush()
    return True


def set_role(session: Session, candidate: Candidate, role: str | None, *, now: datetime) -> str | None:
    """The role and level picks manager or individual-contributor questions from now on."""
    candidate.role = role
    session.flush()
    return candidate.role


def extra_prompt(session: Session, candidate: Candidate, *, now: datetime) -> Prompt:
    """One more question now, chosen as the morning's would be, without taking a turn of the rotation."""
    session.flush()
    today = local_today(now, candidate.tz)
    taken = (
        session.scalar(
            select(func.count(Prompt.id)).where(
                Prompt.candidate_id == candidate.id, Prompt.local_date == today, Prompt.slot.like("extra-%")
            )
        )
        or 0
    )
    facts = load_facts(session, [candidate.id])[candidate.id]
    for number in range(taken + 1, taken + 20):
        row = daily_question(candidate, facts, today, now=now, slot=f"extra-{number}", extra=True)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            continue  # another request took this number at the same moment
        return row
    raise RuntimeError("could not number an extra question")
