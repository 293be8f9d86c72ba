"""Interview focus areas: the ones the question bank drills, matched loosely; others kept as typed."""

from __future__ import annotations

from bot.parsing import InputError
from bot.principles import normalise

FOCUS_AREAS: tuple[str, ...] = (
    "System Design",
    "People Management",
    "Operational Excellence",
    "Product/Project Management",
    "Writing Sample",
)

_VARIANTS = {
    "system design": "System Design",
    "systems design": "System Design",
    "design": "System Design",
    "people management": "People Management",
    "people manager": "People Management",
    "management": "People Management",
    "operational excellence": "Operational Excellence",
    "operations": "Operational Excellence",
    "ops": "Operational Excellence",
    "oe": "Operational Excellence",
    "product management": "Product/Project Management",
    "project management": "Product/Project Management",
    "product project management": "Product/Project Management",
    "product project management core": "Product/Project Management",
    "product": "Product/Project Management",
    "pm": "Product/Project Management",
    "writing sample": "Writing Sample",
    "writing": "Writing Sample",
}
MAX_FOCUS = 80


def match_focus(text: str) -> str:
    """The canonical focus area for what was typed, or the text itself for an area we don't drill."""
    text = " ".join(text.split())
    if not text:
        raise InputError(
            f"Say which focus after `focus`, like `focus System Design`. Known: {', '.join(FOCUS_AREAS)}."
        )
    key = normalise(text)
    if key in _VARIANTS:
        return _VARIANTS[key]
    starts = {name for variant, name in _VARIANTS.items() if variant.startswith(key) and len(key) >= 4}
    if len(starts) == 1:
        return starts.pop()
    if len(text) > MAX_FOCUS:
        raise InputError(f"That focus is {len(text)} characters; keep it under {MAX_FOCUS}.")
    return text


def drilled(focus: str | None) -> str | None:
    """The first focus area the bank has drills for, in a focus like "People Management, Writing Sample"."""
    for part in (focus or "").split(","):
        if part.strip() in FOCUS_AREAS:
            return part.strip()
    return None
