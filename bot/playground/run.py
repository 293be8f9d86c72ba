"""`python -m bot try`: the real app against the Slack stand-in, on SQLite, with a simulated clock,
and the page at http://127.0.0.1:PORT/try. No Slack settings are read: it makes its own token and
signing secret, and ignores .env, so a real workspace's credentials never come near it."""

from __future__ import annotations

import contextlib
import errno
import faulthandler
import os
import secrets
import signal
import sys
import tempfile
import threading
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from pydantic import SecretStr

from bot.clock import FixedClock
from bot.deps import build_deps
from bot.logs import configure
from bot.migrate import upgrade_to_head
from bot.plan import at_local, zone
from bot.playground.cast import CAST, machine_zone
from bot.playground.page_server import PAGE_PATH, PageServer
from bot.playground.saved import beside, restore
from bot.playground.slack_requests import SlackRequests
from bot.playground.slack_standin import SlackStandIn
from bot.playground.work import AppWithWork
from bot.playground.world import World
from bot.settings import Settings

DEFAULT_PORT = 3000
LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
EVENING = time(18, 0)  # the playground starts on an evening: set up your loop, then "Next morning"


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@dataclass
class Playground:
    url: str
    world: World
    server: WSGIServer

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        with self.world.lock:
            self.world.app.settle(timeout=10)
            self.world.save()
        self.world.app.shutdown()
        self.world.slack.stop()
        self.world.deps.engine.dispose()


def new_credentials() -> tuple[str, str]:
    """A bot token and a signing secret of the playground's own: only its stand-in knows them."""
    return f"xoxb-playground-{secrets.token_hex(12)}", secrets.token_hex(16)


OAUTH_VARIABLES = ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_SCOPES", "SLACK_REDIRECT_URI")


def start(
    *,
    database_url: str,
    port: int = 0,
    day: date | None = None,
    where: str | None = None,
    credentials: tuple[str, str] | None = None,
    saved_to: Path | None = None,
) -> Playground:
    """Everything running and the page served, on a SQLite file (migrated here). With `saved_to`,
    the Slack side and the time are restored from there if it exists, and kept there."""
    where = where or machine_zone()
    token, signing_secret = credentials or new_credentials()
    clock = FixedClock(at_local(day or datetime.now(zone(where)).date(), EVENING, where))
    slack = SlackStandIn(token=token, clock=lambda: clock.now().timestamp()).start()
    for person in CAST:
        slack.add_user(person.id, tz=where, name=person.name, real_name=person.real_name)
        slack.open_conversation((person.id,))  # everyone has the app's Messages tab from the start
    if saved_to is not None:
        restore(slack, clock, saved_to)
    upgrade_to_head(database_url)
    # The playground is one pretend workspace on its own token. A real app's OAuth credentials
    # exported in the shell would otherwise turn on the OAuth install flow: Settings reads them from
    # the environment, and so does Bolt, by itself.
    for name in OAUTH_VARIABLES:
        os.environ.pop(name, None)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        slack_bot_token=SecretStr(token),
        slack_signing_secret=SecretStr(signing_secret),
        slack_api_url=slack.api_url,
        database_url=database_url,
    )
    deps = build_deps(settings, clock=clock)
    app = AppWithWork(deps)
    pages = PageServer(app.wsgi, lambda: {f"127.0.0.1:{bound}", f"localhost:{bound}"})
    try:
        server = make_server("127.0.0.1", port, pages, _Server, _QuietHandler)
    except OSError:
        app.shutdown()
        slack.stop()
        raise
    bound = int(server.server_address[1])
    requests = SlackRequests(bound, signing_secret, lambda: clock.now().timestamp())
    world = World(
        slack=slack, clock=clock, deps=deps, app=app, requests=requests, zone=where, saved_to=saved_to
    )
    pages.world = world
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return Playground(url=f"http://127.0.0.1:{bound}{PAGE_PATH}", world=world, server=server)


def run(*, port: int | None, open_browser: bool, db: str | None, day: date | None) -> int:
    """`port` None: 3000, or any free port if 3000 is taken (`make run` may well be using it)."""
    credentials = new_credentials()
    level = os.environ.get("LOG_LEVEL", "WARNING").upper()
    configure(level if level in LOG_LEVELS else "WARNING", credentials)
    with database(db) as (database_url, saved_to):
        options: dict[str, Any] = {"day": day, "credentials": credentials, "saved_to": saved_to}
        try:
            playground = start(
                database_url=database_url, port=DEFAULT_PORT if port is None else port, **options
            )
        except OSError as error:
            if port is not None or error.errno != errno.EADDRINUSE:
                print(
                    f"loop-coach: cannot serve on port {port} ({error.strerror}); try --port.",
                    file=sys.stderr,
                )
                return 2
            playground = start(database_url=database_url, port=0, **options)
        # Before the readiness line, so that a stop asked for the moment it is printed is heard.
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        # Where a stop hangs, `kill -USR1` prints every thread's stack (the tests do that first).
        faulthandler.register(signal.SIGUSR1, all_threads=True)
        # The readiness signal: this line is printed once the page is being served.
        print(f"Loop Coach playground: {playground.url}  (no Slack needed; Ctrl-C stops it)", flush=True)
        if open_browser:
            open_page(playground.url)
        with contextlib.suppress(KeyboardInterrupt):
            # A timed wait: the handler's set() never meets the event's lock held mid-wait.
            while not stopped.wait(timeout=0.5):
                pass
        playground.stop()
    return 0


def open_page(url: str) -> None:
    # Without a display, Python would pick a text browser and take over the terminal.
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless or not webbrowser.open(url):
        print("Open that address in your browser.", flush=True)


@contextlib.contextmanager
def database(path: str | None) -> Iterator[tuple[str, Path | None]]:
    """A named SQLite file, kept with the Slack side beside it; or a temporary one, removed when the
    playground stops."""
    if path:
        file = Path(path).resolve()
        yield f"sqlite:///{file}", beside(file)
        return
    with tempfile.TemporaryDirectory(prefix="loop-coach-try-") as folder:
        yield f"sqlite:///{Path(folder) / 'playground.db'}", None
