"""When a candidate wants to hear from Loop Coach: paused or not, until when, on which weekdays. Pure.

A pause with an end date ends by itself: `paused_until` is the first day questions come again, so
nothing has to run on that day to lift it. The loop day and the day after are not practice days:
the loop-morning kit and the wrap-up come whatever the weekdays say (a pause still holds them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from bot.weekdays import ALL_DAYS, from_mask

WEEK = 7


@dataclass(frozen=True)
class Rhythm:
    paused: bool = False
    paused_until: date | None = None  # first day back; None with `paused` means until `resume`
    days: frozenset[int] = ALL_DAYS  # date.weekday() numbers

    @classmethod
    def of(cls, candidate: RhythmLike) -> Rhythm:
        return cls(candidate.paused, candidate.paused_until, from_mask(candidate.prompt_days))

    def paused_on(self, day: date) -> bool:
        return self.paused and (self.paused_until is None or day < self.paused_until)

    def practises_on(self, day: date) -> bool:
        """A day for the daily question, the evening reminder and the reviewers' reminders."""
        return not self.paused_on(day) and day.weekday() in self.days

    def rests_on(self, day: date, loop_date: date | None) -> bool:
        """True when the morning of `day` owes no question: paused, or a weekday off before the loop."""
        if self.paused_on(day):
            return True
        before_loop = loop_date is None or day < loop_date
        return before_loop and day.weekday() not in self.days

    def next_practice_day(self, start: date, loop_date: date | None) -> date | None:
        """The first day from `start` on that is not a rest day (the loop day always counts); None
        while paused with no end."""
        if self.paused and self.paused_until is None:
            return None
        day = max(start, self.paused_until) if self.paused and self.paused_until else start
        for offset in range(WEEK):
            candidate = day + timedelta(days=offset)
            if not self.rests_on(candidate, loop_date):
                return candidate
        return None  # no weekday at all: parse_days never allows it


class RhythmLike(Protocol):
    """What Rhythm.of reads (a Candidate row)."""

    @property
    def paused(self) -> bool: ...

    @property
    def paused_until(self) -> date | None: ...

    @property
    def prompt_days(self) -> int | None: ...
