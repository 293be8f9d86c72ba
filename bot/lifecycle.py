"""How a long-running process learns it should stop: SIGTERM (a deploy, a supervisor) or SIGINT
(Ctrl-C), whenever either arrives, becomes one flag the main thread waits on.

A signal handler that raises or shuts things down itself races the code it interrupts (a
scheduler half started, a socket half open). Setting a flag never does; the main thread then
stops everything in order and says so once.
"""

from __future__ import annotations

import signal
import threading

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignal:
    def __init__(self) -> None:
        self._event = threading.Event()

    @classmethod
    def install(cls) -> StopSignal:
        """Catch SIGTERM and SIGINT from now on (call it from the main thread, first thing)."""
        stop = cls()
        for number in STOP_SIGNALS:
            signal.signal(number, stop._on_signal)
        return stop

    def _on_signal(self, _number: int, _frame: object) -> None:
        self._event.set()

    def request(self) -> None:
        self._event.set()

    def requested(self) -> bool:
        return self._event.is_set()

    def wait(self) -> None:
        # A timed wait, so the main thread wakes for signals on every platform.
        while not self._event.wait(0.5):
            pass
