"""Replies to `/prep pause [until DATE]`, `/prep days` and `/prep digest`."""

from __future__ import annotations

from bot.blocks.replies import next_question
from bot.plan import long_date
from bot.services.loop import LoopView
from bot.weekdays import ALL_DAYS, NAMES, describe

KEPT = "Your loop, interviews and stories are kept."


def paused(view: LoopView) -> str:
    if view.paused_until is not None:
        return (
            f"Paused until {long_date(view.paused_until)}: no questions or reminders till then. "
            f"They start again that morning by themselves; `/prep resume` brings them back sooner. {KEPT}"
        )
    return f"Paused: no daily questions or reminders until `/prep resume`. {KEPT}"


def days_line(view: LoopView) -> str:
    if view.days == ALL_DAYS:
        return "Daily questions come every day."
    return (
        f"Daily questions come {describe(view.days)} only; reminders keep to the same days. "
        "Your loop-day kit and the wrap-up come whatever the day."
    )


def days_set(view: LoopView) -> str:
    return f"{days_line(view)} {next_question(view)}".strip()


def days_shown(view: LoopView) -> str:
    return f"{days_line(view)} Change with `/prep days mon-fri`, `/prep days mon,wed,fri` or `/prep days all`."


def digest_line(view: LoopView, at_text: str) -> str:
    if view.digest_day is None:
        return "Your weekly digest is off. `/prep digest mon` (or any day) turns it on."
    return (
        f"Your weekly digest comes on {NAMES[view.digest_day]}s at {at_text} ({view.tz or 'UTC'}), with the "
        "morning question: answers given, average ratings, what improved and what to practise next. "
        "Your reviewers get their list of answers waiting for a rating the same morning."
    )


def digest_set(view: LoopView, at_text: str) -> str:
    return digest_line(view, at_text)


def digest_shown(view: LoopView, at_text: str) -> str:
    change = "" if view.digest_day is None else " Change it with `/prep digest fri`, or `/prep digest off`."
    return digest_line(view, at_text) + change

