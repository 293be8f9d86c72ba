"""The work behind acknowledgements, run in this process so that it sees the simulated clock.

This is the playground's one coupling to how the app hands work off (handlers/background.py): on
SQLite the app's queue runs jobs on this process's threads (bot/job_queue.InProcessQueue), with
the playground's deps; the playground waits until everything handed off has finished, so a page
action returns once its effects are in the workspace.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from bot.deps import Deps
from bot.job_queue import InProcessQueue
from bot.web import WSGIApp, create_web_app


class AppWithWork:
    """The real WSGI app, and a way to wait for the work its listeners handed off."""

    def __init__(self, deps: Deps) -> None:
        assert isinstance(deps.queue, InProcessQueue), "the playground runs on SQLite, jobs in-process"
        self._queue = deps.queue
        # What runs right after the response (opening a modal) is handed off too, to this executor.
        self._soon = CountingExecutor(max_workers=4, thread_name_prefix="soon")
        self.wsgi: WSGIApp = create_web_app(deps, listener_executor=self._soon)

    def settle(self, timeout: float = 30.0) -> bool:
        """True once nothing handed off is still running (False if `timeout` ran out first).

        Either kind of work may hand off the other, so both are waited on until both are idle."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._soon.wait_idle(deadline - time.monotonic())
                self._queue.wait_idle(max(deadline - time.monotonic(), 0.0))
            except TimeoutError:
                return False
            if self._soon.idle():
                return True

    def shutdown(self) -> None:
        self._soon.shutdown(wait=False, cancel_futures=True)
        self._queue.close()


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
