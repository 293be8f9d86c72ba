"""The work behind acknowledgements, run in this process so that it sees the simulated clock.

This is the playground's one coupling to how the app hands work off (handlers/background.py): on
SQLite the app's queue runs jobs on this process's threads (bot/job_queue.InProcessQueue), with
the playground's deps; the playground waits until everything handed off has finished, so a page
action returns once its effects are in the workspace.
"""

from __future__ import annotations

import time

from bot.deps import Deps
from bot.executors import CountingExecutor
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

