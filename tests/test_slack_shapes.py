"""Our stand-ins speak Slack's shapes: checked against Slack's own published artefacts."""

from __future__ import annotations

import json

import jsonschema
import pytest

from bot.slack_client import web_client
from tests.support.fake_slack import FakeSlack
from tests.support.payloads import block_action, event_callback, slash_command, view_submission
from tests.support.reference import (
    assert_call_matches_spec,
    event_wrapper_schema,
    sample,
    unknown_keys,
)

TOKEN = "xoxb-test-fake-token"


@pytest.fixture
def fake() -> FakeSlack:
    fake = FakeSlack(token=TOKEN).start()
    fake.add_user("U1")
    yield fake
    fake.stop()


def test_fake_responses_only_use_fields_slack_has(fake: FakeSlack) -> None:
    client = web_client(TOKEN, fake.api_url)
    view = {"type": "modal", "title": {"type": "plain_text", "text": "t"}, "blocks": []}
    answers = {
        "auth.test": client.auth_test(),
        "users.info": client.users_info(user="U1"),
        "conversations.open": client.conversations_open(users="U1,U2"),
        "chat.postMessage": client.chat_postMessage(channel="D1", text="hi"),
        "chat.update": client.chat_update(channel="D1", ts="1.2", text="hi"),
        "reactions.add": client.reactions_add(channel="D1", timestamp="1.2", name="memo"),
        "views.open": client.views_open(trigger_id="1.2.3", view=view),
        "views.publish": client.views_publish(user_id="U1", view={**view, "type": "home"}),
    }
    for method, response in answers.items():
        extra = unknown_keys(response.data, sample("api", f"{method}.json"))
        assert not extra, f"{method}: the fake answers fields Slack's sample lacks: {extra}"


def test_the_shape_check_catches_an_invented_field() -> None:
    assert unknown_keys({"ok": True, "invented": 1}, sample("api", "reactions.add.json")) == [".invented"]


def test_our_slash_command_payload_has_slacks_fields() -> None:
    ours = slash_command("help", user="U1", response_url="http://x/response")
    theirs = sample("app-backend", "slash-commands", "SlashCommandPayload.json")
    assert set(ours) <= set(theirs)
    assert {"team_id", "user_id", "text", "response_url", "trigger_id", "command"} <= set(ours)


def test_our_event_envelopes_are_valid_for_slacks_wrapper_schema() -> None:
    reaction = event_callback(
        {
            "type": "reaction_added",
            "user": "U2",
            "reaction": "four",
            "item": {"type": "message", "channel": "G1", "ts": "1.2"},
            "item_user": "U1",
        }
    )
    jsonschema.validate(reaction, event_wrapper_schema())
    assert not unknown_keys(reaction, sample("events", "ReactionAddedPayload.json") | {"authed_users": [""]})
    message = event_callback(
        {
            "type": "message",
            "channel": "G1",
            "user": "U1",
            "text": "answer",
            "ts": "1.3",
            "thread_ts": "1.2",
            "channel_type": "mpim",
        }
    )
    jsonschema.validate(message, event_wrapper_schema())


def test_our_interaction_payloads_have_slacks_fields() -> None:
    action = json.loads(block_action({"action_id": "x", "value": "1"}, user="U1", channel="D1")["payload"])
    theirs = sample("app-backend", "interactive-components", "BlockActionPayload.json")
    assert not unknown_keys({k: v for k, v in action.items() if k != "actions"}, theirs)
    submission = json.loads(view_submission("story", {}, user="U1")["payload"])
    assert not unknown_keys(submission, sample("app-backend", "views", "ViewSubmissionPayload.json"))


def test_web_api_parameters_are_checked_against_the_spec() -> None:
    assert_call_matches_spec(
        "chat.postMessage", {"channel": "D1", "text": "hi", "blocks": "[]", "thread_ts": "1.2"}
    )
    with pytest.raises(AssertionError, match="required"):
        assert_call_matches_spec("reactions.add", {"channel": "D1", "name": "memo"})
    with pytest.raises(AssertionError, match="does not declare"):
        assert_call_matches_spec("users.info", {"user": "U1", "colour": "blue"})
