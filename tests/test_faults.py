"""When things go wrong: the database goes away, Slack stalls or fails, deliveries arrive malformed."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, make_url
from sqlalchemy.exc import DBAPIError

from bot.clock import FixedClock
from bot.db import create_db_engine
from bot.deps import build_deps
from bot.job_queue import DurableQueue, InProcessQueue
from bot.migrate import upgrade_to_head
from bot.slack_client import web_client
from bot.web import create_web_app
from handlers.reply import SORRY
from schedules.jobs import tick
from tests.conftest import CANDIDATE, SIGNING_SECRET, Harness, new_database_url, test_settings
from tests.support.app_server import AppServer, SlackDriver, TrackingExecutor, http_request
from tests.support.factories import local, make_candidate, prompts_of
from tests.support.fake_slack import FakeSlack
from tests.support.payloads import event_callback
from tests.support.snapshot import snapshot
from tests.support.tcp_proxy import TcpProxy
from tests.support.worker_process import WorkerProcess, wait_for_queue

pytestmark = pytest.mark.processes  # outages and stalls: waits on time

LOOP = date(2026, 12, 16)
REVIEWER = "U0REVIEW01"
INTERVIEWS = [("Natesh", "backbone, earn trust"), ("Keesha", "curious, invent")]


# -- the database goes away ------------------------------------------------------------------------
@dataclass
class Outage:
    app: Harness
    proxy: TcpProxy
    worker: WorkerProcess


@pytest.fixture
def behind_proxy(tmp_path: Path, fake_slack: FakeSlack, clock: FixedClock) -> Iterator[Outage]:
    """The web app and a worker process, both reaching PostgreSQL through a proxy that can be cut."""
    if not os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL is not set: the outage test cuts a PostgreSQL connection")
    for url in new_database_url("postgres", tmp_path, "outage"):
        upgrade_to_head(url)
        real = make_url(url)
        proxy = TcpProxy(real.host or "127.0.0.1", real.port or 5432)
        proxied = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        engine = create_db_engine(proxied)
        deps = build_deps(
            test_settings(proxied, fake_slack), clock=clock, engine=engine, queue=InProcessQueue()
        )
        worker = WorkerProcess(
            {
                "SLACK_BOT_TOKEN": fake_slack.token,
                "SLACK_SIGNING_SECRET": SIGNING_SECRET,
                "SLACK_API_URL": fake_slack.api_url,
                "DATABASE_URL": proxied,
            },
            tmp_path / "worker.log",
        ).wait_ready()
        direct = create_db_engine(url)
        listeners = TrackingExecutor()
        queue = DurableQueue(proxied)

        def settle(listeners: TrackingExecutor = listeners, direct: Engine = direct) -> None:
            listeners.wait_idle()
            wait_for_queue(direct, timeout=60)

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
        try:
            yield Outage(harness, proxy, worker)
        finally:
            server.stop()
            worker.stop()
            queue.close()
            proxy.close()
            engine.dispose()
            direct.dispose()


def test_the_database_going_away_and_coming_back(behind_proxy: Outage) -> None:
    app, proxy = behind_proxy.app, behind_proxy.proxy
    app.fake.add_user(REVIEWER)
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone")
    app.prep(f"reviewer add <@{REVIEWER}>")
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    tick(app.deps)
    answer = posted_answer(app)

    proxy.cut()
    assert http_request(app.port, "GET", "/healthz").status == 503
    started = time.monotonic()
    assert app.command("status").status == 200
    assert time.monotonic() - started < 3, "Slack hears back within its three seconds"
    app.fake.wait_for(lambda fake: fake.last_response_text() == SORRY), "a polite line, not silence"
    rating = {
        "type": "reaction_added",
        "user": REVIEWER,
        "reaction": "four",
        "item": {"type": "message", "channel": answer["channel"], "ts": answer["ts"]},
    }
    refused = app.driver.post_json(event_callback(dict(rating), event_id="EvDuringOutage"), settle=False)
    assert refused.status >= 500, "not acknowledged, since it could not be saved: Slack will deliver it again"
    app.clock.set(local(date(2026, 12, 2), 9, 0))
    with pytest.raises(DBAPIError):
        tick(app.deps)  # the clock logs it and ticks again next minute
    posts = len(app.fake.posts())

    proxy.restore()
    assert http_request(app.port, "GET", "/healthz").status == 200
    # Slack's retry of the event, which this time is saved and run by the worker, back by itself.
    assert (
        app.event(dict(rating), event_id="EvDuringOutage", extra_headers={"X-Slack-Retry-Num": "1"}).status
        == 200
    )
    assert "1 answer · 4.0/5" in app.prep("status")
    app.event(dict(rating), event_id="EvDuringOutage", extra_headers={"X-Slack-Retry-Num": "2"})
    assert "1 answer · 4.0/5" in app.prep("status")
    app.clock.set(local(date(2026, 12, 2), 9, 1))
    assert tick(app.deps).sent == 1, "the morning's question goes out once the database is back"
    # and the 4️⃣ given during the outage brought its "Save as story" offer, once
    assert len(app.fake.posts()) == posts + 2
    assert [p.params["text"][:9] for p in app.fake.posts()[posts:]].count("Rated 4/5") == 1


def posted_answer(app: Harness) -> dict[str, str]:
    prompt = app.fake.posts()[-1]
    channel = prompt.params["channel"]
    thread_ts = app.fake.history[channel][-1]["ts"]
    ts = "1790000500.000100"
    app.event(
        {
            "type": "message",
            "channel": channel,
            "channel_type": "mpim",
            "user": CANDIDATE,
            "text": "I led it; latency fell 40%.",
            "ts": ts,
            "thread_ts": thread_ts,
        }
    )
    return {"channel": channel, "ts": ts}


# -- Slack stalls, fails, limits ------------------------------------------------------------------
def test_a_read_that_times_out_is_retried() -> None:
    fake = FakeSlack(token="xoxb-test-fake-token").start()
    try:
        fake.add_user("U0TIMEOUT1")
        fake.stall("users.info", 2.0)
        client = web_client("xoxb-test-fake-token", fake.api_url, timeout=1)
        assert client.users_info(user="U0TIMEOUT1")["user"]["id"] == "U0TIMEOUT1"
        assert len(fake.calls_to("users.info")) == 2
    finally:
        fake.stop()


def test_a_post_that_times_out_but_lands_is_not_sent_twice(
    deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    slow = replace(deps, slack=web_client(fake_slack.token, fake_slack.api_url, timeout=1))
    cid = make_candidate(slow, CANDIDATE, loop_date=LOOP, interviews_spec=INTERVIEWS)
    other = make_candidate(slow, "U0PROMPT02", loop_date=LOOP, interviews_spec=INTERVIEWS)
    fake_slack.stall("chat.postMessage", 2.0)  # the first post lands, but after the client gave up
    clock.set(local(date(2026, 12, 1), 9, 0))
    report = tick(slow)
    assert report.outcomes.get("sent", 0) + report.outcomes.get("unknown", 0) == 2
    assert prompts_of(slow, other)[0].status in ("sent", "sending")
    clock.set(local(date(2026, 12, 1), 9, 7))  # after the lease
    tick(slow)
    assert [p.status for p in prompts_of(slow, cid) + prompts_of(slow, other)] == ["sent", "sent"]
    landed = [m for messages in fake_slack.history.values() for m in messages]
    assert len(landed) == 2, "one message per candidate, though a post timed out"


def test_a_post_that_times_out_and_never_lands_is_sent_after_the_lease(
    deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    slow = replace(deps, slack=web_client(fake_slack.token, fake_slack.api_url, timeout=1))
    cid = make_candidate(slow, CANDIDATE, loop_date=LOOP, interviews_spec=INTERVIEWS)
    fake_slack.fail("chat.postMessage", 500, delay=2.0)  # slow, then a failure: nothing posted
    clock.set(local(date(2026, 12, 1), 9, 0))
    outcomes = tick(slow).outcomes
    assert outcomes.get("unknown") == 1 and "sent" not in outcomes, outcomes  # (the evening nudge: later)
    clock.set(local(date(2026, 12, 1), 9, 7))
    tick(slow)
    assert [p.status for p in prompts_of(slow, cid)] == ["sent"]
    assert sum(len(m) for m in fake_slack.history.values()) == 1


def test_server_errors_in_delivery_are_retried_and_others_proceed(
    deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    ids = [
        make_candidate(deps, f"U0FIVEXX{n:02d}", loop_date=LOOP, interviews_spec=INTERVIEWS) for n in range(3)
    ]
    fake_slack.fail("chat.postMessage", 503)
    fake_slack.fail("conversations.open", 502)
    clock.set(local(date(2026, 12, 1), 9, 0))
    assert tick(deps).sent == 3
    assert all(prompts_of(deps, cid)[0].status == "sent" for cid in ids)
    assert sum(len(m) for m in fake_slack.history.values()) == 3


# -- malformed and hostile deliveries -------------------------------------------------------------
def assert_still_up(app: Harness) -> None:
    assert http_request(app.port, "GET", "/healthz").status == 200
    assert "/prep loop YYYY-MM-DD" in app.prep("help")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("{not json", "application/json"),
        ('{"type": "event_callback"}', "application/json"),
        ('{"type": "event_callback", "event_id": "Ev1", "event": "a string"}', "application/json"),
        ("[1, 2, 3]", "application/json"),
        ("payload=%7Bnot+json", "application/x-www-form-urlencoded"),
        ("payload=%7B%22type%22%3A%22block_actions%22%7D", "application/x-www-form-urlencoded"),
        ("", "application/json"),
        ("\x00\x01\x02", "application/octet-stream"),
    ],
)
def test_malformed_bodies_are_refused_and_the_process_stays_up(
    app: Harness, body: str, content_type: str
) -> None:
    before = snapshot(app.deps.engine)
    result = app.driver.post(body, content_type)
    assert result.status < 500 or (result.status == 500 and b"Traceback" not in result.body)
    assert snapshot(app.deps.engine) == before
    assert_still_up(app)


@pytest.mark.parametrize(
    "event",
    [
        {"type": "message", "channel_type": "mpim"},
        {"type": "message", "channel_type": "mpim", "subtype": "message_changed"},
        {"type": "message", "channel_type": "mpim", "subtype": "message_deleted"},
        {"type": "reaction_added", "reaction": "four"},
        {"type": "reaction_added", "reaction": "four", "item": {"type": "file", "file": "F1"}, "user": "U1"},
        {"type": "user_change", "user": {"id": "U0NOBODY01"}},
        {"type": "file_shared"},
        {"type": "app_home_opened", "tab": "messages", "user": CANDIDATE},
        {"type": "brand_new_event_type", "stuff": [1, 2, 3]},
    ],
)
def test_events_with_missing_fields_or_unknown_types_change_nothing(app: Harness, event: dict) -> None:
    before = snapshot(app.deps.engine)
    result = app.event(event)
    assert result.status in (200, 400, 404)  # 400: signed, but not a shape Slack sends (bot/slack_body.py)
    assert snapshot(app.deps.engine) == before
    assert app.fake.posts() == [] and app.fake.calls_to("views.publish") == []
    assert_still_up(app)


def test_a_40000_character_command_gets_a_short_answer_and_saves_nothing(app: Harness) -> None:
    before = snapshot(app.deps.engine)
    for text in (
        "x" * 40_000,
        "loop " + "9" * 40_000,
        "interview add " + "N" * 40_000 + ": ownership",
        "interview add Natesh: " + "teamwork, " * 4000,
        "question add ownership: " + "why? " * 8000,
    ):
        reply = app.prep(text)
        assert len(reply) < 1200 and "\n" not in reply, reply[:200]
    assert snapshot(app.deps.engine)["interviews"] == before["interviews"]
    assert snapshot(app.deps.engine)["questions"] == before["questions"]


ODD = "\u202eevil\u202c \u200d\U0001f9d1\u200d\U0001f4bb e\u0301 \x00nul <!channel> &amp; 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
LONE_SURROGATE = "\ud800"  # JSON can carry one (events); a form body cannot (commands)


def test_odd_unicode_is_stored_safely_everywhere(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    reply = app.prep(f"interview add {ODD}: ownership")
    assert reply.startswith("Added interview 1:")
    assert "&lt;!channel&gt;" in app.prep(f"loop {ODD}"), "echoed input cannot ping a channel"
    app.prep(f"question add ownership: {ODD}")
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    tick(app.deps)
    prompt = app.fake.posts()[-1]
    channel, ts = prompt.params["channel"], app.fake.history[prompt.params["channel"]][-1]["ts"]
    answer = {
        "type": "message",
        "channel": channel,
        "channel_type": "im",
        "user": CANDIDATE,
        "text": ODD * 500,
        "ts": "1790000300.000100",
        "thread_ts": ts,
        "blocks": [{"type": "rich_text", "elements": []}] * 5000,
    }
    assert app.event(answer).status == 200
    with app.deps.sessions.begin() as session:
        from bot.models import Answer, Interview

        stored = session.query(Answer).one().text
        name = session.query(Interview).one().interviewer
    assert "\x00" not in stored and "\ud800" not in stored and "\U0001f9d1" in stored
    assert "\x00" not in name and "evil" in name
    check, follow_up = (post.params["text"] for post in app.fake.posts()[-2:])
    assert "📝 Answer check" in check and follow_up.startswith("🎤 Follow-up:")
    assert_still_up(app)


def test_huge_modal_submissions_are_refused_inside_the_modal(app: Harness) -> None:
    from tests.support.payloads import view_submission

    # 0.7 MB in all: far past Slack's own limits, still under the web process's 1 MB request limit
    values = {
        name: {"value": {"type": "plain_text_input", "value": "z" * 100_000}}
        for name in ("title", "situation", "task", "action", "result", "metrics", "notes")
    }
    values["principles"] = {
        "value": {
            "type": "multi_static_select",
            "selected_options": [{"value": "Ownership"}] * 1000 + [{"value": "Nope"}],
        }
    }
    before = snapshot(app.deps.engine)
    result = app.driver.post_form(view_submission("story_form", values, user=CANDIDATE))
    body = json.loads(result.body)
    assert body["response_action"] == "errors" and "title" in body["errors"]
    assert snapshot(app.deps.engine) == before
