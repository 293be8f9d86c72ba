"""The Slack stand-in (bot/playground/slack_standin.py), as the tests use it: it can also be told to
misbehave (answer 429 with Retry-After, answer 5xx, refuse, stall, drop the connection), to enforce
rate limits (benchmarks), and to hand out a Socket Mode URL."""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.playground.slack_standin import SlackStandIn
from bot.playground.standin_http import Call, Interception
from bot.playground.workspace import BOT_ID, BOT_USER_ID, TEAM_ID

__all__ = ["BOT_ID", "BOT_USER_ID", "TEAM_ID", "Call", "FakeSlack"]


@dataclass
class Fault:
    status: int
    retry_after: int | None = None
    delay: float = 0.0
    body: dict[str, Any] | None = None
    passthrough: bool = False  # after the delay, answer normally (a slow but successful call)


class FakeSlack(SlackStandIn):
    def __init__(self, token: str = "xoxb-test-fake-token", port: int = 0) -> None:
        super().__init__(token=token, port=port)
        self._faults: dict[str, list[Fault]] = defaultdict(list)
        self._fault_lock = threading.Lock()
        self.limiter: Callable[[str, dict[str, Any]], int | None] | None = None
        self.throttled = 0
        self.app_token = "xapp-1-A0LOOPCOACH-0000-fake"
        self.socket_url: str | None = None  # where apps.connections.open sends Socket Mode clients

    # -- arranging ---------------------------------------------------------------------------
    def fail(
        self,
        method: str,
        status: int,
        *,
        times: int = 1,
        retry_after: int | None = None,
        delay: float = 0.0,
        body: dict[str, Any] | None = None,
    ) -> None:
        """The next `times` calls of `method` answer `status` (429 with Retry-After, 5xx, ...)."""
        with self._fault_lock:
            self._faults[method].extend(Fault(status, retry_after, delay, body) for _ in range(times))

    def stall(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next calls of `method` take `seconds`, then succeed: the work is done even if the caller gave up."""
        with self._fault_lock:
            self._faults[method].extend(Fault(200, delay=seconds, passthrough=True) for _ in range(times))

    def refuse(self, method: str, error: str, *, times: int = 1) -> None:
        """The next calls of `method` answer HTTP 200 with ok=false, as Slack does for most errors."""
        self.fail(method, 200, times=times, body={"ok": False, "error": error})

    def _record(self, call: Call) -> None:  # the name test helpers written before the stand-in use
        self.record(call)

    # -- misbehaving -------------------------------------------------------------------------
    def _next_fault(self, method: str) -> Fault | None:
        with self._fault_lock:
            queue = self._faults.get(method)
            return queue.pop(0) if queue else None

    def intercept(self, method: str, params: dict[str, Any], headers: dict[str, str]) -> Interception | None:
        fault = self._next_fault(method)
        if fault and fault.passthrough:
            time.sleep(fault.delay)
            fault = None
        if fault and method == "response_url":
            return Interception(fault.status, {"ok": False}, {"Retry-After": str(fault.retry_after or 0)})
        if fault:
            time.sleep(fault.delay)
            if fault.status == 0:  # hang up without an answer, like a dropped connection
                return Interception(0, hang_up=True)
            extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
            return Interception(fault.status, fault.body or {"ok": False, "error": "fault_injected"}, extra)
        if self.limiter and method not in ("response_url", "file_upload"):
            wait = self.limiter(method, params)
            if wait is not None:
                with self._lock:
                    self.throttled += 1
                return Interception(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(wait)})
        if method == "apps.connections.open":
            ok = self.socket_url and headers.get("authorization") == f"Bearer {self.app_token}"
            return Interception(
                200, {"ok": True, "url": self.socket_url} if ok else {"ok": False, "error": "invalid_auth"}
            )
        return None

    def answer_get(self, path: str) -> dict[str, Any] | None:
        return self.stats() if path == "/_stats" else None

    # -- asserting ---------------------------------------------------------------------------
    def responses(self) -> list[Call]:
        return self.calls_to("response_url")

    def last_response_text(self) -> str:
        responses = self.responses()
        assert responses, "nothing was sent to the response_url"
        return str(responses[-1].params.get("text", ""))

    def posts(self, channel: str | None = None) -> list[Call]:
        return [
            c
            for c in self.calls_to("chat.postMessage")
            if channel is None or c.params.get("channel") == channel
        ]

    def stats(self) -> dict[str, Any]:
        """What happened, for a benchmark in another process: calls, posts per channel, 429s, timing."""
        with self._lock:
            calls = list(self.calls)
            throttled = self.throttled
            landed = Counter(
                channel
                for channel, messages in self.history.items()
                for message in messages
                if not message.get("thread_ts")
            )
        posts = [c for c in calls if c.method == "chat.postMessage"]
        return {
            "calls": dict(Counter(c.method for c in calls)),
            "throttled": throttled,
            "channels_posted": len(landed),
            "duplicate_posts": sum(n - 1 for n in landed.values() if n > 1),
            "first_post": min((c.wall for c in posts), default=None),
            "last_post": max((c.wall for c in posts), default=None),
        }
