"""A thread pool that can say when everything handed to it has finished: what lets the playground
(and the tests) answer only once the work behind an acknowledgement is done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class CountingExecutor(ThreadPoolExecutor):
    """A thread pool that can say when everything submitted to it has finished."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._running = 0
        self._changed = threading.Condition()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._changed:
            self._running += 1
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _: Future[Any]) -> None:
        with self._changed:
            self._running -= 1
            self._changed.notify_all()

    def idle(self) -> bool:
        with self._changed:
            return self._running == 0

    def wait_idle(self, timeout: float) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: self._running == 0, timeout=max(timeout, 0.0)):
                raise TimeoutError("work handed off after the response is still running")
