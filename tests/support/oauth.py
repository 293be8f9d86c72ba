"""The app installed with OAuth, as tests meet it: its own database (a worker of the single-token
session must never take its jobs), the fake Slack playing many workspaces, the real web app on
loopback, on PostgreSQL a real `python -m bot worker` in OAuth mode, and the install done through
the real pages, as a browser would.

Test modules take the fixtures below with `from tests.support.oauth import *`.
"""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import Engine, text

from bot.clock import FixedClock
from bot.db import create_db_engine
from bot.deps import Deps, build_deps
from bot.installations import store_metadata
from bot.job_queue import DurableQueue, InProcessQueue, JobQueue
from bot.migrate import upgrade_to_head
from bot.settings import Settings
from bot.web import create_web_app
from bot.workspaces import InstalledWorkspaces
from tests.conftest import CANDIDATE, SIGNING_SECRET, START, Harness, new_database_url, wipe
from tests.support.app_server import AppServer, SlackDriver, TrackingExecutor
from tests.support.fake_slack import FakeSlack
from tests.support.slack_relay import SlackRelay
from tests.support.worker_process import WorkerProcess, forget_jobs, wait_for_queue

__all__ = [  # the fixtures, for `from tests.support.oauth import *`
    "installed",
    "oauth_database_url",
    "oauth_deps",
    "oauth_engine",
    "oauth_fake",
    "oauth_relay",
    "oauth_worker",
]

CLIENT_ID = "1111111111.2222222222"
CLIENT_SECRET = "0c5d1f0e9a8b7c6d5e4f3a2b1c0d9e8f"
TEAM_A = "T0AAAAAAAA"
TEAM_B = "T0BBBBBBBB"
STATE_COOKIE = "slack-app-oauth-state"


def oauth_settings(database_url: str, api_url: str) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=api_url,
        database_url=database_url,
        log_level="DEBUG",
    )


def oauth_env(database_url: str, api_url: str, **more: str) -> dict[str, str]:
    """The environment of a process installed with OAuth: no SLACK_BOT_TOKEN at all."""
    return {
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api_url,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "INFO",
        **more,
    }


# -- fixtures -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def oauth_database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from new_database_url(backend, tmp_path_factory.mktemp("oauth-db"), "oauth")


