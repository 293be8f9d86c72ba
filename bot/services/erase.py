"""Erasing people's data: one candidate (`/prep delete`) or a whole workspace (uninstall).

Each table is emptied by an explicit statement, children first, rather than trusting the
database's ON DELETE CASCADE: the counts say what went, and nothing depends on SQLite's
foreign-key switch. A reviewer's ratings and feedback on a candidate's answers are part of that
candidate's prep and go with it. Both functions are idempotent: a second run finds nothing.

Every table must be accounted for here; tests/test_erase.py fails when a new one is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import CursorResult, Delete, Select, Table, delete, or_, select
from sqlalchemy.orm import Session

from bot.models import (
    Answer,
    Base,
    Candidate,
    CandidateNote,
    Debrief,
    Feedback,
    FollowUp,
    Interview,
    Prompt,
    Question,
    Rating,
    Reviewer,
    Story,
)
from bot.services.candidates import Who

# Children before parents, so no statement waits on a cascade.
CANDIDATE_TABLES = (
    "ratings",
    "feedback",
    "follow_ups",
    "answers",
    "debriefs",
    "prompts",
    "interviews",
    "reviewers",
    "questions",
    "candidate_notes",
    "stories",
    "candidates",
)
# Tables that hold nothing about a person or a workspace, so neither erase touches them.
NOT_PERSONAL: frozenset[str] = frozenset({"seen_signatures", "job_steps"})  # request digests; job steps, keyed by request


@dataclass(frozen=True)
class Erased:
    """Rows removed, by table."""

    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    @property
    def candidates(self) -> int:
        return self.rows.get("candidates", 0)


def erase_candidate(session: Session, who: Who) -> Erased:
    """Everything of one candidate: their loop, reviewers, questions, prompts, answers, ratings,
    feedback and stories. Their ratings of other candidates' answers belong to those candidates."""
    chosen = select(Candidate.id).where(Candidate.team_id == who.team_id, Candidate.user_id == who.user_id)
    return Erased(_erase_candidates(session, chosen))


def purge_workspace(session: Session, team_id: str) -> Erased:
    """Every candidate of the workspace with all that hangs off them, and every row keyed by it."""
    rows = _erase_candidates(session, select(Candidate.id).where(Candidate.team_id == team_id))
    for table in team_tables():
        rows[table.name] = _deleted(session, delete(table).where(table.c.team_id == team_id))
    return Erased(rows)


def team_tables() -> list[Table]:
    """Besides candidates, every table keyed by workspace (its `team_id` column)."""
    return [
        table
        for table in Base.metadata.sorted_tables
        if "team_id" in table.c and table.name not in CANDIDATE_TABLES
    ]


def _erase_candidates(session: Session, chosen: Select[Any]) -> dict[str, int]:
    # Lock the candidates first (PostgreSQL): two erasures of the same people queue instead of
    # deadlocking, and a clock tick cannot add a prompt for someone half erased.
    ids = list(session.scalars(chosen.order_by(Candidate.id).with_for_update()))
    if not ids:
        return dict.fromkeys(CANDIDATE_TABLES, 0)
    rows: dict[str, int] = {}
    for batch in _batches(ids, 500):
        for name, statement in _statements(batch):
            rows[name] = rows.get(name, 0) + _deleted(session, statement)
    return rows


def _deleted(session: Session, statement: Delete) -> int:
    result = session.execute(statement, execution_options={"synchronize_session": False})
    return cast(CursorResult[Any], result).rowcount


def _statements(ids: list[int]) -> Iterable[tuple[str, Delete]]:
    answers = select(Answer.id).where(Answer.candidate_id.in_(ids))
    prompts = select(Prompt.id).where(Prompt.candidate_id.in_(ids))
    yield "ratings", delete(Rating).where(Rating.answer_id.in_(answers))
    yield (
        "feedback",
        delete(Feedback).where(or_(Feedback.prompt_id.in_(prompts), Feedback.answer_id.in_(answers))),
    )
    yield "follow_ups", delete(FollowUp).where(FollowUp.candidate_id.in_(ids))
    yield "answers", delete(Answer).where(Answer.candidate_id.in_(ids))
    yield "debriefs", delete(Debrief).where(Debrief.candidate_id.in_(ids))
    yield "prompts", delete(Prompt).where(Prompt.candidate_id.in_(ids))
    yield "interviews", delete(Interview).where(Interview.candidate_id.in_(ids))
    yield "reviewers", delete(Reviewer).where(Reviewer.candidate_id.in_(ids))
    yield "questions", delete(Question).where(Question.candidate_id.in_(ids))
    yield "candidate_notes", delete(CandidateNote).where(CandidateNote.candidate_id.in_(ids))
    yield "stories", delete(Story).where(Story.candidate_id.in_(ids))
    yield "candidates", delete(Candidate).where(Candidate.id.in_(ids))


def _batches(ids: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
