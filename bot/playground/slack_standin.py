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
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, TypeVar

from bot.playground.standin_http import Call, Interception, StandInServer, handler_for
from bot.playground.web_api import WebApi, decoded
from bot.playground.workspace import BOT_ID, BOT_USER_ID

S = TypeVar("S", bound="SlackStandIn")


class SlackStandIn(WebApi):
    def __init__(self, token: str, port: int = 0, clock: Callable[[], float] | None = None) -> None:
        super().__init__(clock)
        self.token = token
        self.calls: list[Call] = []
        self.uploads: dict[str, dict[str, Any]] = {}  # files.getUploadURLExternal, awaiting their bytes
        self._server = StandInServer(("127.0.0.1", port), handler_for(self))
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

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base_url}/response/{name}"

    # -- serving ---------------------------------------------------------------------------------
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

    # -- uploads (files.getUploadURLExternal, then the bytes, then files.completeUploadExternal) ----
    def api_files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = self.new_id("F")
        with self._lock:
            self.uploads[file_id] = {"name": str(params["filename"]), "content": None}
        return {"ok": True, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def receive_upload(self, file_id: str, data: bytes) -> dict[str, Any]:
        with self._lock:
            pending = self.uploads.get(file_id)
            if pending is None:
                return {"ok": False, "error": "invalid_upload_url"}
            pending["content"] = data
        return {"ok": True}

    def api_files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        files = decoded(params.get("files"))
        if not isinstance(files, list) or not files:
            return {"ok": False, "error": "invalid_arguments"}
        with self._lock:
            ready = [(f, self.uploads.get(str(f.get("id")))) for f in files if isinstance(f, dict)]
            if any(pending is None or pending["content"] is None for _, pending in ready):
                return {"ok": False, "error": "file_not_found"}
            shared = []
            for entry, pending in ready:
                assert pending is not None
                stored = self.add_file(
                    str(entry["id"]),
                    pending["name"],
                    unwrap(pending["content"]),
                    filetype_of(pending["name"]),
                )
                stored["title"] = entry.get("title") or pending["name"]
                self.uploads.pop(str(entry["id"]))
                shared.append(self.file_object(stored))
        channel = params.get("channel_id") or params.get("channels")
        if channel:
            message: dict[str, Any] = {"user": BOT_USER_ID, "bot_id": BOT_ID, "files": shared}
            message["text"] = str(params.get("initial_comment") or "")
            if params.get("thread_ts"):
                message["thread_ts"] = str(params["thread_ts"])
            self.add_message(str(channel), message)
        return {"ok": True, "files": [{"id": f["id"], "title": f["title"]} for f in shared]}


def unwrap(data: bytes) -> bytes:
    """The file's bytes, whether they came raw (slack_sdk) or as a multipart form."""
    if not data.startswith(b"--"):
        return data
    boundary = data.split(b"\r\n", 1)[0][2:]
    message = BytesParser(policy=HTTP).parsebytes(
        b'Content-Type: multipart/form-data; boundary="' + boundary + b'"\r\n\r\n' + data
    )
    for part in message.iter_parts():
        payload = part.get_payload(decode=True)
        if part.get_filename() is not None and isinstance(payload, bytes):
            return payload
    return data


def filetype_of(name: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith(".txt"):
        return "text"
    return "binary"
