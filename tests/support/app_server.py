"""Serve the real WSGI app on loopback and talk to it as Slack does: signed HTTP requests."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Callable
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.executors import CountingExecutor
from tests.support.signing import signed_headers


class TrackingExecutor(CountingExecutor):
    """Bolt's listener executor, able to say when every listener it started has finished."""

    def __init__(self) -> None:
        super().__init__(max_workers=8, thread_name_prefix="listener")

    def wait_idle(self, timeout: float = 10.0) -> None:
        try:
            super().wait_idle(timeout)
        except TimeoutError:
            raise AssertionError("listeners still running after the timeout") from None


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


class AppServer:
    def __init__(self, wsgi_app: Callable[..., Any]) -> None:
        self._server = make_server("127.0.0.1", 0, wsgi_app, _ThreadingWSGIServer, _QuietHandler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> AppServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])


class HttpResult:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body)


def http_request(
    port: int,
    method: str,
    path: str,
    body: str = "",
    headers: dict[str, str] | None = None,
    timeout: float = 10.0,
) -> HttpResult:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body.encode(), headers=headers or {})
        response = connection.getresponse()
        return HttpResult(response.status, response.read())
    finally:
        connection.close()


class SlackDriver:
    """Sends what Slack would send, signed with the app's signing secret, then waits until the
    listeners and the jobs they queued have finished (`settle`, which knows the queue)."""

    def __init__(self, port: int, secret: str, settle: Callable[[], None]) -> None:
        self.port = port
        self.secret = secret
        self._settle = settle

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        extra_headers: dict[str, str] | None = None,
        sign: bool = True,
        settle: bool = True,
    ) -> HttpResult:
        headers = (
            signed_headers(body, self.secret, timestamp=timestamp, content_type=content_type)
            if sign
            else {"Content-Type": content_type}
        )
        headers.update(extra_headers or {})
        result = http_request(self.port, "POST", "/slack/events", body, headers)
        if settle:
            self.settle()
        return result

    def post_form(self, fields: dict[str, str], **options: Any) -> HttpResult:
        return self.post(urlencode(fields), "application/x-www-form-urlencoded", **options)

    def post_json(self, payload: dict[str, Any], **options: Any) -> HttpResult:
        return self.post(json.dumps(payload), "application/json", **options)

    def settle(self) -> None:
        self._settle()
