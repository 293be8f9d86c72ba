"""The playground's HTTP routes, in front of the real app: the page at /try, its API at /try/api/…,
and everything else (POST /slack/events, GET /healthz) to the app, untouched.

The API only answers requests addressed to this machine (the Host header), as JSON posts (which a
page on another site cannot send without asking first), so a web page elsewhere cannot drive it.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import mimetypes
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote

from bot.playground import chat_actions, surface_actions
from bot.playground.page_state import snapshot
from bot.playground.timeline import Jump, NothingAhead, advance
from bot.playground.world import ActionError, World
from bot.web import WSGIApp

logger = logging.getLogger("loop_coach.playground")

STATIC = Path(__file__).parent / "static"
PAGE_PATH = "/try"
LONG_POLL_SECONDS = 20.0
MAX_REQUEST = 8 * 1024 * 1024
Reply = tuple[str, list[tuple[str, str]], bytes]


class PageServer:
    """A WSGI app; `world` is set once the server is bound (the page's API needs its port)."""

    def __init__(self, app: WSGIApp, local_hosts: Callable[[], set[str]]) -> None:
        self.app = app
        self.world: World | None = None
        self._local_hosts = local_hosts

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path == "/":
            start_response("302 Found", [("Location", PAGE_PATH), ("Content-Length", "0")])
            return [b""]
        if path != PAGE_PATH and not path.startswith(PAGE_PATH + "/"):
            return self.app(environ, start_response)
        status, headers, body = self.route(environ, path.removeprefix(PAGE_PATH))
        headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [body]

    def route(self, environ: dict[str, Any], path: str) -> Reply:
        if environ.get("HTTP_HOST", "") not in self._local_hosts():
            return error("403 Forbidden", "The playground answers on 127.0.0.1 only.")
        method = environ.get("REQUEST_METHOD", "GET")
        if path in ("", "/"):
            return static("index.html")
        if path.startswith("/static/") and method == "GET":
            return static(path.removeprefix("/static/"))
        if not path.startswith("/api/") or self.world is None:
            return error("404 Not Found", "Nothing here.")
        world, name = self.world, path.removeprefix("/api/")
        if method == "GET" and name == "state":
            return self.state(world, environ)
        if method == "GET" and name.startswith("files/"):
            return download(world, name.removeprefix("files/"))
        if method != "POST" or not environ.get("CONTENT_TYPE", "").startswith("application/json"):
            return error("405 Method Not Allowed", "Page actions are JSON posts.")
        return self.act(world, name, environ)

    def state(self, world: World, environ: dict[str, Any]) -> Reply:
        after = parse_qs(environ.get("QUERY_STRING", "")).get("after", [""])[0]
        if after.isdigit():
            world.slack.wait_for_change(int(after), LONG_POLL_SECONDS)
        return as_json("200 OK", snapshot(world))

    def act(self, world: World, name: str, environ: dict[str, Any]) -> Reply:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if length > MAX_REQUEST:
                raise ActionError("That is too big for the playground.")
            body = json.loads(environ["wsgi.input"].read(length) or b"{}")
            handler = ACTIONS.get(name)
            if handler is None or not isinstance(body, dict):
                return error("404 Not Found", f"There is no action {name!r}.")
            with world.lock:
                try:
                    result = handler(world, body)
                finally:
                    world.save()
        except ActionError as refused:
            return error("400 Bad Request", str(refused))
        except (KeyError, TypeError, ValueError) as bad:
            return error("400 Bad Request", f"That request is missing or garbles a field ({bad}).")
        except Exception:  # shown on the page; the traceback goes to the terminal
            logger.exception("the playground could not do %s", name)
            return error("500 Internal Server Error", "The playground hit a problem: the terminal says what.")
        return as_json("200 OK", {k: v for k, v in result.items() if v is not None})


def move_clock(world: World, body: dict[str, Any]) -> dict[str, Any]:
    try:
        moved = advance(world.deps, world.clock, Jump(body["to"]), world.zone)
    except NothingAhead as none:
        raise ActionError(str(none)) from None
    world.slack.touch()
    world.settle()
    sent = (
        f"the clock's tick sent {moved.sent} message{'s' if moved.sent != 1 else ''}"
        if moved.sent
        else "nothing was due"
    )
    failed = f", {moved.failed} failed (see the terminal)" if moved.failed else ""
    return {"ok": True, "notice": f"{snapshot(world)['now']['label']}: {sent}{failed}."}


def upload(world: World, body: dict[str, Any]) -> dict[str, Any]:
    try:
        content = base64.b64decode(str(body["content"]), validate=True)
    except binascii.Error:
        raise ActionError("The file did not arrive whole; try again.") from None
    return chat_actions.upload(world, body["as"], body["channel"], str(body["name"]), content)


ACTIONS: dict[str, Callable[[World, dict[str, Any]], dict[str, Any]]] = {
    "send": lambda w, b: chat_actions.send(w, b["as"], b["channel"], str(b["text"]), b.get("thread_ts")),
    "edit": lambda w, b: chat_actions.edit(w, b["as"], b["channel"], b["ts"], str(b["text"])),
    "delete": lambda w, b: chat_actions.delete(w, b["as"], b["channel"], b["ts"]),
    "react": lambda w, b: chat_actions.react(
        w, b["as"], b["channel"], b["ts"], str(b["name"]), on=bool(b["on"])
    ),
    "dismiss": lambda w, b: chat_actions.dismiss(w, b["as"], b["ts"]),
    "upload": upload,
    "click": lambda w, b: surface_actions.click(
        w,
        b["as"],
        dict(b["source"]),
        b["block_id"],
        b["action_id"],
        dict(b.get("choice") or {}),
        dict(b.get("values") or {}),
    ),
    "submit": lambda w, b: surface_actions.submit(w, b["as"], b["view_id"], dict(b.get("values") or {})),
    "close": lambda w, b: surface_actions.close(w, b["as"], b["view_id"]),
    "tab": lambda w, b: surface_actions.open_tab(w, b["as"], b["tab"]),
    "clock": move_clock,
}


def static(name: str) -> Reply:
    file = (STATIC / name).resolve()
    if file.parent != STATIC.resolve() or not file.is_file():
        return error("404 Not Found", "Nothing here.")
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind.endswith("javascript"):
        kind += "; charset=utf-8"
    return "200 OK", [("Content-Type", kind), ("Cache-Control", "no-cache")], file.read_bytes()


def download(world: World, file_id: str) -> Reply:
    stored = world.slack.files.get(file_id)
    if stored is None:
        return error("404 Not Found", "No such file.")
    disposition = f"attachment; filename*=UTF-8''{quote(stored['name'])}"
    headers = [("Content-Type", "application/octet-stream"), ("Content-Disposition", disposition)]
    return "200 OK", headers, stored["content"]


def as_json(status: str, body: dict[str, Any]) -> Reply:
    headers = [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store")]
    return status, headers, json.dumps(body).encode()


def error(status: str, message: str) -> Reply:
    return as_json(status, {"ok": False, "error": message})
