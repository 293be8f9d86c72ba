"""What a candidate is owed on a morning, written down as prompt rows before anything is sent.

A row per (candidate, local date, slot) is unique in the database, so however many clocks run,
and however often one restarts, a morning's message exists once. The rows carry the finished
message, so a resend after a crash says exactly what the first attempt would have said.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.prompt import (
    CheatSheetEntry,
    cheat_sheet_message,
    question_message,
    readiness_message,
    wrap_up_message,
)
from bot.blocks.stories import planned_line
from bot.blocks.words import clock
from bot.models import Answer, Candidate, Prompt, Rating, Story
from bot.plan import at_local, countdown, days_left, local_today, long_date
from bot.services.asking import QUESTION, choose, compose_question
from bot.services.schedule import DAILY, WRAP_UP, daily_row, finished
from bot.services.status import dashboard
from bot.services.stories import loop_plan

READY_DAYS = (7, 1)


def due_day(candidate: Candidate, now: datetime) -> date | None:
    """The local date whose morning message is due now, or None when it is not yet time.

    Normally the day of `next_prompt_at`. A clock that was down past that day does not send the
    missed morning; it sends today's, late, if today's time has come.
    """
    assert candidate.next_prompt_at is not None
    today = local_today(now, candidate.tz)
    scheduled_day = local_today(candidate.next_prompt_at, candidate.tz)
    if scheduled_day >= today:
        return scheduled_day
    return today if at_local(today, candidate.prompt_time, candidate.tz) <= now else None


def plan_morning(session: Session, candidate: Candidate, *, now: datetime) -> list[Prompt]:
    """Write the rows owed for the due day and move `next_prompt_at` on. Returns the new rows."""
    day = due_day(candidate, now)
    if day is None:
        candidate.next_prompt_at = at_local(
            local_today(now, candidate.tz), candidate.prompt_time, candidate.tz
        )
        return []
    rows = morning_rows(session, candidate, day, now=now)
    candidate.next_prompt_at = (
        None
        if any(row.kind == WRAP_UP for row in rows) or finished(session, candidate)
        else at_local(day + timedelta(days=1), candidate.prompt_time, candidate.tz)
    )
    return rows


def morning_rows(session: Session, candidate: Candidate, day: date, *, now: datetime) -> list[Prompt]:
    assert candidate.loop_date is not None
    left = days_left(candidate.loop_date, day)
    rows: list[Prompt] = []
    if left < 0:
        if not finished(session, candidate):
            rows.append(
                new_row(candidate, candidate.loop_date, WRAP_UP, WRAP_UP, wrap_up(session, candidate), now)
            )
    elif daily_row(session, candidate, day) is None:
        if left == 0:
            rows.append(new_row(candidate, day, DAILY, "cheat-sheet", cheat_sheet(session, candidate), now))
        else:
            rows.append(daily_question(session, candidate, day, now=now))
            if left in READY_DAYS:
                board = dashboard(session, candidate, now=now)
                message = readiness_message(left, countdown(candidate.loop_date, day), board.progress)
                rows.append(new_row(candidate, day, f"ready-{left}", f"ready-{left}", message, now))
    session.add_all(rows)
    session.flush()
    for row in rows:
        stamp(row)
    return rows


def new_row(candidate: Candidate, day: date, slot: str, kind: str, message: dict, now: datetime) -> Prompt:
    return Prompt(
        candidate_id=candidate.id,
        local_date=day,
        slot=slot,
        kind=kind,
        payload=message,
        status="pending",
        attempts=0,
        created_at=now.astimezone(UTC),
    )


def stamp(row: Prompt) -> None:
    """Slack message metadata naming the prompt: how a restarted clock finds what it already sent."""
    assert row.payload is not None
    row.payload = {
        **row.payload,
        "metadata": {"event_type": "loop_coach_prompt", "event_payload": {"prompt_id": row.id}},
    }


def daily_question(
    session: Session,
    candidate: Candidate,
    day: date,
    *,
    now: datetime,
    slot: str = DAILY,
    extra: bool = False,
) -> Prompt:
    choice = choose(session, candidate, day)
    prompt = compose_question(session, candidate, choice, now=now, extra=extra)
    row = new_row(candidate, day, slot, QUESTION if not extra else "extra", question_message(prompt), now)
    row.interview_id = choice.interview.id if choice.interview else None
    row.principle = None if choice.is_focus else choice.topic
    row.focus = choice.topic if choice.is_focus else None
    row.question_key = choice.option.key
    row.question_text = choice.option.text
    return row


def cheat_sheet(session: Session, candidate: Candidate) -> dict:
    planned, plan = loop_plan(session, candidate)
    entries = [
        CheatSheetEntry(
            (f"{clock(interview.at.time())} " if interview.at else "")
            + interview.interviewer
            + (f" · focus {interview.focus}" if interview.focus else ""),
            tuple(planned_line(story) for story in interview.stories),
        )
        for interview in planned
    ]
    assert candidate.loop_date is not None
    return cheat_sheet_message(long_date(candidate.loop_date), entries, plan.lacking)


def wrap_up(session: Session, candidate: Candidate) -> dict:
    answers = session.scalar(select(func.count(Answer.id)).where(Answer.candidate_id == candidate.id)) or 0
    count, average = session.execute(
        select(func.count(Rating.id), func.avg(Rating.score))
        .join(Answer, Rating.answer_id == Answer.id)
        .where(Answer.candidate_id == candidate.id)
    ).one()
    stories = session.scalar(select(func.count(Story.id)).where(Story.candidate_id == candidate.id)) or 0
    return wrap_up_message(answers, count, float(average) if average is not None else None, stories)
