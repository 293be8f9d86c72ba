"""Adding, listing and removing a candidate's interviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.commands import AddInterview
from bot.models import Candidate, Interview
from bot.parsing import InputError, parse_position
from bot.plan import in_calendar_order, interview_day, local_today
from bot.services.schedule import reschedule

MAX_INTERVIEWS = 12


@dataclass(frozen=True)
class InterviewRow:
    id: int
    number: int
    interviewer: str
    principles: tuple[str, ...]
    day: date | None
    at: datetime | None
    focus: str | None
    on_loop_day: bool


def numbered(candidate: Candidate) -> list[InterviewRow]:
    """The interviews in calendar order, numbered as `/prep interviews` shows them."""
    ordered = in_calendar_order(candidate.interviews, candidate.loop_date)
    return [_row(number, interview, candidate.loop_date) for number, interview in enumerate(ordered, 1)]


def _row(number: int, interview: Interview, loop_date: date | None) -> InterviewRow:
    day = interview_day(interview, loop_date)
    return InterviewRow(
        id=interview.id,
        number=number,
        interviewer=interview.interviewer,
        principles=tuple(interview.principles),
        day=day,
        at=interview.scheduled_at,
        focus=interview.focus,
        on_loop_day=day is not None and day == loop_date,
    )


def add_interview(
    session: Session, candidate: Candidate, command: AddInterview, *, now: datetime
) -> InterviewRow:
    if command.at and command.at.date() < local_today(now, candidate.tz):
        raise InputError(
            f"{command.at.date().isoformat()} is in the past: give the interview's day, "
            "like `at 2026-12-16 10:00`, or leave `at` out for the loop day."
        )
    if len(candidate.interviews) >= MAX_INTERVIEWS:
        raise InputError(
            f"You already have {MAX_INTERVIEWS} interviews; remove one with `/prep interview remove N`."
        )
    interview = Interview(
        position=max((i.position for i in candidate.interviews), default=0) + 1,
        interviewer=command.interviewer,
        principles=list(command.principles),
        scheduled_at=command.at,
        focus=command.focus,
        created_at=now,
    )
    candidate.interviews.append(interview)
    session.flush()
    reschedule(session, candidate, now=now)  # an early interview brings its morning forward
    return next(row for row in numbered(candidate) if row.id == interview.id)


def remove_interview(session: Session, candidate: Candidate, position_text: str) -> InterviewRow:
    ordered = in_calendar_order(candidate.interviews, candidate.loop_date)
    number = parse_position(position_text, len(ordered), "interview")
    interview = ordered[number - 1]
    removed = _row(number, interview, candidate.loop_date)
    candidate.interviews.remove(interview)
    session.flush()
    return removed
