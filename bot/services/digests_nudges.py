"""Messages a morning plans beyond its own: the weekly digests and the two nudges.

Each is a prompt row in a slot of its own (so it exists once), with `due_at` when it is owed later
that day. Their words are written when they fall due (see bot/services/due_checks.py): a digest
tells the week as it stands then, and a nudge whose reason has gone (the question answered, the
answer rated, a pause) is dropped instead.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from bot.models import Candidate, Prompt
from bot.nudges import evening_nudge_at, rating_nudge_at
from bot.plan import at_local, local_today
from bot.services.facts import Facts
from bot.services.schedule import DAILY, resting

QUESTION = "question"  # bot.services.asking.QUESTION: the kind of a daily question's row
RECENT_ANSWERS = timedelta(days=3)  # a rating nudge for older answers would only be noise
FIRST_DIGEST_AFTER = timedelta(days=3)  # a candidate who started yesterday has no week to tell


class DigestOrNudge(StrEnum):
    """The kinds (and slot prefixes) of the rows planned here."""

    DIGEST = "digest"
    REVIEWER_DIGEST = "reviewer-digest"
    EVENING_NUDGE = "evening-nudge"
    RATING_NUDGE = "rating-nudge"


DIGESTS_AND_NUDGES = frozenset(str(kind) for kind in DigestOrNudge)


def reviewer_slot(user_id: str) -> str:
    return f"{DigestOrNudge.DIGEST}-{user_id}"[:40]


def own_members(row: Prompt) -> tuple[str, ...] | None:
    """Who a row goes to when not the prep conversation: a reviewer's digest goes to their DM."""
    if row.kind == DigestOrNudge.REVIEWER_DIGEST:
        return (row.slot.removeprefix(f"{DigestOrNudge.DIGEST}-"),)
    return None


def rating_slot(answer_id: int) -> str:
    return f"{DigestOrNudge.RATING_NUDGE}-{answer_id}"


def digest_and_nudge_rows(
    candidate: Candidate, facts: Facts, day: date, morning: list[Prompt], *, now: datetime
) -> list[Prompt]:
    """The rows a morning owes besides its question: `morning` is what it planned already."""
    if candidate.loop_date is None or day >= candidate.loop_date:
        return []  # the loop day has its kit; after it, only the wrap-up
    rows = digest_rows(candidate, facts, day, now=now)
    if not resting(candidate, day):
        rows += evening_row(candidate, facts, day, morning, now=now)
        rows += rating_rows(candidate, facts, day, now=now)
    return rows


def row(
    candidate: Candidate, day: date, slot: str, kind: DigestOrNudge, due: datetime | None, now: datetime
) -> Prompt:
    return Prompt(
        candidate_id=candidate.id,
        local_date=day,
        slot=slot,
        kind=str(kind),
        payload={},
        due_at=due.astimezone(UTC) if due else None,
        status="pending",
        attempts=0,
        created_at=now.astimezone(UTC),
    )


def digest_rows(candidate: Candidate, facts: Facts, day: date, *, now: datetime) -> list[Prompt]:
    if candidate.digest_day != day.weekday() or facts.has_prompt(day, str(DigestOrNudge.DIGEST)):
        return []
    if local_today(candidate.created_at + FIRST_DIGEST_AFTER, candidate.tz) > day:
        return []
    rows = [row(candidate, day, str(DigestOrNudge.DIGEST), DigestOrNudge.DIGEST, None, now)]
    for reviewer in candidate.reviewers:
        rows.append(row(candidate, day, reviewer_slot(reviewer.user_id), DigestOrNudge.REVIEWER_DIGEST, None, now))
    return rows


def evening_row(
    candidate: Candidate, facts: Facts, day: date, morning: list[Prompt], *, now: datetime
) -> list[Prompt]:
    asked = any(r.slot == DAILY and r.kind == QUESTION for r in morning)
    due = evening_nudge_at(day, max(now, at_local(day, candidate.prompt_time, candidate.tz)), candidate.tz)
    if not asked or due is None or facts.has_prompt(day, str(DigestOrNudge.EVENING_NUDGE)):
        return []
    return [row(candidate, day, str(DigestOrNudge.EVENING_NUDGE), DigestOrNudge.EVENING_NUDGE, due, now)]


def rating_rows(candidate: Candidate, facts: Facts, day: date, *, now: datetime) -> list[Prompt]:
    """A nudge for each recent unrated answer whose 24 hours end before the next morning: each
    morning plans the nudges falling due until the next, so every row is due the day it is written."""
    if not candidate.reviewers:
        return []
    next_morning = at_local(day + timedelta(days=1), candidate.prompt_time, candidate.tz)
    rows = []
    for answer in facts.answer_facts:
        if answer.ratings or answer.answered_at < now - RECENT_ANSWERS:
            continue
        due = rating_nudge_at(answer.answered_at, candidate.tz)
        answered_day = local_today(answer.answered_at, candidate.tz)
        if due >= next_morning or facts.has_prompt(answered_day, rating_slot(answer.id)):
            continue
        rows.append(row(candidate, answered_day, rating_slot(answer.id), DigestOrNudge.RATING_NUDGE, due, now))
    return rows