@pytest.fixture(scope="module")
def oauth_engine(oauth_database_url: str) -> Iterator[Engine]:
    upgrade_to_head(oauth_database_url)
    engine = create_db_engine(oauth_database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def oauth_relay() -> Iterator[SlackRelay]:
    relay = SlackRelay()
    yield relay
    relay.stop()


@pytest.fixture(scope="module")
def oauth_worker(
    oauth_database_url: str,
    oauth_engine: Engine,
    oauth_relay: SlackRelay,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[WorkerProcess]:
    """`python -m bot worker` installed with OAuth, on this module's database, calling the relay."""
    env = oauth_env(oauth_database_url, oauth_relay.api_url)
    worker = WorkerProcess(env, tmp_path_factory.mktemp("oauth-worker") / "worker.log").wait_ready()
    yield worker
    worker.stop()
    assert CLIENT_SECRET not in worker.output(), "the client secret reached the worker's log"


@pytest.fixture
def oauth_fake(oauth_relay: SlackRelay) -> Iterator[FakeSlack]:
    fake = FakeSlack(token="xoxb-no-single-token-here").start()
    fake.oauth_app(CLIENT_ID, CLIENT_SECRET)
    fake.add_user(CANDIDATE, tz="America/New_York", name="casey")
    oauth_relay.target = fake.base_url
    fake.files_base_url = oauth_relay.base_url
    yield fake
    fake.stop()


@pytest.fixture
def oauth_deps(oauth_engine: Engine, oauth_database_url: str, oauth_fake: FakeSlack) -> Iterator[Deps]:
    queue = InProcessQueue()
    clock = FixedClock(START)
    yield build_deps(
        oauth_settings(oauth_database_url, oauth_fake.api_url), clock=clock, engine=oauth_engine, queue=queue
    )
    queue.close()
    wipe(oauth_engine)
    wipe_installations(oauth_engine)


def wipe_installations(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in store_metadata().sorted_tables:
            connection.execute(table.delete())


@pytest.fixture
def installed(
    request: pytest.FixtureRequest, oauth_deps: Deps, oauth_fake: FakeSlack
) -> Iterator[Installing]:
    """The web app installed with OAuth, served on loopback; its jobs run as in production."""
    listeners = TrackingExecutor()
    queue: JobQueue
    if oauth_deps.engine.dialect.name == "postgresql":
        request.getfixturevalue("oauth_worker")
        queue = DurableQueue(oauth_deps.settings.database_url)

        def drain() -> None:
            wait_for_queue(oauth_deps.engine)
    else:
        local = InProcessQueue()
        queue, drain = local, local.wait_idle

    def settle() -> None:
        listeners.wait_idle()
        drain()

    server = AppServer(create_web_app(oauth_deps, listener_executor=listeners, queue=queue)).start()
    harness = Harness(
        deps=oauth_deps,
        fake=oauth_fake,
        clock=oauth_deps.clock,  # type: ignore[arg-type]
        driver=SlackDriver(server.port, SIGNING_SECRET, settle),
        port=server.port,
        listeners=listeners,
        queue=queue,
    )
    yield Installing(harness)
    settle()
    server.stop()
    listeners.shutdown(wait=True)
    queue.close()
    if queue.durable:
        forget_jobs(oauth_deps.engine)


# -- the install, through the pages ---------------------------------------------------------------
@dataclass
class Page:
    status: int
    body: str
    headers: dict[str, str]

    def cookie(self, name: str) -> str | None:
        found = re.search(rf"{name}=([^;]+)", self.headers.get("set-cookie", ""))
        return found.group(1) if found else None


def get(port: int, path: str, headers: dict[str, str] | None = None) -> Page:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Page(
            response.status, response.read().decode(), {k.lower(): v for k, v in response.getheaders()}
        )
    finally:
        connection.close()


@dataclass
class Start:
    """What the install page gave the browser: the authorize URL's fields and the state cookie."""

    authorize_url: str
    query: dict[str, str]
    cookie: str | None

    @property
    def state(self) -> str:
        return self.query["state"]


def start_install(port: int) -> Start:
    page = get(port, "/slack/install")
    assert page.status == 200, page.body
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page.body)
    assert link, f"no Add to Slack link on the install page: {page.body[:500]}"
    url = unescape(link.group(1))
    query = {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
    return Start(url, query, page.cookie(STATE_COOKIE))


def finish_install(port: int, *, code: str, state: str, cookie: str | None) -> Page:
    headers = {"Cookie": f"{STATE_COOKIE}={cookie}"} if cookie else {}
    return get(port, "/slack/oauth_redirect?" + urlencode({"code": code, "state": state}), headers)


class Installing:
    """The harness, and the install of a workspace through the real pages."""

    def __init__(self, harness: Harness) -> None:
        self.app = harness
        self.tokens: dict[str, str] = {}

    def install(self, team: str, *, rotating: bool = False, expires_in: int = 43200) -> str:
        """Install in `team` as an admin would; returns the bot token Slack gave that workspace."""
        start = start_install(self.app.port)
        code = f"code-{team}-{len(self.tokens)}"
        workspace = self.app.fake.install_code(code, team, rotating=rotating, expires_in=expires_in)
        done = finish_install(self.app.port, code=code, state=start.state, cookie=start.cookie)
        assert done.status == 200, done.body
        assert "/prep help" in done.body
        self.tokens[team] = workspace.token
        return workspace.token

    def clock_deps(self) -> Deps:
        """The clock's deps: its deliveries go to the same queue as the app's jobs."""
        return replace(self.app.deps, queue=self.app.queue)

    def store(self) -> SQLAlchemyInstallationStore:
        workspaces = self.app.deps.workspaces
        assert isinstance(workspaces, InstalledWorkspaces)
        return workspaces.store

    def installation_rows(self, team: str) -> dict[str, int]:
        with self.app.deps.engine.connect() as connection:
            return {
                table: int(
                    connection.execute(
                        text(f"SELECT count(*) FROM {table} WHERE team_id = :team"),
                        {"team": team},
                    ).scalar_one()
                )
                for table in ("slack_installations", "slack_bots")
            }


def calls_since(fake: FakeSlack, mark: int) -> list[Any]:
    with fake._lock:
        return list(fake.calls[mark:])
