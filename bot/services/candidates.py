"""A candidate is a (workspace, user) pair, created by their first command."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.models import Candidate
from bot.services.schedule import reschedule

DEFAULT_PROMPT_TIME = time(9, 0)


@dataclass(frozen=True)
class Who:
    team_id: str
    user_id: str


def find_candidate(session: Session, who: Who) -> Candidate | None:
    return session.scalars(
        select(Candidate).where(Candidate.team_id == who.team_id, Candidate.user_id == who.user_id)
    ).one_or_none()


def candidate_for(session: Session, who: Who, *, now: datetime) -> Candidate:
    """The candidate, created on first use; safe when two first commands race."""
    found = find_candidate(session, who)
    if found:
        return found
    candidate = Candidate(
        team_id=who.team_id,
        user_id=who.user_id,
        prompt_time=DEFAULT_PROMPT_TIME,
        paused=False,
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(candidate)
    except IntegrityError:
        found = find_candidate(session, who)
        assert found is not None
        return found
    return candidate


def remember_timezone(session: Session, who: Who, tz: str, *, now: datetime) -> Candidate:
    candidate = candidate_for(session, who, now=now)
    if candidate.tz != tz:
        candidate.tz = tz
        reschedule(session, candidate, now=now)
    return candidate
