"""Fixtures every test builds on: databases on both backends, the fake Slack, a settable clock,
and the real WSGI app served on loopback behind signed requests."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.orm import Session

from bot.clock import FixedClock
from bot.db import create_db_engine
from bot.deps import Deps, build_deps
from bot.job_queue import DurableQueue, InProcessQueue, JobQueue
from bot.migrate import upgrade_to_head
from bot.models import Base
from bot.settings import Settings, normalise_database_url
from bot.web import create_web_app
from tests.support.app_server import AppServer, HttpResult, SlackDriver, TrackingExecutor
from tests.support.fake_slack import TEAM_ID, FakeSlack
from tests.support.payloads import slash_command
from tests.support.slack_relay import SlackRelay
from tests.support.worker_process import WorkerProcess, forget_jobs, wait_for_queue

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SIGNING_SECRET = "test-signing-secret-8f2e1c"
BOT_TOKEN = "xoxb-test-fake-token"
CANDIDATE = "UCAND00001"
# Tuesday 1 December 2026, 07:00 in New York: before a 09:00 prompt.
START = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or a skip that says why it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is only beside the repository on the team's machines)")
    return path


# -- databases ------------------------------------------------------------------------------------
def _postgres_database(tag: str) -> Iterator[str]:
    admin_url = os.environ.get("TEST_DATABASE_URL")
    if not admin_url:
        pytest.skip("TEST_DATABASE_URL is not set: PostgreSQL tests need a server (.ci/run sets it)")
    admin_url = normalise_database_url(admin_url)
    name = f"loop_coach_test_{tag}_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def new_database_url(backend: str, tmp_path: Path, tag: str = "t") -> Iterator[str]:
    if backend == "postgres":
        yield from _postgres_database(tag)
    else:
        yield f"sqlite:///{tmp_path / f'{tag}.db'}"


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from new_database_url(backend, tmp_path_factory.mktemp("db"), "shared")


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    upgrade_to_head(database_url)
    engine = create_db_engine(database_url)
    yield engine
    engine.dispose()


def wipe(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test."""
    connection = engine.connect()
    outer = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield session
    finally:
        session.close()
        outer.rollback()
        connection.close()


# -- Slack and the app ----------------------------------------------------------------------------
@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack(token=BOT_TOKEN).start()
    fake.add_user(CANDIDATE, tz="America/New_York", name="casey")
    yield fake
    fake.stop()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


def test_settings(database_url: str, fake_slack: FakeSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": BOT_TOKEN,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_api_url": fake_slack.api_url,
        "database_url": database_url,
        "log_level": "DEBUG",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


test_settings.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture
def deps(engine: Engine, database_url: str, fake_slack: FakeSlack, clock: FixedClock) -> Iterator[Deps]:
    """The test's own collaborators. Its queue runs jobs on this process's threads, so that a test
    calling tick() sees the deliveries done; the `app` fixture hands listeners' jobs to the real
    queue instead (a worker process, on PostgreSQL)."""
    queue = InProcessQueue()
    yield build_deps(test_settings(database_url, fake_slack), clock=clock, engine=engine, queue=queue)
    queue.close()
    wipe(engine)


@dataclass
class Harness:
    """The app as Slack meets it: signed HTTP in, Web API calls out to the fake."""

    deps: Deps
    fake: FakeSlack
    clock: FixedClock
    driver: SlackDriver
    port: int
    listeners: Executor  # where the app's listeners ran (another app in the same test can share them)
    queue: JobQueue

    def prep(self, text: str, *, user: str = CANDIDATE, team: str = TEAM_ID) -> str:
        """Run `/prep TEXT` and return what the bot answered through the response_url."""
        before = len(self.fake.responses())
        result = self.command(text, user=user, team=team)
        assert result.status == 200, result.body
        responses = self.fake.responses()
        assert len(responses) > before, f"/prep {text} got no answer"
        return str(responses[-1].params.get("text", ""))

    def command(self, text: str, *, user: str = CANDIDATE, team: str = TEAM_ID, **options: Any) -> HttpResult:
        fields = slash_command(text, user=user, team=team, response_url=self.fake.response_url())
        return self.driver.post_form(fields, **options)

    def event(self, event: dict[str, Any], **options: Any) -> HttpResult:
        from tests.support.payloads import event_callback

        team = options.pop("team", TEAM_ID)
        event_id = options.pop("event_id", None)
        return self.driver.post_json(event_callback(event, team=team, event_id=event_id), **options)


@pytest.fixture(scope="session")
def slack_relay() -> Iterator[SlackRelay]:
    relay = SlackRelay()
    yield relay
    relay.stop()


@pytest.fixture(scope="session")
def queue_worker(
    database_url: str, engine: Engine, slack_relay: SlackRelay, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkerProcess]:
    """`python -m bot worker` for the session's PostgreSQL database, talking to the relay."""
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack_relay.api_url,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "INFO",
    }
    worker = WorkerProcess(env, tmp_path_factory.mktemp("worker") / "worker.log").wait_ready()
    yield worker
    worker.stop()


def real_queue(request: pytest.FixtureRequest, deps: Deps, fake: FakeSlack) -> tuple[JobQueue, Any]:
    """The production dispatch path: PostgreSQL's durable queue and a worker process; SQLite's
    in-process threads. Returns the queue and a function that waits until its jobs are done."""
    if deps.engine.dialect.name != "postgresql":
        local = InProcessQueue()
        return local, local.wait_idle
    request.getfixturevalue("queue_worker")
    relay = request.getfixturevalue("slack_relay")
    relay.target = fake.base_url
    fake.files_base_url = relay.base_url  # the worker downloads through the relay, as it calls the API
    return DurableQueue(deps.settings.database_url), lambda: wait_for_queue(deps.engine)


@pytest.fixture
def app(
    request: pytest.FixtureRequest, deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> Iterator[Harness]:
    listeners = TrackingExecutor()
    queue, drain = real_queue(request, deps, fake_slack)

    def settle() -> None:
        listeners.wait_idle()
        drain()

    server = AppServer(create_web_app(deps, listener_executor=listeners, queue=queue)).start()
    driver = SlackDriver(server.port, SIGNING_SECRET, settle)
    yield Harness(
        deps=deps, fake=fake_slack, clock=clock, driver=driver, port=server.port, listeners=listeners, queue=queue
    )
    settle()
    server.stop()
    listeners.shutdown(wait=True)
    queue.close()
    if queue.durable:
        forget_jobs(deps.engine)
