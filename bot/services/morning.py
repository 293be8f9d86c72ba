"""What a candidate is owed on a morning, written down as prompt rows before anything is sent.

A row per (candidate, local date, slot) is unique in the database, so however many clocks run,
and however often one restarts, a morning's message exists once. The rows carry the finished
message, so a resend after a crash says exactly what the first attempt would have said.

A day with timed interviews also gets, planned that morning, a reminder 30 minutes before each
and a debrief after it: rows with `due_at` set (slots `reminder-<interview>`, `debrief-<interview>`),
which delivery takes only once due (schedules/delivery.py). Such a morning comes early enough for
its first reminder (bot/loop_day.py).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.blocks.loop_day import debrief_message, kit_message, reminder_message, wrap_up_message
from bot.blocks.prompt import question_message, readiness_message
from bot.loop_day import REMINDER_LEAD, morning_at, on_day, timings
from bot.models import Candidate, Prompt
from bot.plan import at_local, countdown, days_left, local_today, long_date
from bot.services.asking import QUESTION, choose, compose_question, practise_next
from bot.services.digests_nudges import digest_and_nudge_rows
from bot.services.facts import Facts, load_facts, with_interviews
from bot.services.kit import DayFacts, kit, load_day_facts, readiness_moves
from bot.services.schedule import DAILY, WRAP_UP, resting
from bot.services.status import progress

logger = logging.getLogger(__name__)

READY_DAYS = (7, 1)
CHEAT_SHEET = "cheat-sheet"
REMINDER = "reminder"
DEBRIEF = "debrief"


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


def plan_mornings(session: Session, candidates: Sequence[Candidate], *, now: datetime) -> list[Prompt]:
    """Write the rows owed to each due candidate and move their `next_prompt_at` on.

    The facts of the whole batch are loaded at once; planning itself touches no database. A
    candidate whose planning fails is logged and tried again in an hour: one bug must not stall
    everyone behind them.
    """
    ids = [c.id for c in candidates]
    with_interviews(session, ids)
    facts = load_facts(session, ids)
    day_facts = load_day_facts(session, ids)
    rows: list[Prompt] = []
    for candidate in candidates:
        try:
            rows += plan_one(candidate, facts[candidate.id], now=now, day_facts=day_facts[candidate.id])
        except Exception:  # see the docstring
            logger.exception("could not plan candidate %s's morning", candidate.id)
            candidate.next_prompt_at = now + timedelta(hours=1)
    session.add_all(rows)
    session.flush()
    return rows


def plan_one(
    candidate: Candidate, facts: Facts, *, now: datetime, day_facts: DayFacts | None = None
) -> list[Prompt]:
    day = due_day(candidate, now)
    if day is None:
        candidate.next_prompt_at = morning_of(candidate, local_today(now, candidate.tz))
        return []
    day_facts = day_facts or DayFacts()
    rows = [] if resting(candidate, day) else morning_rows(candidate, facts, day, now=now, day_facts=day_facts)
    rows = digest_and_nudge_rows(candidate, facts, day, rows, now=now) + rows  # the week's digest first
    done = any(row.kind == WRAP_UP for row in rows) or wrapped_up(candidate, facts)
    candidate.next_prompt_at = None if done else morning_of(candidate, day + timedelta(days=1))
    return rows


def morning_of(candidate: Candidate, day: date) -> datetime:
    """The prompt time, or earlier on a day whose first interview comes soon after it."""
    return morning_at(
        day, candidate.prompt_time, candidate.tz, on_day(candidate.interviews, candidate.loop_date, day)
    )


def wrapped_up(candidate: Candidate, facts: Facts) -> bool:
    return candidate.loop_date is not None and facts.has_prompt(candidate.loop_date, WRAP_UP)


def morning_rows(
    candidate: Candidate, facts: Facts, day: date, *, now: datetime, day_facts: DayFacts | None = None
) -> list[Prompt]:
    assert candidate.loop_date is not None
    day_facts = day_facts or DayFacts()
    left = days_left(candidate.loop_date, day)
    if left < 0:
        if wrapped_up(candidate, facts):
            return []
        message = wrap_up(candidate, facts, day_facts, now=now)
        return [new_row(candidate, candidate.loop_date, WRAP_UP, WRAP_UP, message, now)]
    if facts.has_prompt(day, DAILY):
        return []  # sent, or skipped with /prep skip
    if left == 0:
        message = cheat_sheet(candidate, facts, day_facts, now=now)
        return [
            new_row(candidate, day, DAILY, CHEAT_SHEET, message, now),
            *interview_rows(candidate, facts, day, now=now),
        ]
    rows = [daily_question(candidate, facts, day, now=now), *interview_rows(candidate, facts, day, now=now)]
    if left in READY_DAYS:
        coming = practise_next(candidate, facts, day, now=now)
        rows_now = progress(candidate, facts, now=now)
        message = readiness_message(left, countdown(candidate.loop_date, day), rows_now, coming)
        rows.append(new_row(candidate, day, f"ready-{left}", f"ready-{left}", message, now))
    return rows


def new_row(
    candidate: Candidate, day: date, slot: str, kind: str, message: dict[str, Any], now: datetime
) -> Prompt:
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


def daily_question(
    candidate: Candidate, facts: Facts, day: date, *, now: datetime, slot: str = DAILY, extra: bool = False
) -> Prompt:
    choice = choose(candidate, facts, day, now=now)
    prompt = compose_question(candidate, facts, choice, now=now, extra=extra)
    row = new_row(candidate, day, slot, "extra" if extra else QUESTION, question_message(prompt), now)
    row.interview_id = choice.interview.id if choice.interview else None
    row.principle = None if choice.is_focus else choice.topic
    row.focus = choice.topic if choice.is_focus else None
    row.question_key = choice.option.key
    row.question_text = choice.option.text
    row.redo_of = choice.redo_of
    return row


def interview_rows(candidate: Candidate, facts: Facts, day: date, *, now: datetime) -> list[Prompt]:
    """A reminder before each of the day's timed interviews still ahead, and a debrief after each
    interview that day; each due at its own instant, each in a slot of its own."""
    todays = on_day(candidate.interviews, candidate.loop_date, day)
    if not todays:
        return []
    cards = {card.interview_id: card for card in kit(candidate, facts, DayFacts(), now=now).cards}
    rows = []
    for timing in timings(todays, day, candidate.tz):
        interview = todays[timing.interview]
        card = cards.get(interview.id)
        starts = timing.remind_at is not None and timing.remind_at + REMINDER_LEAD > now
        if starts and card is not None and not facts.has_prompt(day, f"{REMINDER}-{interview.id}"):
            assert timing.remind_at is not None
            rows.append(
                due_row(candidate, day, REMINDER, interview.id, reminder_message(card), timing.remind_at, now)
            )
        if not facts.has_prompt(day, f"{DEBRIEF}-{interview.id}"):
            # the name travels with the row, for the debrief buttons even if the interview is removed
            message = {**debrief_message(interview.interviewer), "interviewer": interview.interviewer}
            rows.append(due_row(candidate, day, DEBRIEF, interview.id, message, timing.debrief_at, now))
    return rows


def due_row(
    candidate: Candidate,
    day: date,
    kind: str,
    interview_id: int,
    message: dict[str, Any],
    due: datetime,
    now: datetime,
) -> Prompt:
    row = new_row(candidate, day, f"{kind}-{interview_id}", kind, message, now)
    row.interview_id, row.due_at = interview_id, due.astimezone(UTC)
    return row


def cheat_sheet(candidate: Candidate, facts: Facts, day_facts: DayFacts, *, now: datetime) -> dict[str, Any]:
    assert candidate.loop_date is not None
    loop_day = kit(candidate, facts, day_facts, now=now, day=candidate.loop_date)
    return kit_message(long_date(candidate.loop_date), loop_day)


def wrap_up(candidate: Candidate, facts: Facts, day_facts: DayFacts, *, now: datetime) -> dict[str, Any]:
    scores = [score for topic_scores in facts.scores.values() for score in topic_scores]
    average = sum(scores) / len(scores) if scores else None
    moves = readiness_moves(candidate, facts, now=now)
    answered = [d for d in day_facts.debriefs if d.how_it_went is not None or d.questions.strip()]
    return wrap_up_message(
        sum(facts.answers.values()), len(scores), average, len(facts.stories), moves, answered
    )
