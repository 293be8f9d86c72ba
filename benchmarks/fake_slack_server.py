"""Run the fake Slack Web API as a process of its own, optionally enforcing Slack-like limits.

It also notes when each response_url was first called (GET /_replies: path -> epoch seconds), so a
benchmark can time a command from its request to its reply.

Workspaces: a channel id starting "DW" + one digit is in workspace DW<digit> (the 10-workspace
fanout seeds them so); chat.postMessage's workspace limit is then per workspace.

`--limits slack` enforces, as token buckets (a rate and a burst allowance, the way Slack describes
its tiers: "N per minute, bursts tolerated"), with time compressed `--scale` times:
  chat.postMessage    1 per second per channel (burst 1), and 600 a minute per workspace (burst 300)
  conversations.open  50 a minute (burst 25)
  users.info          100 a minute (burst 50)
A call over the limit gets 429 with Retry-After in whole seconds, as Slack answers.
"""

from __future__ import annotations

import argparse
import math
import threading
import time
from typing import Any

from tests.support.fake_slack import FakeSlack

WORKSPACE = {"chat.postMessage": (600, 300), "conversations.open": (50, 25), "users.info": (100, 50)}
PER_CHANNEL = {"chat.postMessage": (60, 1)}  # per minute, burst


class Bucket:
    def __init__(self, per_minute: float, burst: int, scale: float) -> None:
        self.rate = per_minute / 60 * scale
        self.capacity = burst
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def take(self) -> float | None:
        """None if a token was free; else the seconds until one will be."""
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return None
        return (1 - self.tokens) / self.rate


class SlackLimits:
    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.lock = threading.Lock()
        self.buckets: dict[tuple[str, str], Bucket] = {}

    def bucket(self, key: tuple[str, str], spec: tuple[int, int]) -> Bucket:
        if key not in self.buckets:
            self.buckets[key] = Bucket(spec[0], spec[1], self.scale)
        return self.buckets[key]

    def __call__(self, method: str, params: dict[str, Any]) -> int | None:
        with self.lock:
            waits = []
            if method in PER_CHANNEL and params.get("channel"):
                waits.append(self.bucket((method, str(params["channel"])), PER_CHANNEL[method]).take())
            if method in WORKSPACE:
                channel = str(params.get("channel") or "")
                workspace = channel[:3] if channel.startswith("DW") else ""
                waits.append(self.bucket((method, workspace), WORKSPACE[method]).take())
            refused = [w for w in waits if w is not None]
            return max(1, math.ceil(max(refused))) if refused else None


class TimedFakeSlack(FakeSlack):
    """The fake, noting the first time each response_url path is called, and answering
    conversations.replies (a thread's messages) from the history it keeps."""

    replies: dict[str, float]

    def api_conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        thread = str(params.get("ts"))
        include_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            found = [
                dict(m)
                for m in self.history.get(str(params.get("channel")), [])
                if m["ts"] == thread or m.get("thread_ts") == thread
            ]
        if not include_metadata:
            for message in found:
                message.pop("metadata", None)
        return {"ok": True, "messages": found, "has_more": False}

    def _handler_class(self) -> Any:
        fake = self
        fake.replies = {}
        base = super()._handler_class()

        class Handler(base):  # type: ignore[misc, valid-type]
            def do_POST(self) -> None:
                if self.path.startswith("/response/"):
                    fake.replies.setdefault(self.path, time.time())
                super().do_POST()

            def do_GET(self) -> None:
                if self.path == "/_replies":
                    self._reply(200, dict(fake.replies))
                    return
                super().do_GET()

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--limits", choices=["slack"], default=None)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    fake = TimedFakeSlack(token=args.token, port=args.port)
    if args.limits:
        fake.limiter = SlackLimits(args.scale)
    fake.start()
    threading.Event().wait()


if __name__ == "__main__":
    main()
