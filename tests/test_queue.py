"""The hand-off and the queue: arguments checked, acknowledgements never held up, crashes survived."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from bot.clock import FixedClock
from bot.db import create_db_engine
from bot.deps import Deps, build_deps
from bot.job_args import JobArgumentError, decode, encode
from bot.job_journal import Journal
from bot.job_queue import DurableQueue, InProcessQueue
from bot.migrate import upgrade_to_head
from bot.models import Answer, Candidate, Interview
from bot.web import create_web_app
from handlers.reactions import rate
from tests.conftest import CANDIDATE, SIGNING_SECRET, Harness, new_database_url, test_settings
from tests.support.app_server import AppServer, SlackDriver, TrackingExecutor, http_request
from tests.support.factories import local
from tests.support.fake_slack import FakeSlack
from tests.support.worker_process import WorkerProcess, wait_for_queue

REVIEWER = "U0REVIEW01"


def test_work_arguments_are_checked_when_queued_and_rebuilt_when_run() -> None:
    with pytest.raises(JobArgumentError, match="argument 3"):
        encode(rate, ("T1", "C1", 1790000000.1, "U1", "four"))
    with pytest.raises(JobArgumentError, match="takes 5"):
        encode(rate, ("T1", "C1", "1.2"))
    arguments = ("T1", "C1", "1.2", "U1", "four")
    assert decode(rate, encode(rate, arguments)) == arguments


def test_a_stalled_modal_never_holds_up_the_acknowledgement(app: Harness) -> None:
    app.fake.stall("views.open", 5.0)
    started = time.monotonic()
    result = app.command("story add My best story", settle=False)
    assert result.status == 200
    assert time.monotonic() - started < 1.0, "the 200 went out before views.open answered"
    app.driver.settle()
    assert len(app.fake.calls_to("views.open")) == 1


def test_a_job_run_again_changes_nothing_twice(deps: Deps) -> None:
    """A job that died after its first transaction: run again, only its second one commits."""
    now = deps.clock.now()

    def job(journal: Journal, *, crash_after_first: bool) -> None:
        with journal.begin() as session:
            session.add(Candidate(team_id="T1", user_id="UJOB", prompt_time=now.time(), created_at=now))
        if crash_after_first:
            raise KeyboardInterrupt  # the process dies here
        with journal.begin() as session:
            candidate = session.scalars(select(Candidate).where(Candidate.user_id == "UJOB")).one()
            session.add(
                Interview(
                    candidate_id=candidate.id, position=1, interviewer="N", principles=[], created_at=now
                )
            )
        journal.finish()

    with pytest.raises(KeyboardInterrupt):
        job(Journal(deps.sessions, "request:crash", now), crash_after_first=True)
    again = Journal(deps.sessions, "request:crash", now)
    assert again.replaying and not again.finished
    job(again, crash_after_first=False)
    assert Journal(deps.sessions, "request:crash", now).finished
    with deps.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(Candidate)) == 1
        assert session.scalar(select(func.count()).select_from(Interview)) == 1


def test_metrics_are_served(app: Harness) -> None:
    app.prep("help")
    page = http_request(app.port, "GET", "/metrics")
    assert page.status == 200
    body = page.body.decode()
    assert 'loop_coach_ack_seconds_count{kind="command"}' in body
    if app.deps.engine.dialect.name == "postgresql":
        assert "# TYPE loop_coach_queue_oldest_ready_seconds gauge" in body


@pytest.mark.postgres
def test_healthz_is_503_when_a_ready_job_waits_over_a_minute(app: Harness) -> None:
    if app.deps.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no queue")
    queue = DurableQueue(app.deps.settings.database_url)
    try:
        queue._open()
        queue.app.configure_task(name="loop_coach.job", queue="nobody-serves-this").defer(job="{}")
    finally:
        queue.close()
    with app.deps.engine.begin() as connection:
        connection.execute(
            text("UPDATE procrastinate_events SET at = now() - interval '2 minutes' WHERE type = 'deferred'")
        )
    result = http_request(app.port, "GET", "/healthz")
    assert result.status == 503 and result.json()["queue"]["oldest_ready_seconds"] >= 60
    with app.deps.engine.begin() as connection:
        connection.execute(text("DELETE FROM procrastinate_jobs WHERE queue_name = 'nobody-serves-this'"))
    assert http_request(app.port, "GET", "/healthz").status == 200


# -- a worker killed mid-job ------------------------------------------------------------------------
@dataclass
class Crashable:
    app: Harness
    direct: Engine
    env: dict[str, str]
    logs: Path


@pytest.fixture
def crashable(tmp_path: Path, fake_slack: FakeSlack, clock: FixedClock) -> Iterator[Crashable]:
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL is not set: worker processes need PostgreSQL")
    for url in new_database_url("postgres", tmp_path, "crash"):
        upgrade_to_head(url)
        engine = create_db_engine(url)
        deps = build_deps(test_settings(url, fake_slack), clock=clock, engine=engine, queue=InProcessQueue())
        listeners, queue = TrackingExecutor(), DurableQueue(url)

        def settle(listeners: TrackingExecutor = listeners, engine: Engine = engine) -> None:
            listeners.wait_idle()
            wait_for_queue(engine, timeout=60)

        server = AppServer(create_web_app(deps, listener_executor=listeners, queue=queue)).start()
        harness = Harness(
            deps,
            fake_slack,
            clock,
            SlackDriver(server.port, SIGNING_SECRET, settle),
            server.port,
            listeners=listeners,
            queue=queue,
        )
        env = {
            "SLACK_BOT_TOKEN": fake_slack.token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.api_url,
            "DATABASE_URL": url,
            "LOOP_COACH_WORKER_TIMINGS": "0.5,2,0.5",
        }
        try:
            yield Crashable(harness, engine, env, tmp_path)
        finally:
            server.stop()
            queue.close()
            engine.dispose()


def test_a_worker_killed_mid_job_leaves_the_job_to_another_and_it_applies_once(crashable: Crashable) -> None:
    app = crashable.app
    first = WorkerProcess(crashable.env, crashable.logs / "first.log").wait_ready()
    app.fake.add_user(REVIEWER)
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone")
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    from schedules.jobs import tick

    assert tick(app.deps).sent == 1
    channel = app.fake.posts()[-1].params["channel"]
    thread_ts = app.fake.history[channel][-1]["ts"]

    app.fake.stall("reactions.add", 30.0)  # the job saves the answer, then stalls on Slack
    answer = {
        "type": "message",
        "channel": channel,
        "channel_type": "im",
        "user": CANDIDATE,
        "text": "I led it; latency fell 40%.",
        "ts": "1790000500.000100",
        "thread_ts": thread_ts,
    }
    from tests.support.payloads import event_callback

    assert app.driver.post_json(event_callback(answer, event_id="EvKilled"), settle=False).status == 200
    app.fake.wait_for(lambda fake: len(fake.calls_to("reactions.add")) == 1, timeout=20)
    first.kill()
    second = WorkerProcess(crashable.env, crashable.logs / "second.log").wait_ready()
    try:
        # the answer check and the follow-up question
        app.fake.wait_for(lambda fake: len(fake.posts(channel)) == 3, timeout=40)
        wait_for_queue(crashable.direct, timeout=40)
    finally:
        second.stop()
    assert "running it again through its journal" in second.output()
    with app.deps.sessions.begin() as session:
        answers = session.scalars(select(Answer)).all()
        assert len(answers) == 1 and answers[0].check_ts
    replies = [post.params["text"] for post in app.fake.posts(channel) if post.params.get("thread_ts")]
    assert len(replies) == 2, replies
    assert sum("Answer check" in text for text in replies) == 1, "one answer check, though the job ran twice"
