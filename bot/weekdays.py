"""Days of the week as people type them: `mon-fri`, `mon,wed,fri`, `weekends`, `all`. Pure.

Days are numbered as `date.weekday()` numbers them, Monday 0 to Sunday 6, and stored as a bit
mask (Monday 1, Tuesday 2, … Sunday 64): one small column, and every day is 127.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.parsing import InputError, quote

NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ALL_DAYS = frozenset(range(7))
EVERY_DAY_MASK = 127
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})
GROUPS = {
    "all": ALL_DAYS,
    "every": ALL_DAYS,
    "everyday": ALL_DAYS,
    "daily": ALL_DAYS,
    "weekdays": WEEKDAYS,
    "workdays": WEEKDAYS,
    "weekends": WEEKEND,
    "weekend": WEEKEND,
}
# Abbreviations that are not plain prefixes of the name.
ALIASES = {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
DAYS_USAGE = "`/prep days mon-fri`, `/prep days mon,wed,fri` or `/prep days all`"
SEPARATORS = re.compile(r"[\s,;/&+]+|\band\b")
RANGE = re.compile(r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b)\s*")


def parse_weekday(text: str) -> int:
    """One day: a full name, a prefix of two letters or more that names one day, or a plural."""
    word = text.strip().lower().rstrip(".")
    if word in ALIASES:
        return ALIASES[word]
    for candidate in (word, word[:-1] if word.endswith("s") else word):
        matches = [
            n for n, name in enumerate(NAMES) if len(candidate) >= 2 and name.lower().startswith(candidate)
        ]
        if len(matches) == 1:
            return matches[0]
    raise InputError(f"{quote(text.strip())} is not a day of the week: write days like {DAYS_USAGE}.")


def parse_days(text: str) -> frozenset[int]:
    """The days a phrase names; a range wraps past Sunday (`fri-mon` is Friday to Monday)."""
    lowered = " ".join(text.lower().split())
    if not lowered:
        raise InputError(f"Say which days: {DAYS_USAGE}.")
    if lowered in ("none", "no days", "never", "off"):
        raise InputError(
            "To stop the daily questions altogether, use `/prep pause` (or `/prep pause until YYYY-MM-DD`)."
        )
    days: set[int] = set()
    for part in SEPARATORS.split(RANGE.sub("-", lowered)):
        if not part:
            continue
        if part in GROUPS:
            days |= GROUPS[part]
            continue
        ends = part.split("-")
        if len(ends) == 2 and all(ends):
            first, last = parse_weekday(ends[0]), parse_weekday(ends[1])
            days |= {(first + step) % 7 for step in range((last - first) % 7 + 1)}
        elif len(ends) == 1:
            days.add(parse_weekday(part))
        else:
            raise InputError(f"{quote(part)} is not a range of days: write it like {DAYS_USAGE}.")
    return frozenset(days)


def to_mask(days: Iterable[int]) -> int:
    return sum(1 << day for day in set(days))


def from_mask(mask: int | None) -> frozenset[int]:
    if mask is None:
        return ALL_DAYS
    return frozenset(day for day in range(7) if mask & (1 << day))


def short_name(day: int) -> str:
    return NAMES[day][:3]


def describe(days: Iterable[int]) -> str:
    """`every day`, `Monday to Friday`, `weekends`, or a list like `Mon, Wed, Fri`."""
    chosen = frozenset(days)
    if chosen == ALL_DAYS:
        return "every day"
    if chosen == WEEKEND:
        return "weekends"
    ordered = sorted(chosen)
    if len(ordered) >= 3 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{NAMES[ordered[0]]} to {NAMES[ordered[-1]]}"
    return ", ".join(short_name(day) for day in ordered)
