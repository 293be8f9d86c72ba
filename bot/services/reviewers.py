"""A candidate's reviewers: peers who see the daily questions and rate the answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.words import mentions
from bot.models import Candidate, Reviewer
from bot.parsing import InputError

# A group DM holds at most eight people besides the bot: the candidate and seven reviewers.
MAX_REVIEWERS = 7


@dataclass(frozen=True)
class ReviewerChange:
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    reviewers: tuple[str, ...]


def reviewer_ids(candidate: Candidate) -> tuple[str, ...]:
    return tuple(reviewer.user_id for reviewer in candidate.reviewers)


def add_reviewers(
    session: Session,
    candidate: Candidate,
    user_ids: tuple[str, ...],
    *,
    bot_user_id: str | None,
    now: datetime,
) -> ReviewerChange:
    if candidate.user_id in user_ids:
        raise InputError(
            "You can't review your own answers: add a peer instead, like `/prep reviewer add @maria`."
        )
    if bot_user_id and bot_user_id in user_ids:
        raise InputError(
            "I'm already in the conversation; add a peer as reviewer, like `/prep reviewer add @maria`."
        )
    current = set(reviewer_ids(candidate))
    new = tuple(u for u in user_ids if u not in current)
    if len(current) + len(new) > MAX_REVIEWERS:
        raise InputError(
            f"A prep conversation holds at most {MAX_REVIEWERS} reviewers; you have {len(current)}."
        )
    for user_id in new:
        candidate.reviewers.append(Reviewer(user_id=user_id, added_at=now))
    session.flush()
    return ReviewerChange(new, tuple(u for u in user_ids if u in current), reviewer_ids(candidate))


def remove_reviewers(session: Session, candidate: Candidate, user_ids: tuple[str, ...]) -> ReviewerChange:
    removed = tuple(u for u in user_ids if u in reviewer_ids(candidate))
    for reviewer in [r for r in candidate.reviewers if r.user_id in removed]:
        candidate.reviewers.remove(reviewer)
    session.flush()
    return ReviewerChange(removed, tuple(u for u in user_ids if u not in removed), reviewer_ids(candidate))


def leave(
    session: Session, *, team_id: str, reviewer: str, candidate_ids: tuple[str, ...]
) -> tuple[str, ...]:
    """The reviewer stops reviewing these candidates (all they review, when none are named), in
    their own workspace; returns the candidates' user ids. Naming someone they don't review changes nothing."""
    query = (
        select(Reviewer, Candidate.user_id)
        .join(Candidate, Candidate.id == Reviewer.candidate_id)
        .where(Candidate.team_id == team_id, Reviewer.user_id == reviewer)
        .order_by(Reviewer.id)
    )
    rows = session.execute(query).all()
    reviewed = {user_id for _, user_id in rows}
    if not reviewed:
        raise InputError("You aren't reviewing anyone's interview prep, so there is nothing to leave.")
    strangers = [user_id for user_id in candidate_ids if user_id not in reviewed]
    if strangers:
        raise InputError(
            f"You don't review {mentions(strangers)}'s prep, so nothing changed. "
            f"You review {mentions(sorted(reviewed))}; `/prep leave` alone leaves them all."
        )
    left = [(row, user_id) for row, user_id in rows if not candidate_ids or user_id in candidate_ids]
    for row, _ in left:
        session.delete(row)
    session.flush()
    return tuple(user_id for _, user_id in left)
