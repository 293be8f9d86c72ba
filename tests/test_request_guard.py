"""The request guard and the replay record on their own: window edges, purging, what Slack's bodies look like."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from bot.db import create_db_engine
from bot.deps import Deps
from bot.models import SeenSignature
from bot.request_guard import WINDOW_SECONDS, RequestGuard, SeenSignatures
from bot.slack_body import MalformedBody, depth_exceeds, read_body
from tests.conftest import SIGNING_SECRET, shared_path
from tests.support.hostile import signature_headers

T = 1_790_000_000


class Clock:
    def __init__(self, at: float) -> None:
        self.at = at

    def __call__(self) -> float:
        return self.at


def call(guard: RequestGuard, body: bytes, headers: dict[str, str]) -> str:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/json",
        "wsgi.input": io.BytesIO(body),
        **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()},
    }
    status: list[str] = []
    guard(environ, lambda s, h: status.append(s))
    return status[0][:3]


def passed_through(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    assert environ["wsgi.input"].read() == BODY, "Bolt gets the body already read, whole"
    start_response("200 OK", [])
    return [b""]


BODY = json.dumps({"type": "event_callback", "event": {"type": "app_home_opened", "user": "U1"}}).encode()


@pytest.mark.parametrize(("offset", "status"), [(-WINDOW_SECONDS, "200"), (WINDOW_SECONDS, "200"),
                                                (-WINDOW_SECONDS - 1, "401"), (WINDOW_SECONDS + 1, "401")])  # fmt: skip
def test_the_window_is_five_minutes_either_way(offset: int, status: str) -> None:
    guard = RequestGuard(
        passed_through, signing_secret=SIGNING_SECRET, first_sighting=lambda d, t: True, now=Clock(T)
    )
    assert call(guard, BODY, signature_headers(BODY, SIGNING_SECRET, T + offset)) == status


def test_a_replay_is_answered_but_never_reaches_bolt() -> None:
    seen: set[str] = set()

    def first_sighting(digest: str, timestamp: int) -> bool:
        fresh = digest not in seen
        seen.add(digest)
        return fresh

    reached: list[bytes] = []

    def bolt(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        reached.append(environ["wsgi.input"].read())
        start_response("200 OK", [])
        return [b""]

    guard = RequestGuard(bolt, signing_secret=SIGNING_SECRET, first_sighting=first_sighting, now=Clock(T))
    headers = signature_headers(BODY, SIGNING_SECRET, T)
    assert [call(guard, BODY, headers) for _ in range(3)] == ["200", "200", "200"]
    assert reached == [BODY]


def test_a_body_shorter_than_announced_is_400() -> None:
    guard = RequestGuard(
        passed_through, signing_secret=SIGNING_SECRET, first_sighting=lambda d, t: True, now=Clock(T)
    )
    environ = {
        "REQUEST_METHOD": "POST",
        "CONTENT_LENGTH": "100",
        "wsgi.input": io.BytesIO(b"{}"),
        **{
            "HTTP_" + k.upper().replace("-", "_"): v
            for k, v in signature_headers(b"{}", SIGNING_SECRET, T).items()
        },
    }
    status: list[str] = []
    guard(environ, lambda s, h: status.append(s))
    assert status == ["400 Bad Request"]


# -- the replay record ----------------------------------------------------------------------------
def count(deps: Deps) -> int:
    with deps.sessions.begin() as session:
        return int(session.scalar(select(func.count()).select_from(SeenSignature)) or 0)


def test_a_signature_is_kept_as_long_as_its_timestamp_is_accepted(deps: Deps) -> None:
    now, ticks = Clock(T), Clock(0)
    seen = SeenSignatures(deps.engine, now=now, monotonic=ticks)
    ahead = T + 240  # signed four minutes in the future: acceptable until T + 540
    assert seen("a" * 64, ahead) is True
    assert seen("a" * 64, ahead) is False
    now.at, ticks.at = T + 500, 61  # a purge runs with the next request
    assert seen("b" * 64, T + 500) is True
    assert seen("a" * 64, ahead) is False, "still refused: its timestamp is still inside the window"
    now.at, ticks.at = T + 541 + WINDOW_SECONDS, 200
    assert seen("c" * 64, T + 841) is True
    assert count(deps) == 1, "the expired signatures were dropped"


def test_without_a_database_requests_pass_unrecorded(deps: Deps, tmp_path: Path) -> None:
    seen = SeenSignatures(create_db_engine(f"sqlite:///{tmp_path}/missing/db.sqlite"), now=Clock(T))
    assert seen("d" * 64, T) is True
    assert seen("d" * 64, T) is True


# -- what Slack's bodies look like ----------------------------------------------------------------
SAMPLES = ["events/MessagePayload.json", "events/ReactionAddedPayload.json", "events/AppHomeOpenedPayload.json",
           "events/AppMentionPayload.json", "events/AppUninstalledPayload.json", "events/TokensRevokedPayload.json",
           "app-backend/interactive-components/BlockActionPayload.json",
           "app-backend/views/ViewSubmissionPayload.json", "app-backend/views/ViewClosedPayload.json"]  # fmt: skip


@pytest.mark.parametrize("name", SAMPLES)
def test_slacks_published_samples_pass(name: str) -> None:
    sample = json.loads(
        shared_path("slack-reference", "java-slack-sdk-json-logs", *name.split("/")).read_text()
    )
    if name.startswith("events/"):
        assert read_body(json.dumps(sample), "application/json") == sample
    else:
        assert (
            read_body(urlencode({"payload": json.dumps(sample)}), "application/x-www-form-urlencoded")
            == sample
        )


def test_a_slash_command_form_passes() -> None:
    fields = {"command": "/prep", "text": "help", "team_id": "T1", "user_id": "U1", "trigger_id": "1.2.3",
              "response_url": "https://hooks.slack.com/commands/T1/1/x"}  # fmt: skip
    assert read_body(urlencode(fields), "application/x-www-form-urlencoded") == fields


@pytest.mark.parametrize(
    "body",
    [
        {"type": "event_callback", "event": [1]},
        {"type": "event_callback"},
        {"type": "event_callback", "event": {"type": "message", "channel": {"id": "C1"}}},
        {"type": "event_callback", "event": {"type": "reaction_added", "user": "U1", "reaction": "one"}},
        {"type": "event_callback", "event": {"type": "user_change", "user": "U1"}},
        {"type": "event_callback", "event": {"type": "file_shared", "file_id": "F1", "user_id": "U1", "channel_id": [1]}},
        {"type": "block_actions", "user": {"id": "U1"}, "actions": ["x"]},
        {"type": "block_actions", "user": {"id": "U1"}, "actions": [{"value": 3}]},
        {"type": "block_actions", "actions": []},
        {"type": "block_actions", "user": {}, "actions": []},
        {"type": "block_actions", "user": {"id": "U1"}, "actions": []},
        {"type": "view_submission", "user": {"id": "U1"}},
        {"type": 7},
        {"team": 5, "type": "block_actions"},
        {"authorizations": [None]},
        {"response_url": "javascript:alert(1)"},
        {"enterprise": True},
    ],
)  # fmt: skip
def test_shapes_slack_never_sends_are_refused(body: dict[str, Any]) -> None:
    with pytest.raises(MalformedBody) as refused:
        read_body(json.dumps(body), "application/json")
    assert "\n" not in str(refused.value)


def test_a_command_missing_its_fields_is_refused() -> None:
    with pytest.raises(MalformedBody):
        read_body(urlencode({"command": "/prep", "text": "help"}), "application/x-www-form-urlencoded")


def test_depth_is_measured_without_recursion() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    assert depth_exceeds(deep, 64)
    assert not depth_exceeds({"a": [{"b": [1]}]}, 64)
