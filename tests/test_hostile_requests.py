"""Hostile requests get nothing: the real HTTP endpoint, signed and unsigned (issue 14).

Each test here failed before the request guard (bot/request_guard.py): an unverified body made the
app call out, a replayed request applied twice, bodies were read and parsed before their signature
was checked, and a malformed signed body was a 500 with a traceback.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from bot.web import create_web_app
from handlers.reply import SORRY
from tests.conftest import CANDIDATE, SIGNING_SECRET, Harness
from tests.support.app_server import AppServer, http_request
from tests.support.hostile import Sink, headers_only, post_bytes, signature_headers
from tests.support.payloads import slash_command, view_submission
from tests.support.snapshot import snapshot

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def sink() -> Iterator[Sink]:
    """Somewhere an attacker would like the app to call: it records anything that arrives."""
    found = Sink()
    yield found
    found.stop()


def command_body(text: str, response_url: str, **fields: str) -> bytes:
    return urlencode({**slash_command(text, user=CANDIDATE, response_url=response_url), **fields}).encode()


def tracebacks(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.exc_info]


# -- an unverified request never makes the app call out -------------------------------------------
@pytest.mark.parametrize(
    "timestamp", ["now", "soon", "1.7e9", " 1790000000", "\xb9\xb2\xb30000000", "-1", "9" * 40, ""]
)
def test_an_unusable_timestamp_is_401_and_nothing_calls_out(
    app: Harness, sink: Sink, caplog: pytest.LogCaptureFixture, timestamp: str
) -> None:
    body = command_body("help", f"{sink.url}/steal")
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + "0" * 64,
    }
    started = time.monotonic()
    result = post_bytes(app.port, body, headers)
    app.driver.settle()
    assert result.status == 401
    assert time.monotonic() - started < 2, "refused at once, not after an outbound call"
    assert sink.seen == [] and app.fake.calls == []
    assert tracebacks(caplog) == []


def test_sixteen_unsigned_requests_do_not_stall_a_signed_one(app: Harness, sink: Sink) -> None:
    sink.hold()  # were the app to call out, each call would hang here
    body = command_body("help", f"{sink.url}/steal")
    headers = {"Content-Type": FORM, "X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=x"}
    for _ in range(16):
        assert post_bytes(app.port, body, headers, timeout=5).status == 401
    started = time.monotonic()
    assert "/prep loop YYYY-MM-DD" in app.prep("help")
    assert time.monotonic() - started < 2
    assert sink.seen == []


def test_a_failure_on_a_signed_request_apologises_without_holding_the_request(
    app: Harness, sink: Sink
) -> None:
    """The apology goes out from the job processes: a response_url that hangs holds no web thread."""
    app.fake.refuse("views.open", "invalid_trigger_id")
    sink.hold()
    body = command_body("interview add", f"{sink.url}/hook")
    headers = {"Content-Type": FORM, **signature_headers(body, SIGNING_SECRET)}
    started = time.monotonic()
    try:
        result = post_bytes(app.port, body, headers, timeout=5)
        answered_in = time.monotonic() - started
    finally:
        sink.release()
    assert result.status == 200
    assert answered_in < 2, f"the request waited {answered_in:.1f} s on the apology"
    app.driver.settle()
    sink.wait_for(1)
    assert SORRY in sink.seen[0].body.decode()


def test_behind_the_guard_too_an_unverified_failure_is_logged_not_apologised_for(
    app: Harness, sink: Sink
) -> None:
    """Bolt alone (no guard in front), fed what used to reach it: its error handler stays silent."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from bot.app import create_app

    bolt = create_app(app.deps, listener_executor=app.listeners, queue=app.queue)
    server = AppServer(SlackRequestHandler(bolt, path="/slack/events")).start()
    try:
        body = command_body("help", f"{sink.url}/steal")
        headers = {"Content-Type": FORM, "X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=x"}
        assert post_bytes(server.port, body, headers).status >= 400
        app.driver.settle()
    finally:
        server.stop()
    assert sink.seen == [] and app.fake.calls == []


# -- a signed request is applied once --------------------------------------------------------------
def test_a_replayed_command_does_nothing_here_or_in_another_web_process(app: Harness) -> None:
    other = AppServer(
        create_web_app(app.deps, listener_executor=app.listeners, queue=app.queue)
    ).start()
    try:
        body = command_body("interview add Natesh: backbone", app.fake.response_url())
        headers = {"Content-Type": FORM, **signature_headers(body, SIGNING_SECRET)}
        assert post_bytes(app.port, body, headers).status == 200
        app.driver.settle()
        assert post_bytes(app.port, body, headers).status == 200  # answered, and dropped
        assert post_bytes(other.port, body, headers).status == 200  # another worker shares the record
        app.driver.settle()
    finally:
        other.stop()
    assert len(snapshot(app.deps.engine)["interviews"]) == 1
    assert len(app.fake.responses()) == 1


