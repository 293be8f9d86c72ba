"""Every Slack call retries on 429 (honouring Retry-After), 5xx and dropped connections."""

from __future__ import annotations

import time

import pytest
from slack_sdk.errors import SlackApiError

from bot.slack_client import web_client, webhook_client
from tests.support.fake_slack import FakeSlack

TOKEN = "xoxb-test-fake-token"


@pytest.fixture
def fake() -> FakeSlack:
    fake = FakeSlack(token=TOKEN).start()
    yield fake
    fake.stop()


def test_calls_go_to_the_configured_base_url(fake: FakeSlack) -> None:
    response = web_client(TOKEN, fake.api_url).auth_test()
    assert response["user_id"] == "UBOTLOOP1"
    assert fake.method_names() == ["auth.test"]
    assert fake.calls[0].headers["authorization"] == f"Bearer {TOKEN}"


def test_429_waits_for_retry_after_then_succeeds(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", 429, retry_after=1)
    started = time.monotonic()
    response = web_client(TOKEN, fake.api_url).chat_postMessage(channel="D1", text="hello")
    waited = fake.calls[1].at - fake.calls[0].at
    assert response["ok"] is True
    assert fake.method_names() == ["chat.postMessage", "chat.postMessage"]
    assert waited >= 1.0, f"retried after {waited:.2f}s, before Retry-After"
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried(fake: FakeSlack, status: int) -> None:
    fake.fail("users.info", status)
    fake.add_user("U1")
    response = web_client(TOKEN, fake.api_url).users_info(user="U1")
    assert response["user"]["id"] == "U1"
    assert len(fake.calls_to("users.info")) == 2


def test_a_dropped_connection_is_retried(fake: FakeSlack) -> None:
    fake.fail("auth.test", 0)
    response = web_client(TOKEN, fake.api_url).auth_test()
    assert response["ok"] is True
    assert len(fake.calls_to("auth.test")) == 2


def test_retries_give_up_eventually(fake: FakeSlack) -> None:
    fake.fail("chat.postMessage", 500, times=10)
    with pytest.raises(SlackApiError):
        web_client(TOKEN, fake.api_url).chat_postMessage(channel="D1", text="hello")
    assert len(fake.calls_to("chat.postMessage")) == 4  # the first try and three retries


def test_slack_errors_are_not_retried(fake: FakeSlack) -> None:
    fake.refuse("chat.postMessage", "channel_not_found")
    with pytest.raises(SlackApiError) as raised:
        web_client(TOKEN, fake.api_url).chat_postMessage(channel="D1", text="hello")
    assert raised.value.response["error"] == "channel_not_found"
    assert len(fake.calls_to("chat.postMessage")) == 1


def test_response_url_replies_are_retried_too(fake: FakeSlack) -> None:
    fake.fail("response_url", 503)
    fake.fail("response_url", 429, retry_after=0)
    assert webhook_client(fake.response_url("abc")).send(text="hi").status_code == 200
    assert len(fake.responses()) == 3
