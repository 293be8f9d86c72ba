"""The clock paces itself to Slack's limits: token buckets per method and per channel."""

from __future__ import annotations

import pytest

from bot.pacing import SLACK_RATES, Pacer, Rate, TokenBucket
from bot.slack_client import web_client
from tests.support.fake_slack import FakeSlack


class ManualTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_a_bucket_allows_its_burst_then_spaces_calls_evenly() -> None:
    time = ManualTime()
    bucket = TokenBucket(Rate(per_second=2, burst=3), clock=time.clock)
    waits = [bucket.reserve() for _ in range(5)]
    assert waits == [0, 0, 0, pytest.approx(0.5), pytest.approx(1.0)]
    time.now += 10
    assert bucket.reserve() == 0, "an idle bucket refills up to its burst"


def test_the_pacer_takes_the_longer_wait_of_method_and_channel() -> None:
    time = ManualTime()
    pacer = Pacer({"chat.postMessage": Rate(100, burst=100)}, {"chat.postMessage": Rate(1)}, sleep=time.sleep)
    pacer.wait("chat.postMessage", "D1")
    pacer.wait("chat.postMessage", "D2")
    assert time.slept == [], "different channels, workspace quota to spare"
    pacer.wait("chat.postMessage", "D1")
    assert time.slept and time.slept[0] > 0.9, "the same channel again waits about a second"
    pacer.wait("users.info")
    assert len(time.slept) == 1, "methods without a limit are not paced"


def test_slacks_published_tiers_are_the_defaults() -> None:
    assert SLACK_RATES["conversations.open"].per_second == pytest.approx(50 / 60 * 0.97)
    assert SLACK_RATES["users.info"].per_second == pytest.approx(100 / 60 * 0.97)
    assert Pacer.scaled(60)._rates["conversations.open"].per_second == pytest.approx(50 * 0.97)


def test_a_paced_client_waits_before_calling() -> None:
    fake = FakeSlack(token="xoxb-test-fake-token").start()
    time = ManualTime()
    try:
        pacer = Pacer({"conversations.open": Rate(1, burst=1)}, {}, sleep=time.sleep)
        client = web_client("xoxb-test-fake-token", fake.api_url, pacer=pacer)
        client.conversations_open(users="U0AAAAAA1")
        client.conversations_open(users="U0AAAAAA2")
        assert len(fake.calls_to("conversations.open")) == 2
        assert len(time.slept) == 1 and time.slept[0] > 0.9
    finally:
        fake.stop()
