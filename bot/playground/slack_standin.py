"""A stand-in for Slack's Web API, served over HTTP on loopback, for the real WebClient to talk to.

The playground runs the app against it, and the tests do too (tests/support/fake_slack.py adds
the misbehaviour they need: 429s, 5xx, stalls). It records every call, answers in the shapes of
Slack's published samples, and keeps the workspace that the calls change (web_api.py, surfaces.py,
workspace.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any, TypeVar

from bot.playground.standin_http import Call, Interception, StandInServer, handler_for
from bot.playground.web_api import WebApi

S = TypeVar("S", bound="SlackStandIn")


class SlackStandIn(WebApi):
    def __init__(self, token: str, port: int = 0, clock: Callable[[], float] | None = None) -> None:
        super().__init__(clock)
        self.token = token
        self.calls: list[Call] = []
        self.uploads: dict[str, dict[str, Any]] = {}  # files.getUploadURLExternal, awaiting their bytes
        self.files_base_url: str | None = None  # see files_url
        self._server = StandInServer(("127.0.0.1", port), self._handler_class())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self: S) -> S:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return self.base_url + "/api/"

    @property
    def files_url(self) -> str:
        """Where shared files are downloaded from: here, unless a proxy in front says otherwise (the
        tests' relay, so a worker process fetches files from the host it calls the API on)."""
        return (self.files_base_url or self.base_url) + "/files/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base_url}/response/{name}"

    # -- serving ---------------------------------------------------------------------------------
    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        """The request handler; a subclass may extend it (tests add routes of their own)."""
        return handler_for(self)

    # -- answering ---------------------------------------------------------------------------------
    def record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def intercept(self, method: str, params: dict[str, Any], headers: dict[str, str]) -> Interception | None:
        """An answer in place of the method's; none here, tests override it."""
        return None

    def answer_get(self, path: str) -> dict[str, Any] | None:
        """A GET other than a file download; none here, tests override it."""
        return None

    def call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        answer = getattr(self, "api_" + method.replace(".", "_"), None)
        return answer(params) if answer else {"ok": False, "error": "unknown_method"}

    # -- asserting and waiting -------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def method_names(self) -> list[str]:
        with self._lock:
            return [c.method for c in self.calls]

    def wait_for(self, predicate: Callable[[Any], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not predicate(self):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"the Slack stand-in never saw what was awaited; calls: {self.method_names()}"
                    )
                self._changed.wait(remaining)

    def reset_calls(self) -> None:
        with self._lock:
            self.calls.clear()
