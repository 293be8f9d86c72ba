"""Small wording helpers shared by every message: dates, times, counts, lists, mentions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from bot.plan import short_date


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def clock(at: time) -> str:
    return f"{at:%H:%M}"


def when(moment: datetime) -> str:
    return f"{short_date(moment.date())} at {clock(moment.time())}"


def mention(user_id: str) -> str:
    return f"<@{user_id}>"


def mentions(user_ids: Iterable[str]) -> str:
    return ", ".join(mention(u) for u in user_ids)


def names(items: Iterable[str]) -> str:
    return ", ".join(items)


def rating(average: float | None) -> str:
    return "—" if average is None else f"{average:.1f}/5"


def interview_when(day: date | None, at: datetime | None, on_loop_day: bool) -> str:
    if day is None:
        return "on the loop day (no loop date yet)"
    text = short_date(day) + (f" at {clock(at.time())}" if at else "")
    return text + (" (loop day)" if on_loop_day else "")
