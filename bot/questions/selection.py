"""Which interview, which topic, which question: the daily choice, pure and deterministic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.questions.spacing import Ask, next_due


@dataclass(frozen=True)
class Option:
    key: str
    text: str


def rotate(group: Sequence[int], turns_taken: int) -> int:
    """Interviews on the same day take turns, one a day, in their order."""
    return group[turns_taken % len(group)]


def choose_topic(
    principles: Sequence[str],
    focus: str | None,
    answers: Mapping[str, int],
    averages: Mapping[str, float],
) -> str:
    """Of an interview's principles: fewest answers, then lowest average rating (unrated first),
    then first listed. A drilled focus comes in only once every principle has had as many answers."""

    def rank(indexed: tuple[int, str]) -> tuple[int, float, int]:
        position, topic = indexed
        return answers.get(topic, 0), averages.get(topic, 0.0), position

    _, best = min(enumerate(principles), key=rank)
    if focus and answers.get(focus, 0) < min(answers.get(p, 0) for p in principles):
        return focus
    return best


def choose_question(
    options: Sequence[Option],
    history: Mapping[str, list[Ask]],
    *,
    not_after: datetime | None,
) -> Option:
    """A question never asked comes first, in the order given; otherwise the most overdue by FSRS."""
    if not options:
        raise ValueError("no questions to choose from")
    for option in options:
        if not history.get(option.key):
            return option
    return min(options, key=lambda option: next_due(history[option.key], not_after=not_after))
