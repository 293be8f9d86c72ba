"""A story's one-line gist, for prompts and the loop-day kit: what makes it worth telling. Pure.

The result with its number when the result has one ("Latency fell from 2.4 s to 300 ms"); else the
result's first sentence with the story's metrics; else the first sentence of the action (what was
done); else the first sentence of whatever part there is. Empty when the story has only a title.
"""

from __future__ import annotations

from typing import Protocol

from bot.answer_check.text import sentences
from bot.star_split import has_number

MAX_GIST = 160


class StoryParts(Protocol):
    @property
    def situation(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def result(self) -> str: ...
    @property
    def metrics(self) -> str: ...


def clipped(text: str, limit: int = MAX_GIST) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def gist(story: StoryParts) -> str:
    result = sentences(story.result or "")
    numbered = next((s for s in result if has_number(s)), None)
    if numbered:
        return clipped(numbered)
    metrics = " ".join((story.metrics or "").split())
    if result and metrics:
        return clipped(f"{result[0].rstrip('.')} ({metrics})")
    for part in (story.action, story.result, story.situation):
        told = sentences(part or "")
        if told:
            return clipped(told[0])
    return clipped(metrics)
