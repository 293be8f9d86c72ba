"""Spaced repetition with FSRS: a question's next due moment, rebuilt from its history.

The card is derived, never stored: replaying the reviews keeps it right when a rating is changed
or removed. A peer rating maps 1–2 → Again, 3 → Hard, 4 → Good, 5 → Easy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating, Scheduler

# No fuzzing: the same history must always give the same schedule.
SCHEDULER = Scheduler(enable_fuzzing=False)


def fsrs_rating(score: float) -> Rating:
    rounded = int(score + 0.5)
    if rounded <= 2:
        return Rating.Again
    if rounded == 3:
        return Rating.Hard
    if rounded == 4:
        return Rating.Good
    return Rating.Easy


@dataclass(frozen=True)
class Ask:
    """One time a question was asked, and the peers' average rating of the answer, if any."""

    at: datetime
    score: float | None = None


def next_due(asks: list[Ask], *, not_after: datetime | None = None) -> datetime:
    """When the question should come back. Asked but unrated: due again at once (it needs a rating).
    Nothing is due past `not_after` (the loop)."""
    ordered = sorted(asks, key=lambda ask: ask.at)
    card = Card(card_id=1, due=ordered[0].at)
    for ask in ordered:
        if ask.score is not None:
            card, _log = SCHEDULER.review_card(card, fsrs_rating(ask.score), ask.at)
    due = card.due
    return min(due, not_after) if not_after else due
