"""`python -m bot try`: the real app against the Slack stand-in, on SQLite, with a simulated clock,
and the page at http://127.0.0.1:PORT/try. No Slack settings are read: it makes its own token and
signing secret, and ignores .env, so a real workspace's credentials never come near it."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import sys
import tempfile
import threading
import webbrowser
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from pydantic import SecretStr

from bot.clock import FixedClock
from bot.deps import Deps, build_deps
from bot.logs import configure
from bot.migrate import upgrade_to_head
from bot.plan import at_local, zone
from bot.playground.cast import CAST, machine_zone
from bot.playground.page_server import PAGE_PATH, PageServer
from bot.playground.slack_requests import SlackRequests
from bot.playground.slack_standin import SlackStandIn
from bot.playground.work import AppWithWork
from bot.playground.world import World
from bot.settings import Settings

EVENING = time(18, 0)  # the playground starts on an evening: set up your loop, then "Next morning"


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def run(*, port: int, open_browser: bool, db: str | None, start: date | None) -> int:
    token, signing_secret = f"xoxb-playground-{secrets.token_hex(12)}", secrets.token_hex(16)
    configure(os.environ.get("LOG_LEVEL", "WARNING").upper(), [token, signing_secret])
    where = machine_zone()
    today = start or datetime.now(zone(where)).date()
    clock = FixedClock(at_local(today, EVENING, where))
    slack = SlackStandIn(token=token, clock=lambda: clock.now().timestamp()).start()
    for person in CAST:
        slack.add_user(person.id, tz=where, name=person.name, real_name=person.real_name)
        slack.open_conversation((person.id,))  # everyone has the app's Messages tab from the start
    with database(db) as database_url:
        upgrade_to_head(database_url)
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            slack_bot_token=SecretStr(token),
            slack_signing_secret=SecretStr(signing_secret),
            slack_api_url=slack.api_url,
            database_url=database_url,
        )
        deps = build_deps(settings, clock=clock)
        app = AppWithWork(deps)
        try:
            serve(port, open_browser, app, slack, clock, deps, where, signing_secret)
        finally:
            app.shutdown()
            slack.stop()
            deps.engine.dispose()
    return 0


def serve(
    port: int,
    open_browser: bool,
    app: AppWithWork,
    slack: SlackStandIn,
    clock: FixedClock,
    deps: Deps,
    where: str,
    signing_secret: str,
) -> None:
    pages = PageServer(app.wsgi, lambda: {f"127.0.0.1:{bound}", f"localhost:{bound}"})
    try:
        server = make_server("127.0.0.1", port, pages, _Server, _QuietHandler)
    except OSError as error:
        print(f"loop-coach: cannot listen on 127.0.0.1:{port} ({error.strerror}); try --port.", file=sys.stderr)
        raise SystemExit(2) from None
    bound = int(server.server_address[1])
    requests = SlackRequests(bound, signing_secret, lambda: clock.now().timestamp())
    pages.world = World(slack=slack, clock=clock, deps=deps, app=app, requests=requests, zone=where)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    url = f"http://127.0.0.1:{bound}{PAGE_PATH}"
    # The readiness signal: the line is printed once the server is listening.
    print(f"Loop Coach playground: {url}  (no Slack needed; Ctrl-C stops it)", flush=True)
    if open_browser:
        webbrowser.open(url)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    with contextlib.suppress(KeyboardInterrupt):
        stopped.wait()
    server.shutdown()
    server.server_close()


@contextlib.contextmanager
def database(path: str | None) -> Iterator[str]:
    """A named SQLite file (kept), or a temporary one (removed when the playground stops)."""
    if path:
        yield f"sqlite:///{Path(path).resolve()}"
        return
    with tempfile.TemporaryDirectory(prefix="loop-coach-try-") as folder:
        yield f"sqlite:///{Path(folder) / 'playground.db'}"
