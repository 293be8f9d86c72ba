"""A small fuzz run over the request path (issue 14): whatever arrives, signed or not, the answer is
never a 500, and an unverified request never makes the app call anywhere or change anything.

Bodies are drawn from Slack's own shapes with fields swapped for junk of any JSON type, plus raw
bytes and random JSON. Unsigned ones point their response_url at a sink that records any call.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CANDIDATE, SIGNING_SECRET, Harness
from tests.support.app_server import http_request
from tests.support.fake_slack import TEAM_ID
from tests.support.hostile import Sink, post_bytes, signature_headers
from tests.support.payloads import block_action, event_callback, slash_command, view_submission
from tests.support.snapshot import snapshot

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
FIELDS = [
    "type", "event", "team_id", "team", "user", "user_id", "channel", "channel_id", "channel_type", "ts",
    "thread_ts", "deleted_ts", "subtype", "message", "previous_message", "item", "reaction", "actions",
    "view", "state", "values", "command", "text", "trigger_id", "response_url", "event_id", "payload",
    "authorizations", "enterprise", "is_enterprise_install", "tab", "file_id", "value", "action_id", "tz",
]  # fmt: skip
SIGNING = st.sampled_from(["signed", "unsigned", "other secret", "stale", "junk timestamp", "no signature"])
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/x-www-form-urlencoded",
        "text/plain",
        "",
        "application/json; charset=utf-8",
    ]
)


def templates(response_url: str) -> list[tuple[dict[str, Any], str]]:
    """Slack's shapes: (body, how it is sent)."""
    message = {"type": "message", "channel": "G0PREP0001", "channel_type": "mpim", "user": CANDIDATE,
               "text": "I did it", "ts": "1790000100.000200", "thread_ts": "1790000000.000100"}  # fmt: skip
    return [
        (slash_command("status", user=CANDIDATE, response_url=response_url), "form"),
        (slash_command("interview add", user=CANDIDATE, response_url=response_url), "form"),
        (event_callback(message), "json"),
        (
            event_callback({**message, "subtype": "message_deleted", "deleted_ts": "1790000100.000200"}),
            "json",
        ),
        (
            event_callback(
                {
                    "type": "reaction_added",
                    "user": CANDIDATE,
                    "reaction": "four",
                    "item": {"type": "message", "channel": "G0PREP0001", "ts": "1.2"},
                }
            ),
            "json",
        ),
        (event_callback({"type": "user_change", "user": {"id": CANDIDATE, "tz": "Asia/Tokyo"}}), "json"),
        (
            event_callback(
                {"type": "file_shared", "file_id": "F1", "user_id": CANDIDATE, "channel_id": "D1"}
            ),
            "json",
        ),
        (event_callback({"type": "app_home_opened", "user": CANDIDATE, "tab": "home"}), "json"),
        (
            json.loads(
                block_action(
                    {"action_id": "stop_reviewing", "value": CANDIDATE},
                    user=CANDIDATE,
                    response_url=response_url,
                )["payload"]
            ),
            "payload",
        ),
        (
            json.loads(
                block_action(
                    {"action_id": "delete_story", "value": "1"}, user=CANDIDATE, response_url=response_url
                )["payload"]
            ),
            "payload",
        ),
        (json.loads(view_submission("story_form", {}, user=CANDIDATE)["payload"]), "payload"),
    ]


@st.composite
def slack_shaped(draw: st.DrawFn, response_url: str) -> tuple[bytes, str]:
    body, how = draw(st.sampled_from(templates(response_url)))
    body = json.loads(json.dumps(body))
    for _ in range(draw(st.integers(1, 4))):
        target = body
        if isinstance(body.get("event"), dict) and draw(st.booleans()):
            target = body["event"]
        field = draw(st.sampled_from(FIELDS))
        if draw(st.integers(0, 4)) == 0:
            target.pop(field, None)
        else:
            target[field] = draw(JSON)
    if how == "form":
        return urlencode({k: v if isinstance(v, str) else json.dumps(v) for k, v in body.items()}).encode(), (
            "application/x-www-form-urlencoded"
        )
    if how == "payload":
        return urlencode({"payload": json.dumps(body)}).encode(), "application/x-www-form-urlencoded"
    return json.dumps(body).encode(), "application/json"


def bodies(response_url: str) -> st.SearchStrategy[tuple[bytes, str]]:
    junk = st.tuples(st.binary(max_size=300) | JSON.map(lambda v: json.dumps(v).encode()), CONTENT_TYPES)
    return slack_shaped(response_url) | junk


def headers_for(body: bytes, content_type: str, signing: str) -> dict[str, str]:
    now = int(time.time())
    headers = {"Content-Type": content_type} if content_type else {}
    if signing == "signed":
        return {**headers, **signature_headers(body, SIGNING_SECRET, now)}
    if signing == "other secret":
        return {**headers, **signature_headers(body, "another-secret-1234", now)}
    if signing == "stale":
        return {**headers, **signature_headers(body, SIGNING_SECRET, now - 400)}
    if signing == "junk timestamp":
        return {**headers, **signature_headers(body, SIGNING_SECRET), "X-Slack-Request-Timestamp": f"{now}.5"}
    return headers


@pytest.fixture
def sink() -> Iterator[Sink]:
    found = Sink()
    yield found
    found.stop()


@pytest.fixture
def ready(app: Harness) -> Harness:
    """A candidate with a loop, so that well-formed junk reaches real lookups."""
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone")
    return app


def test_the_request_path_never_answers_500_nor_calls_out_unverified(
    ready: Harness, sink: Sink, caplog: pytest.LogCaptureFixture
) -> None:
    app = ready
    caplog.set_level(logging.WARNING)

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(bodies(f"{sink.url}/hook"), SIGNING)
    def one_request(drawn: tuple[bytes, str], signing: str) -> None:
        body, content_type = drawn
        calls, before = len(app.fake.calls), snapshot(app.deps.engine) if signing != "signed" else None
        seen = len(sink.seen)
        result = post_bytes(app.port, body, headers_for(body, content_type, signing))
        app.driver.settle()
        assert result.status < 500, (result.status, body[:200], signing)
        if signing != "signed":
            assert result.status == 401, (result.status, signing)
            assert len(app.fake.calls) == calls and len(sink.seen) == seen, "an unverified request called out"
            assert snapshot(app.deps.engine) == before

    one_request()
    crashes = [r.getMessage() for r in caplog.records if r.exc_info and r.name.startswith("loop_coach.bolt")]
    assert crashes == [], crashes[:3]
    assert http_request(app.port, "GET", "/healthz").status == 200
    assert "/prep loop YYYY-MM-DD" in app.prep("help", team=TEAM_ID)
