"""Which question, once the topic is chosen: the candidate's own first, then the bank in an order of
their own, then spaced repetition. Pure and deterministic."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.questions.bank import BankQuestion
from bot.questions.roles import Track
from bot.questions.spacing import Ask, next_due


@dataclass(frozen=True)
class Option:
    key: str
    text: str


def shuffled(questions: Sequence[BankQuestion], seed: str) -> list[BankQuestion]:
    """The bank's questions in an order that is the candidate's own: two candidates rarely share a
    sequence, one candidate always gets the same, and a question added later slots in without
    moving the others."""
    return sorted(questions, key=lambda q: hashlib.sha256(f"{seed}|{q.key}".encode()).digest())


def question_options(
    own: Sequence[Option], bank: Sequence[BankQuestion], *, track: Track | None, seed: str
) -> list[Option]:
    """Own and imported questions first, in the order added (the recruiter's lists matter most);
    then the bank's variants for the candidate's track (manager or individual contributor); then
    the questions for everyone. Variants for the other track are left out."""
    pitched = [q for q in bank if track is not None and q.track == track]
    general = [q for q in bank if q.track is None]
    ordered = shuffled(pitched, seed) + shuffled(general, seed)
    return [*own, *(Option(key=q.key, text=q.text) for q in ordered)]


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
