"""What an attacker (or a broken proxy) sends, and a place that records whether anything called out."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.app_server import HttpResult


def signature_headers(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def post_bytes(
    port: int, body: bytes, headers: dict[str, str], *, path: str = "/slack/events", timeout: float = 10.0
) -> HttpResult:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return HttpResult(response.status, response.read())
    finally:
        connection.close()


def headers_only(port: int, head: str, timeout: float = 5.0) -> tuple[int, float]:
    """Send a request's head and no body; the status line, and how long it took to come."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(head.encode("latin-1"))
        status_line = connection.makefile("rb").readline().decode("latin-1")
    return int(status_line.split()[1]), time.monotonic() - started


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Sink:
    """An HTTP server that records every request; `hold()` makes it answer only once released."""

    host: str = "127.0.0.1"
    seen: list[Seen] = field(default_factory=list)
    redirect_to: str | None = None

    def __post_init__(self) -> None:
        self._release = threading.Event()
        self._release.set()
        self._arrived = threading.Condition()
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _record(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with sink._arrived:
                    sink.seen.append(Seen(self.command, self.path, dict(self.headers.items()), body))
                    sink._arrived.notify_all()
                sink._release.wait(30)
                if sink.redirect_to:
                    self.send_response(302)
                    self.send_header("Location", sink.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            do_GET = do_POST = _record

        self._server = ThreadingHTTPServer((self.host, 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self._server.server_address[1]}"

    def hold(self) -> None:
        self._release.clear()

    def release(self) -> None:
        self._release.set()

    def wait_for(self, count: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.seen) < count:
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"the sink saw {len(self.seen)} requests, not {count}"
                self._arrived.wait(remaining)

    def stop(self) -> None:
        self.release()
        self._server.shutdown()
        self._server.server_close()
