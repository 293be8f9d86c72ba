"""The Slack stand-in's workspace, as the real WebClient and the real webhook client change it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.playground.slack_standin import SlackStandIn
from bot.slack_client import web_client, webhook_client

TOKEN = "xoxb-standin-test-token"
ALEX = "U0PLAYALEX"


@pytest.fixture
def standin() -> Iterator[SlackStandIn]:
    running = SlackStandIn(token=TOKEN).start()
    running.add_user(ALEX, name="alex")
    yield running
    running.stop()


@pytest.fixture
def client(standin: SlackStandIn) -> WebClient:
    return web_client(TOKEN, standin.api_url)


def modal(title: str = "Form") -> dict[str, object]:
    return {"type": "modal", "title": {"type": "plain_text", "text": title}, "blocks": []}


def test_an_upload_in_three_steps_shares_the_file_in_the_conversation(
    standin: SlackStandIn, client: WebClient
) -> None:
    channel = client.conversations_open(users=ALEX)["channel"]["id"]
    client.files_upload_v2(
        channel=channel, filename="export.json", content='{"a": 1}', initial_comment="Here"
    )
    [message] = standin.history[channel]
    [shared] = message["files"]
    assert message["text"] == "Here" and shared["name"] == "export.json"
    assert standin.files[shared["id"]]["content"] == b'{"a": 1}'
    assert client.files_info(file=shared["id"])["file"]["size"] == 8


def test_response_url_replies_land_where_the_request_came_from(
    standin: SlackStandIn, client: WebClient
) -> None:
    channel = client.conversations_open(users=ALEX)["channel"]["id"]
    name = standin.new_responder(channel=channel, user=ALEX, command="/prep stories")
    webhook_client(standin.response_url(name)).send(text="Your stories", response_type="ephemeral")
    [reply] = standin.ephemeral
    assert (reply["channel"], reply["for_user"], reply["in_reply_to"]) == (channel, ALEX, "/prep stories")

    button = standin.new_responder(channel=channel, user=ALEX, message_ts=reply["ts"], ephemeral=True)
    webhook_client(standin.response_url(button)).send(text="Deleted it", replace_original=True)
    assert [m["text"] for m in standin.ephemeral] == ["Deleted it"]
    webhook_client(standin.response_url(button)).send(delete_original=True)
    assert standin.ephemeral == []


def test_modals_stack_up_to_three_and_updates_check_the_hash(
    standin: SlackStandIn, client: WebClient
) -> None:
    opened = client.views_open(trigger_id=standin.new_trigger(ALEX), view=modal("One"))["view"]
    for title in ("Two", "Three"):
        client.views_push(trigger_id=standin.new_trigger(ALEX), view=modal(title))
    with pytest.raises(SlackApiError, match="push_limit_reached"):
        client.views_push(trigger_id=standin.new_trigger(ALEX), view=modal("Four"))
    assert len(standin.modals[ALEX]) == 3

    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=opened["id"], hash="stale", view=modal("Again"))
    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=modal("Again"))["view"]
    assert updated["id"] == opened["id"] and updated["title"]["text"] == "Again"

    standin.answer_submission(standin.modals[ALEX][-1], {})  # closes the top one
    assert len(standin.modals[ALEX]) == 2
    standin.answer_submission(opened["id"], {"response_action": "clear"})
    assert standin.modals[ALEX] == []


def test_blocks_get_the_ids_slack_gives_them(standin: SlackStandIn, client: WebClient) -> None:
    channel = client.conversations_open(users=ALEX)["channel"]["id"]
    button = {"type": "button", "text": {"type": "plain_text", "text": "Go"}}
    client.chat_postMessage(channel=channel, text="t", blocks=[{"type": "actions", "elements": [button]}])
    [block] = standin.history[channel][0]["blocks"]
    assert block["block_id"] and block["elements"][0]["action_id"]


def test_threads_edits_deletions_and_reactions(standin: SlackStandIn, client: WebClient) -> None:
    channel = client.conversations_open(users=ALEX)["channel"]["id"]
    parent = client.chat_postMessage(channel=channel, text="Question")["ts"]
    reply = client.chat_postMessage(channel=channel, text="Check", thread_ts=parent)["ts"]
    assert [m["text"] for m in client.conversations_replies(channel=channel, ts=parent)["messages"]] == [
        "Question",
        "Check",
    ]
    client.chat_update(channel=channel, ts=reply, text="Check, again")
    assert standin.find_message(channel, reply)["text"] == "Check, again"
    client.reactions_add(channel=channel, timestamp=parent, name="memo")
    with pytest.raises(SlackApiError, match="already_reacted"):
        client.reactions_add(channel=channel, timestamp=parent, name="memo")
    client.chat_delete(channel=channel, ts=reply)
    assert [m["text"] for m in standin.history[channel]] == ["Question"]
    assert standin.find_message(channel, parent)["reactions"][0]["count"] == 1
