"""The stand-in's HTTP side, on loopback: the Web API at /api/METHOD, response_url posts at
/response/NAME, file downloads at /files/ID and uploads at /upload/ID.

Every request is recorded before it is answered. The stand-in may intercept a call first (tests
use that to answer 429, 5xx, or stall); otherwise the method answers, if the bot token is right.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse

if TYPE_CHECKING:
    from bot.playground.slack_standin import SlackStandIn

MAX_BODY = 20 * 1024 * 1024


class StandInServer(ThreadingHTTPServer):
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


@dataclass(frozen=True)
class Interception:
    """An answer in place of the method's: a status and body, or a dropped connection."""

    status: int
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hang_up: bool = False


def handler_for(standin: SlackStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = urlparse(self.path).path
            if path.startswith("/files/"):
                self._serve_file(path.removeprefix("/files/"))
                return
            extra = standin.answer_get(path)
            if extra is not None:
                self._reply(200, extra)
                return
            self._reply(404, {"ok": False, "error": "not_found"})

        def do_POST(self) -> None:
            url = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._reply(413, {"ok": False, "error": "request_too_large"})
                return
            data = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            if url.path.startswith("/upload/"):
                self._answer("file_upload", {"file": url.path.removeprefix("/upload/")}, headers, data)
                return
            params = parse_body(data.decode("utf-8", "replace"), self.headers.get("Content-Type", ""))
            params.update({k: v[0] for k, v in parse_qs(url.query).items()})
            if url.path.startswith("/response/"):
                self._answer("response_url", params, headers, url.path.removeprefix("/response/"))
            elif url.path.startswith("/api/"):
                self._answer(url.path.removeprefix("/api/"), params, headers)
            else:
                self._reply(404, {"ok": False, "error": "not_found"})

        def _answer(
            self, method: str, params: dict[str, Any], headers: dict[str, str], extra: Any = None
        ) -> None:
            standin.record(Call(method, params, headers))
            interception = standin.intercept(method, params, headers)
            if interception is not None:
                if interception.hang_up:  # like a dropped connection
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                self._reply(interception.status, interception.body or {"ok": False}, interception.headers)
                return
            if method == "response_url":
                standin.respond(str(extra), params)
                self._reply(200, {"ok": True})
            elif method == "file_upload":
                self._reply(200, standin.receive_upload(params["file"], extra))
            elif (
                headers.get("authorization") != f"Bearer {standin.token}"
                and params.get("token") != standin.token
            ):
                self._reply(200, {"ok": False, "error": "invalid_auth"})
            else:
                self._reply(200, standin.call(method, params))

        def _serve_file(self, file_id: str) -> None:
            stored = standin.files.get(file_id)
            auth = self.headers.get("Authorization")
            standin.record(Call("file_download", {"file": file_id}, {"authorization": auth or ""}))
            if stored is None or auth != f"Bearer {standin.token}":
                # Slack answers an unauthorised download with its HTML login page.
                self._send(200, b"<html>login</html>", "text/html")
                return
            self._send(200, stored["content"], "application/octet-stream")

        def _reply(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
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


def parse_body(raw: str, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "application/json" in content_type:
        try:
            parsed = json.loads(raw)
        except ValueError:
            return {"_body": raw}
        return parsed if isinstance(parsed, dict) else {"_body": parsed}
    return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}


def decoded(value: Any) -> Any:
    """Form-encoded calls send JSON fields (blocks, view, metadata) as strings."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
