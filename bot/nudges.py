"""When a nudge is due, and whether it is still wanted when its time comes. Pure.

Two nudges, each at most once:
- the evening reminder to the candidate, when the day's question is still unanswered at 18:00
  (their time), and at least four hours after the question, never after 21:00;
- the reminder to the reviewers, when an answer has no rating 24 hours after it was given, moved
  out of the night (21:00–09:00 in the candidate's zone) to the next 09:00.

A nudge is planned ahead with its due instant and checked again when due: an answer given, a
rating left, a pause or a day off in the meantime drops it, unsent; so does a clock back from an
outage after 21:00 (a late question is worth sending; a late reminder is not).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.plan import at_local, zone

EVENING = time(18, 0)
AFTER_QUESTION = timedelta(hours=4)
LATEST = time(21, 0)
RATING_WAIT = timedelta(hours=24)
NIGHT_STARTS, DAY_STARTS = time(21, 0), time(9, 0)


def evening_nudge_at(day: date, question_at: datetime, tz: str | None) -> datetime | None:
    """18:00 local, or four hours after the question if later; None past 21:00 (too late to ask)."""
    due = max(at_local(day, EVENING, tz), question_at + AFTER_QUESTION)
    return due if due <= at_local(day, LATEST, tz) else None


def rating_nudge_at(answered_at: datetime, tz: str | None) -> datetime:
    due = answered_at + RATING_WAIT
    local = due.astimezone(zone(tz))
    if local.time() >= NIGHT_STARTS:
        return at_local(local.date() + timedelta(days=1), DAY_STARTS, tz)
    if local.time() < DAY_STARTS:
        return at_local(local.date(), DAY_STARTS, tz)
    return due


def daytime(now: datetime, tz: str | None) -> bool:
    """Between 09:00 and 21:00 where the candidate is: a nudge late after a clock outage waits or goes."""
    return DAY_STARTS <= now.astimezone(zone(tz)).time() < NIGHT_STARTS


def evening_nudge_wanted(
    *, asked: bool, answered: bool, practising: bool, now: datetime, tz: str | None
) -> bool:
    """`asked`: the day's question went out (not skipped, not failed)."""
    return asked and not answered and practising and daytime(now, tz)


def rating_nudge_wanted(
    *, answer_kept: bool, ratings: int, reviewers: int, practising: bool, now: datetime, tz: str | None
) -> bool:
    """`answer_kept`: the answer was not deleted meanwhile."""
    return answer_kept and ratings == 0 and reviewers > 0 and practising and daytime(now, tz)
