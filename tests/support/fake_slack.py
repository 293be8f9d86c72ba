"""A fake Slack Web API, served over HTTP on loopback, for the real WebClient to talk to.

It records every call, answers in the shapes of Slack's published samples, keeps just enough
state to be believable (users, conversations, messages), and can be told to misbehave: answer
429 with Retry-After, answer 5xx, or stall.
"""

from __future__ import annotations

import itertools
import json
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.support.block_rules import block_problems

BOT_USER_ID = "UBOTLOOP1"
BOT_ID = "BLOOPCOACH"
TEAM_ID = "T0LOOPTEAM"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # benchmarks open many connections at once

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that hung up is not news
            super().handle_error(request, client_address)


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    wall: float = field(default_factory=time.time)

    def json_param(self, name: str) -> Any:
        value = self.params.get(name)
        return json.loads(value) if isinstance(value, str) else value


@dataclass
class Fault:
    status: int
    retry_after: int | None = None
    delay: float = 0.0
    body: dict[str, Any] | None = None
    passthrough: bool = False  # after the delay, answer normally (a slow but successful call)


class FakeSlack:
    def __init__(self, token: str = "xoxb-test-fake-token", port: int = 0) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.conversations: dict[tuple[str, ...], str] = {}
        self.unreachable_users: set[str] = set()  # conversations.open with them answers user_not_found
        self._faults: dict[str, list[Fault]] = defaultdict(list)
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        self.limiter: Callable[[str, dict[str, Any]], int | None] | None = None
        self.throttled = 0
        self.app_token = "xapp-1-A0LOOPCOACH-0000-fake"
        self.socket_url: str | None = None  # where apps.connections.open sends Socket Mode clients
        self._landed: list[dict[str, str]] = []
        self._server = _Server(("127.0.0.1", port), self._handler_class())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base_url}/response/{name}"

    # -- arranging ---------------------------------------------------------------------------
    def add_user(self, user_id: str, tz: str = "America/New_York", name: str | None = None) -> None:
        self.users[user_id] = {"id": user_id, "tz": tz, "name": name or user_id.lower()}

    def add_file(self, file_id: str, name: str, content: bytes, filetype: str = "markdown") -> None:
        self.files[file_id] = {"id": file_id, "name": name, "content": content, "filetype": filetype}

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
        with self._lock:
            self._faults[method].extend(Fault(status, retry_after, delay, body) for _ in range(times))

    def stall(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next calls of `method` take `seconds`, then succeed: the work is done even if the caller gave up."""
        with self._lock:
            self._faults[method].extend(Fault(200, delay=seconds, passthrough=True) for _ in range(times))

    def refuse(self, method: str, error: str, *, times: int = 1) -> None:
        """The next calls of `method` answer HTTP 200 with ok=false, as Slack does for most errors."""
        self.fail(method, 200, times=times, body={"ok": False, "error": error})

    # -- asserting ---------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def responses(self) -> list[Call]:
        return self.calls_to("response_url")

    def last_response_text(self) -> str:
        responses = self.responses()
        assert responses, "nothing was sent to the response_url"
        return str(responses[-1].params.get("text", ""))

    def wait_for(self, predicate: Callable[[FakeSlack], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(self):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"fake Slack never saw what was awaited; calls: {self.method_names()}"
                    )
                self._changed.wait(remaining)

    def method_names(self) -> list[str]:
        with self._lock:
            return [c.method for c in self.calls]

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
        posts = [c for c in calls if c.method == "chat.postMessage"]
        landed = Counter(m["channel"] for m in self._landed)
        return {
            "calls": dict(Counter(c.method for c in calls)),
            "throttled": throttled,
            "channels_posted": len(landed),
            "duplicate_posts": sum(n - 1 for n in landed.values() if n > 1),
            "first_post": min((c.wall for c in posts), default=None),
            "last_post": max((c.wall for c in posts), default=None),
        }

    def reset_calls(self) -> None:
        with self._lock:
            self.calls.clear()

    # -- serving -------------------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        with self._changed:
            with self._lock:
                self.calls.append(call)
            self._changed.notify_all()

    def _next_fault(self, method: str) -> Fault | None:
        with self._lock:
            queue = self._faults.get(method)
            return queue.pop(0) if queue else None

    def next_ts(self) -> str:
        return f"{1_790_000_000 + next(self._ts)}.{next(self._ts):06d}"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                path = urlparse(self.path).path
                if path == "/_stats":
                    self._reply(200, fake.stats())
                    return
                if path.startswith("/files/"):
                    self._serve_file(path.removeprefix("/files/"))
                    return
                self._reply(404, {"ok": False, "error": "not_found"})

            def do_POST(self) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                params = _parse_body(raw, self.headers.get("Content-Type", ""))
                params.update({k: v[0] for k, v in parse_qs(url.query).items()})
                headers = {k.lower(): v for k, v in self.headers.items()}
                if url.path.startswith("/response/"):
                    fake._record(Call("response_url", params, headers))
                    fault = fake._next_fault("response_url")
                    if fault:
                        self._reply(fault.status, {"ok": False}, {"Retry-After": str(fault.retry_after or 0)})
                        return
                    self._reply(200, {"ok": True})
                    return
                if not url.path.startswith("/api/"):
                    self._reply(404, {"ok": False, "error": "not_found"})
                    return
                method = url.path.removeprefix("/api/")
                fake._record(Call(method, params, headers))
                fault = fake._next_fault(method)
                if fault and fault.passthrough:
                    time.sleep(fault.delay)
                    fault = None
                if fault:
                    time.sleep(fault.delay)
                    if fault.status == 0:  # hang up without an answer, like a dropped connection
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                    extra = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                    self._reply(fault.status, fault.body or {"ok": False, "error": "fault_injected"}, extra)
                    return
                if fake.limiter:
                    wait = fake.limiter(method, params)
                    if wait is not None:
                        with fake._lock:
                            fake.throttled += 1
                        self._reply(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(wait)})
                        return
                if method == "apps.connections.open":
                    ok = fake.socket_url and headers.get("authorization") == f"Bearer {fake.app_token}"
                    self._reply(
                        200,
                        {"ok": True, "url": fake.socket_url}
                        if ok
                        else {"ok": False, "error": "invalid_auth"},
                    )
                    return
                if headers.get("authorization") != f"Bearer {fake.token}":
                    self._reply(200, {"ok": False, "error": "invalid_auth"})
                    return
                answer = getattr(fake, "api_" + method.replace(".", "_"), None)
                body = answer(params) if answer else {"ok": False, "error": "unknown_method"}
                self._reply(200, body)

            def _serve_file(self, file_id: str) -> None:
                stored = fake.files.get(file_id)
                auth = self.headers.get("Authorization")
                fake._record(Call("file_download", {"file": file_id}, {"authorization": auth or ""}))
                if stored is None or auth != f"Bearer {fake.token}":
                    # Slack answers an unauthorised download with its HTML login page.
                    self._send(200, b"<html>login</html>", "text/html")
                    return
                self._send(200, stored["content"], "application/octet-stream")

            def _reply(
                self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                self._send(status, json.dumps(body).encode(), "application/json; charset=utf-8", headers)

            def _send(
                self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler

    # -- the methods ---------------------------------------------------------------------------
    def api_auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://loop.example.slack.com/",
            "team": "Loop",
            "user": "loopcoach",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def api_users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(params.get("user")))
        if not user:
            return {"ok": False, "error": "user_not_found"}
        return {
            "ok": True,
            "user": {
                "id": user["id"],
                "team_id": TEAM_ID,
                "name": user["name"],
                "real_name": user["name"].title(),
                "deleted": False,
                "is_bot": False,
                "tz": user["tz"],
                "tz_label": user["tz"],
                "tz_offset": 0,
                "profile": {"real_name": user["name"].title(), "display_name": user["name"]},
            },
        }

    def api_conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        users = tuple(sorted(u for u in str(params.get("users", "")).split(",") if u))
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        if len(users) > 8:
            return {"ok": False, "error": "too_many_users"}
        if self.unreachable_users & set(users):
            return {"ok": False, "error": "user_not_found"}
        with self._lock:
            channel = self.conversations.get(users)
            if channel is None:
                prefix = "D" if len(users) == 1 else "G"
                channel = f"{prefix}{len(self.conversations) + 1:08d}"
                self.conversations[users] = channel
        return {"ok": True, "channel": {"id": channel, "created": 1_790_000_000, "is_im": len(users) == 1}}

    def api_chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        problem = _message_problem(params)
        if problem:
            return {"ok": False, "error": problem}
        ts = self.next_ts()
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": ts,
            "text": params.get("text", ""),
            "team": TEAM_ID,
        }
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        if params.get("metadata"):
            metadata = params["metadata"]
            message["metadata"] = json.loads(metadata) if isinstance(metadata, str) else metadata
        with self._lock:
            self.history[str(channel)].append(message)
            if not params.get("thread_ts"):
                self._landed.append({"channel": str(channel)})
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def api_chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        problem = _message_problem(params)
        if problem:
            return {"ok": False, "error": problem}
        return {"ok": True, "message_ts": self.next_ts()}

    def api_chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        problem = _message_problem(params)
        if problem:
            return {"ok": False, "error": problem}
        return {
            "ok": True,
            "channel": params.get("channel"),
            "ts": params.get("ts"),
            "text": params.get("text", ""),
        }

    def api_chat_delete(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}

    def api_conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        oldest = float(params.get("oldest") or 0)
        include_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            found = [
                dict(m) for m in self.history.get(str(params.get("channel")), []) if float(m["ts"]) > oldest
            ]
        if not include_metadata:
            for message in found:
                message.pop("metadata", None)
        return {"ok": True, "messages": list(reversed(found)), "has_more": False}

    def api_reactions_add(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True}

    def api_reactions_remove(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True}

    def _view_answer(self, params: dict[str, Any]) -> dict[str, Any]:
        view = params.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        if not isinstance(view, dict) or view.get("type") not in ("modal", "home"):
            return {"ok": False, "error": "invalid_arguments"}
        problems = block_problems(view.get("blocks", []), limit=100)
        if problems:
            return {"ok": False, "error": "invalid_blocks", "errors": problems}
        return {"ok": True, "view": {"id": f"V{next(self._ts):08d}", "team_id": TEAM_ID, **view}}

    def api_views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        return self._view_answer(params)

    def api_views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("user_id"):
            return {"ok": False, "error": "invalid_arguments"}
        return self._view_answer(params)

    def api_views_update(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._view_answer(params)

    def api_views_push(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._view_answer(params)

    def api_files_info(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self.files.get(str(params.get("file")))
        if not stored:
            return {"ok": False, "error": "file_not_found"}
        return {
            "ok": True,
            "file": {
                "id": stored["id"],
                "name": stored["name"],
                "title": stored["name"],
                "filetype": stored["filetype"],
                "mimetype": "text/markdown"
                if stored["filetype"] == "markdown"
                else "application/octet-stream",
                "size": len(stored["content"]),
                "url_private": f"{self.base_url}/files/{stored['id']}",
                "url_private_download": f"{self.base_url}/files/{stored['id']}",
            },
        }


def _parse_body(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "application/json" in content_type:
        parsed = json.loads(raw)
        return parsed if isinstance(parsed, dict) else {"_body": parsed}
    return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}


def _message_problem(params: dict[str, Any]) -> str | None:
    blocks = params.get("blocks")
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return "invalid_blocks_format"
    if not params.get("text") and not blocks:
        return "no_text"
    if blocks is not None:
        if not isinstance(blocks, list):
            return "invalid_blocks_format"
        if block_problems(blocks, limit=50):
            return "invalid_blocks"
    if len(str(params.get("text", ""))) > 40_000:
        return "msg_too_long"
    return None
