"""The work behind acknowledgements, run in this process so that it sees the simulated clock.

This is the playground's one coupling to how the app hands work off (handlers/background.py): it
builds the real web app with an in-process executor, and can wait until everything handed off has
finished, so a page action returns once its effects are in the workspace.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from bot.deps import Deps
from bot.web import WSGIApp, create_web_app

WORK_THREADS = 4


class InProcessWork(ThreadPoolExecutor):
    """A thread pool that can say when every job handed to it has finished."""

    def __init__(self) -> None:
        super().__init__(max_workers=WORK_THREADS, thread_name_prefix="work")
        self._idle = threading.Condition()
        self._pending = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self._idle:
            self._pending += 1
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _future: Future[Any]) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, max(0.0, deadline - time.monotonic()))


class AppWithWork:
    """The real WSGI app, and a way to wait for the work its listeners handed off."""

    def __init__(self, deps: Deps) -> None:
        self._work = InProcessWork()
        self.wsgi: WSGIApp = create_web_app(deps, work_executor=self._work)

    def settle(self, timeout: float = 30.0) -> bool:
        """True once nothing handed off is still running (False if `timeout` ran out first)."""
        return self._work.wait_idle(timeout)

    def shutdown(self) -> None:
        self._work.shutdown(wait=False, cancel_futures=True)