def test_a_replayed_question_request_posts_one_question(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone")
    body = command_body("question", app.fake.response_url())
    headers = {"Content-Type": FORM, **signature_headers(body, SIGNING_SECRET)}
    for _ in range(3):
        assert post_bytes(app.port, body, headers).status == 200
        app.driver.settle()
    assert len(app.fake.posts()) == 1


def test_a_replayed_story_submission_saves_one_story(app: Harness) -> None:
    values = {
        "title": {"value": {"type": "plain_text_input", "value": "Cut checkout latency"}},
        "principles": {
            "value": {"type": "multi_static_select", "selected_options": [{"value": "Dive Deep"}]}
        },
        "situation": {"value": {"type": "plain_text_input", "value": "Checkout timed out."}},
        "task": {"value": {"type": "plain_text_input", "value": "Find why."}},
        "action": {"value": {"type": "plain_text_input", "value": "I traced it."}},
        "result": {"value": {"type": "plain_text_input", "value": "Latency fell 80%."}},
        "metrics": {"value": {"type": "plain_text_input", "value": ""}},
        "notes": {"value": {"type": "plain_text_input", "value": ""}},
    }
    body = urlencode(view_submission("story_form", values, user=CANDIDATE)).encode()
    headers = {"Content-Type": FORM, **signature_headers(body, SIGNING_SECRET)}
    for _ in range(2):
        assert post_bytes(app.port, body, headers).status == 200
        app.driver.settle()
    assert len(snapshot(app.deps.engine)["stories"]) == 1


def test_a_request_signed_four_minutes_ahead_is_accepted_once(app: Harness) -> None:
    ahead = int(time.time()) + 240
    body = command_body("interview add Natesh: backbone", app.fake.response_url())
    headers = {"Content-Type": FORM, **signature_headers(body, SIGNING_SECRET, ahead)}
    assert post_bytes(app.port, body, headers).status == 200
    app.driver.settle()
    assert post_bytes(app.port, body, headers).status == 200
    app.driver.settle()
    assert len(snapshot(app.deps.engine)["interviews"]) == 1


@pytest.mark.parametrize("offset", [-301, 301, -3600, 86400])
def test_a_timestamp_outside_five_minutes_either_way_is_401(app: Harness, offset: int) -> None:
    body = command_body("interview add Natesh: backbone", app.fake.response_url())
    headers = {"Content-Type": FORM, **signature_headers(body, SIGNING_SECRET, int(time.time()) + offset)}
    assert post_bytes(app.port, body, headers).status == 401
    app.driver.settle()
    assert app.fake.calls == []


# -- nothing is read or parsed before the signature holds -----------------------------------------
@pytest.mark.parametrize("signed", [False, True])
def test_a_fifty_megabyte_body_is_413_unread(app: Harness, signed: bool) -> None:
    claims = signature_headers(b"x", SIGNING_SECRET) if signed else {}
    head = "".join(f"{name}: {value}\r\n" for name, value in claims.items())
    status, took = headers_only(
        app.port,
        f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n"
        f"Content-Length: 50000000\r\n{head}\r\n",
    )
    assert status == 413
    assert took < 2, "answered without waiting for the body"


def test_an_unsigned_body_is_401_before_it_is_read(app: Harness) -> None:
    stale = str(int(time.time()) - 3600)
    status, took = headers_only(
        app.port,
        f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\nContent-Length: 900000\r\n"
        f"X-Slack-Request-Timestamp: {stale}\r\nX-Slack-Signature: v0={'a' * 64}\r\n\r\n",
    )
    assert (status, took < 2) == (401, True)


MALFORMED = {
    "broken JSON": (b'{"type": "event_callback", "event": {', "application/json"),
    "not UTF-8": (b'{"type": "event_callback", "x": "\xff\xfe\xc0"}', "application/json"),
    "not UTF-8 form": (b"command=%2Fprep&text=\xff\xfe", FORM),
    "deeply nested": (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json"),
    "nested past Slack": (b'{"a": ' + b"[" * 200 + b"]" * 200 + b"}", "application/json"),
    "a JSON list": (b"[1, 2, 3]", "application/json"),
    "payload not JSON": (b"payload=%7Bnot+json", FORM),
    "payload a list": (b"payload=%5B1%2C2%5D", FORM),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_body_signed_is_400_without_a_traceback(
    app: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    body, content_type = MALFORMED[case]
    caplog.set_level(logging.INFO)
    before = snapshot(app.deps.engine)
    result = post_bytes(
        app.port, body, {"Content-Type": content_type, **signature_headers(body, SIGNING_SECRET)}
    )
    app.driver.settle()
    assert result.status == 400
    assert tracebacks(caplog) == []
    assert snapshot(app.deps.engine) == before and app.fake.calls == []


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_body_unsigned_is_401_without_a_traceback(
    app: Harness, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    body, content_type = MALFORMED[case]
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": "v0=" + "b" * 64,
    }
    result = post_bytes(app.port, body, headers)
    app.driver.settle()
    assert result.status == 401
    assert tracebacks(caplog) == [] and app.fake.calls == []


def test_the_events_path_only_takes_posts(app: Harness) -> None:
    assert http_request(app.port, "GET", "/slack/events").status in (404, 405)
    assert http_request(app.port, "PUT", "/slack/events", json.dumps({"type": "x"})).status in (401, 404, 405)
