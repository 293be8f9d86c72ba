"""Modals, and reading their submissions back into values (pure: errors keyed by block id)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from bot.blocks.kit import plain
from bot.commands import AddInterview
from bot.focus import FOCUS_AREAS
from bot.parsing import clean
from bot.principles import PRINCIPLES

INTERVIEW_FORM = "interview_form"
MAX_NAME = 200


class FormErrors(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def option(text: str) -> dict[str, Any]:
    return {"text": plain(text), "value": text}


def text_input(
    block_id: str,
    label: str,
    *,
    multiline: bool = False,
    optional: bool = False,
    max_length: int = 3000,
    initial: str = "",
    placeholder: str = "",
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = initial
    if placeholder:
        element["placeholder"] = plain(placeholder)
    return {
        "type": "input",
        "block_id": block_id,
        "label": plain(label),
        "optional": optional,
        "element": element,
    }


def principle_picker(
    block_id: str, label: str, *, initial: list[str] | None = None, max_selected: int | None = None
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "multi_static_select",
        "action_id": "value",
        "placeholder": plain("Pick principles"),
        "options": [option(name) for name in PRINCIPLES],
    }
    if initial:
        element["initial_options"] = [option(name) for name in initial if name in PRINCIPLES]
    if max_selected:
        element["max_selected_items"] = max_selected
    return {"type": "input", "block_id": block_id, "label": plain(label), "element": element}


def modal(
    callback_id: str, title: str, submit: str, blocks: list[dict[str, Any]], private_metadata: str = ""
) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": plain(title[:24]),
        "submit": plain(submit),
        "close": plain("Cancel"),
        "private_metadata": private_metadata,
        "blocks": blocks,
    }


def interview_form() -> dict[str, Any]:
    blocks = [
        text_input("interviewer", "Interviewer", max_length=MAX_NAME, placeholder="Natesh"),
        principle_picker("principles", "Leadership Principles", max_selected=4),
        {
            "type": "input",
            "block_id": "day",
            "optional": True,
            "label": plain("Day (leave empty for the loop day)"),
            "element": {"type": "datepicker", "action_id": "value"},
        },
        {
            "type": "input",
            "block_id": "time",
            "optional": True,
            "label": plain("Time"),
            "element": {"type": "timepicker", "action_id": "value"},
        },
        {
            "type": "input",
            "block_id": "focus",
            "optional": True,
            "label": plain("Focus"),
            "element": {
                "type": "static_select",
                "action_id": "value",
                "placeholder": plain("None"),
                "options": [option(area) for area in FOCUS_AREAS],
            },
        },
    ]
    return modal(INTERVIEW_FORM, "Add an interview", "Add", blocks)


def field(values: dict[str, Any], block_id: str) -> dict[str, Any]:
    return dict(values.get(block_id, {}).get("value") or {})


def read_text(values: dict[str, Any], block_id: str) -> str:
    return clean(field(values, block_id).get("value") or "").strip()


def read_principles(values: dict[str, Any], block_id: str) -> list[str]:
    chosen = [o.get("value") for o in field(values, block_id).get("selected_options") or []]
    return [name for name in chosen if name in PRINCIPLES]


def read_interview_form(values: dict[str, Any]) -> AddInterview:
    errors: dict[str, str] = {}
    name = read_text(values, "interviewer")
    if not name:
        errors["interviewer"] = "Name the interviewer."
    elif len(name) > MAX_NAME:
        errors["interviewer"] = f"Keep the name under {MAX_NAME} characters."
    principles = read_principles(values, "principles")
    if not principles:
        errors["principles"] = "Pick at least one principle."
    elif len(principles) > 4:
        errors["principles"] = "An interview covers at most four principles."
    day_text = field(values, "day").get("selected_date")
    time_text = field(values, "time").get("selected_time")
    at = None
    if time_text and not day_text:
        errors["day"] = "Pick the day too, or clear the time to use the loop day."
    elif day_text:
        try:
            day = date.fromisoformat(day_text)
            at = datetime.combine(day, time.fromisoformat(time_text) if time_text else time(9, 0))
        except ValueError:
            errors["day"] = "Pick a day from the calendar."
    focus_value = (field(values, "focus").get("selected_option") or {}).get("value")
    if focus_value is not None and focus_value not in FOCUS_AREAS:
        errors["focus"] = "Pick a focus from the list."
    if errors:
        raise FormErrors(errors)
    return AddInterview(interviewer=name, principles=tuple(principles), at=at, focus=focus_value)
