"""Time as a value. The core never reads the wall clock; the edges ask a Clock."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until told otherwise: for `tick --at` and for tests."""

    def __init__(self, at: datetime) -> None:
        self._lock = threading.Lock()
        self._at = as_utc(at)

    def now(self) -> datetime:
        with self._lock:
            return self._at

    def set(self, at: datetime) -> None:
        with self._lock:
            self._at = as_utc(at)

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._at += delta


def as_utc(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("a naive datetime has no instant; give it a time zone")
    return at.astimezone(UTC)


class ShiftedClock:
    """Time as it runs on from `start`, which was the wall clock's `since` (epoch seconds).

    A job's clock: it starts at the instant its request was received, as that process's clock
    said (a test's FixedClock included), and runs on at the wall clock's pace while it waits.
    """

    def __init__(self, start: datetime, since: float) -> None:
        self._start = as_utc(start)
        self._since = since

    def now(self) -> datetime:
        return self._start + timedelta(seconds=max(0.0, time.time() - self._since))
