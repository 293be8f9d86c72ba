"""The Slack stand-in (bot/playground/slack_standin.py), as the tests use it: it can also be told to
misbehave (answer 429 with Retry-After, answer 5xx, refuse, stall, drop the connection), to enforce
rate limits (benchmarks), and to hand out a Socket Mode URL.

For the OAuth install it plays many workspaces: `oauth.v2.access` answers a code it was given with
that workspace's bot token (and exchanges refresh tokens for new ones), every workspace's bot token
is accepted, and `token_of(call)` says which token each recorded call carried."""

from __future__ import annotations

import base64
import itertools
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
class Installed:
    """A workspace the fake has a bot token for (given out by oauth.v2.access)."""

    team_id: str
    team_name: str
    bot_user_id: str
    bot_id: str
    token: str
    refresh_token: str | None = None  # set when its tokens rotate
    expires_in: int | None = None


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
        self.client_id: str | None = None  # the OAuth app's credentials oauth.v2.access accepts
        self.client_secret: str | None = None
        self.codes: dict[str, Installed] = {}  # install codes, each good once
        self.installed: dict[str, Installed] = {}  # every valid bot token, other than `token`
        self._refresh: dict[str, Installed] = {}
        self._serial = itertools.count(1)

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

    def oauth_app(self, client_id: str, client_secret: str) -> None:
        self.client_id, self.client_secret = client_id, client_secret

    def install_code(
        self, code: str, team_id: str, *, team_name: str = "", rotating: bool = False, expires_in: int = 43200
    ) -> Installed:
        """What oauth.v2.access answers for `code`: a bot token for `team_id` (rotating ones expire)."""
        n = next(self._serial)
        workspace = Installed(
            team_id=team_id,
            team_name=team_name or f"Workspace {team_id}",
            bot_user_id=f"UBOT{team_id[-5:]}",
            bot_id=f"B{team_id[-6:]}",
            token=f"xoxb-{team_id}-{n}-{'r' if rotating else 's'}token",
            refresh_token=f"xoxe-1-{team_id}-{n}-refresh" if rotating else None,
            expires_in=expires_in if rotating else None,
        )
        with self._fault_lock:
            self.codes[code] = workspace
        return workspace

    def token_of(self, call: Call) -> str | None:
        """The token a call carried: its Authorization header (Bearer), else a `token` field."""
        auth = call.headers.get("authorization") or ""
        if auth.startswith("Bearer "):
            return auth.removeprefix("Bearer ")
        token = call.params.get("token")
        return str(token) if token else None

    def tokens_used(self, method: str | None = None) -> list[tuple[str, str | None]]:
        """(method, token) of every call (of `method`), in order."""
        with self._lock:
            calls = list(self.calls)
        return [(c.method, self.token_of(c)) for c in calls if method is None or c.method == method]

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
        if method == "oauth.v2.access":
            return Interception(200, self._oauth_v2_access(params, headers))
        token = (headers.get("authorization") or "").removeprefix("Bearer ") or params.get("token")
        workspace = self.installed.get(str(token)) if token and token != self.token else None
        if workspace is not None:  # another workspace's bot: the same world, its own ids
            if method == "auth.test":
                return Interception(200, self._auth_test(workspace))
            return Interception(200, self.call(method, params))
        return None

    def _auth_test(self, workspace: Installed) -> dict[str, Any]:
        return {
            "ok": True,
            "team": workspace.team_name,
            "team_id": workspace.team_id,
            "user": "loopcoach",
            "user_id": workspace.bot_user_id,
            "bot_id": workspace.bot_id,
            "is_enterprise_install": False,
        }

    def _oauth_v2_access(self, params: dict[str, Any], headers: dict[str, str]) -> dict[str, Any]:
        credentials = (headers.get("authorization") or "").removeprefix("Basic ")
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if not self.client_id or credentials != expected:
            return {"ok": False, "error": "invalid_client_id"}
        with self._fault_lock:
            if params.get("grant_type") == "refresh_token":
                current = self._refresh.get(str(params.get("refresh_token")))
                if current is None:
                    return {"ok": False, "error": "invalid_refresh_token"}
                n = next(self._serial)
                workspace = Installed(**{**current.__dict__, "token": f"xoxb-{current.team_id}-{n}-rtoken"})
            else:
                found = self.codes.pop(str(params.get("code")), None)  # a code works once
                if found is None:
                    return {"ok": False, "error": "invalid_code"}
                workspace = found
            self.installed[workspace.token] = workspace
            if workspace.refresh_token:
                self._refresh[workspace.refresh_token] = workspace
        answer: dict[str, Any] = {
            "ok": True,
            "app_id": "A0LOOPCOACH",
            "authed_user": {"id": "UINSTALLER"},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": workspace.token,
            "bot_user_id": workspace.bot_user_id,
            "team": {"id": workspace.team_id, "name": workspace.team_name},
            "enterprise": None,
            "is_enterprise_install": False,
        }
        if workspace.refresh_token:
            answer.update(refresh_token=workspace.refresh_token, expires_in=workspace.expires_in)
        return answer

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
