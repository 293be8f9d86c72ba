"""Reading what people type: dates, times, Slack mentions. Pure; errors say how to write it."""

from __future__ import annotations

import re
from datetime import date, time


class InputError(ValueError):
    """Bad input, with one line for the person: what was wrong and how to write it."""


QUOTE_LIMIT = 60
# Control characters but tab and newline, and lone surrogates (JSON can carry them; UTF-8 cannot).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean(text: str) -> str:
    """What people send, minus what no database should store: NUL, other controls, lone surrogates."""
    return CONTROL.sub("", text)


def quote(text: str) -> str:
    """Echo someone's input in a reply: on one line, clipped, with Slack's markup characters escaped."""
    flat = " ".join(text.split())
    if len(flat) > QUOTE_LIMIT:
        flat = flat[: QUOTE_LIMIT - 1] + "…"
    return "“" + flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "”"


DATE_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
TIME_PATTERN = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$", re.IGNORECASE)
MENTION_PATTERN = re.compile(r"<@([UW][A-Z0-9]{2,})(?:\|([^>]*))?>")


def parse_date(text: str) -> date:
    text = text.strip()
    found = DATE_PATTERN.match(text)
    if not found:
        raise InputError(f"{quote(text)} is not a date: write it as YYYY-MM-DD, like 2026-12-16.")
    year, month, day = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(
            f"{text} is not a date on the calendar: write it as YYYY-MM-DD, like 2026-12-16."
        ) from None


def parse_time(text: str) -> time:
    """24-hour "HH:MM" (and, forgivingly, "7:30", "9am", "6:15 pm")."""
    text = text.strip()
    found = TIME_PATTERN.match(text)
    if not found:
        raise InputError(
            f"{quote(text)} is not a time: write it as HH:MM on a 24-hour clock, like 09:00 or 18:30."
        )
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    suffix = (found.group(3) or "").replace(".", "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            raise InputError(
                f"{quote(text)} is not a time: with am/pm the hour runs 1–12 (9am, 6:30pm); or write HH:MM, like 09:00."
            )
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    elif found.group(2) is None:
        raise InputError(
            f"{quote(text)} is not a time: write it as HH:MM on a 24-hour clock, like 09:00 or 18:30."
        )
    if hour > 23 or minute > 59:
        raise InputError(
            f"{quote(text)[1:-1]} is not a time of day: hours run 00–23 and minutes 00–59, like 09:00 or 18:30."
        )
    return time(hour, minute)


def parse_mentions(text: str) -> list[str]:
    """User ids from Slack's escaped mentions (`<@U123|name>` or `<@U123>`); the rest must be empty."""
    ids = [found.group(1) for found in MENTION_PATTERN.finditer(text)]
    leftover = MENTION_PATTERN.sub(" ", text).strip(" ,")
    if not ids or leftover:
        shown = leftover or text.strip() or "nothing"
        raise InputError(
            f"{quote(shown)} is not a mention of a person: type @ and pick them from the list, "
            "like `/prep reviewer add @maria`."
        )
    return list(dict.fromkeys(ids))


def parse_position(text: str, count: int, what: str) -> int:
    """A 1-based position among `count` things, as listed by the matching command."""
    text = text.strip().lstrip("#")
    if not text.isdigit():
        raise InputError(
            f"{quote(text)} is not a number: use the number from `/prep {what}s`, like `/prep {what} remove 2`."
        )
    position = int(text)
    if count == 0:
        raise InputError(f"There are no {what}s to remove yet.")
    if not 1 <= position <= count:
        listed = "1" if count == 1 else f"1 to {count}"
        raise InputError(
            f"There is no {what} {position}: you have {count}, numbered {listed} (see `/prep {what}s`)."
        )
    return position
