"""What a person does in a conversation, as Slack turns it into requests for the app: a slash
command, a message or a thread reply, an edit, a deletion, a reaction, a file upload.

Each changes the workspace first (Slack shows your message before any app hears of it), then sends
what Slack would send, then waits for the work the app handed off.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from bot.playground.files_api import filetype_of
from bot.playground.manifest import is_app_command
from bot.playground.world import SLACKBOT, ActionError, World

PROMPT_PREFIX = "/"
MAX_MESSAGE = 40_000
MAX_UPLOAD = 5 * 1024 * 1024
EMOJI_NAME = re.compile(r"^[a-z0-9_+'-]{1,100}$")


def send(world: World, user: str, channel: str, text: str, thread_ts: str | None = None) -> dict[str, Any]:
    text = text.strip()
    if not text:
        raise ActionError("Type something first.")
    if len(text) > MAX_MESSAGE:
        raise ActionError("That message is over Slack's 40,000-character limit.")
    world.check_member(user, channel)
    if text.startswith(PROMPT_PREFIX):
        return command(world, user, channel, text)
    return message(world, user, channel, text, thread_ts)


def command(world: World, user: str, channel: str, text: str) -> dict[str, Any]:
    person, name = world.person(user), text.split(maxsplit=1)[0]
    if not is_app_command(name):
        refusal = f"{name} is not a valid command. In Slack, all messages that start with “/” are commands."
        world.slack.add_ephemeral(channel, user, {"text": refusal, "in_reply_to": text}, sender=SLACKBOT)
        return {"ok": True}
    responder = world.slack.new_responder(channel=channel, user=user, command=text)
    answer = world.requests.command(
        user=person,
        channel=channel,
        channel_name="directmessage" if world.kind_of(channel) == "im" else f"mpdm-{channel.lower()}",
        text=mentions(world, text, escaped=True),
        response_url=world.slack.response_url(responder),
        trigger_id=world.slack.new_trigger(user),
    )
    if answer.status != 200:
        failed = f"{name} failed with the error “dispatch_failed” (the app answered {answer.status})."
        world.slack.add_ephemeral(channel, user, {"text": failed, "in_reply_to": text}, sender=SLACKBOT)
        return {"ok": True}
    ack = answer.json()
    if ack.get("text") or ack.get("blocks"):
        world.slack.respond(responder, ack)
    world.settle()
    return {"ok": True, "notice": world.notice_if_late(answer, name)}


def message(world: World, user: str, channel: str, text: str, thread_ts: str | None) -> dict[str, Any]:
    posted: dict[str, Any] = {"user": user, "text": mentions(world, text, escaped=False)}
    posted["client_msg_id"] = str(uuid.uuid4())
    if thread_ts:
        parent = world.slack.find_message(channel, thread_ts)
        if parent is None:
            raise ActionError("That thread is gone.")
        posted["thread_ts"] = thread_ts
        posted["parent_user_id"] = parent.get("user")
    world.slack.add_message(channel, posted)
    world.requests.event(
        {**posted, "type": "message", "channel": channel, "channel_type": world.kind_of(channel)}
    )
    world.settle()
    return {"ok": True}


def edit(world: World, user: str, channel: str, ts: str, text: str) -> dict[str, Any]:
    before = own_message(world, user, channel, ts)
    if not text.strip():
        raise ActionError("An edit needs some text; delete the message instead.")
    previous = {k: v for k, v in before.items() if k in ("type", "user", "text", "ts", "thread_ts")}
    event_ts = world.requests.ts()
    after = world.slack.replace_message(
        channel,
        ts,
        {"text": mentions(world, text.strip(), escaped=False), "edited": {"user": user, "ts": event_ts}},
    )
    assert after is not None
    changed = {k: v for k, v in after.items() if k in ("type", "user", "text", "ts", "thread_ts", "edited")}
    world.requests.event(
        {
            "type": "message",
            "subtype": "message_changed",
            "hidden": True,
            "channel": channel,
            "channel_type": world.kind_of(channel),
            "ts": event_ts,
            "message": changed,
            "previous_message": previous,
        }
    )
    world.settle()
    return {"ok": True}


def delete(world: World, user: str, channel: str, ts: str) -> dict[str, Any]:
    before = own_message(world, user, channel, ts)
    world.slack.delete_message(channel, ts)
    world.requests.event(
        {
            "type": "message",
            "subtype": "message_deleted",
            "hidden": True,
            "channel": channel,
            "channel_type": world.kind_of(channel),
            "ts": world.requests.ts(),
            "deleted_ts": ts,
            "previous_message": {
                k: v for k, v in before.items() if k in ("type", "user", "text", "ts", "thread_ts")
            },
        }
    )
    world.settle()
    return {"ok": True}


def react(world: World, user: str, channel: str, ts: str, name: str, *, on: bool) -> dict[str, Any]:
    if not EMOJI_NAME.match(name):
        raise ActionError(f"{name!r} is not an emoji name.")
    world.check_member(user, channel)
    target = world.slack.find_message(channel, ts)
    if target is None:
        raise ActionError("That message is gone.")
    if world.slack.react(channel, ts, name, user, on=on):
        return {"ok": True}  # already so: Slack sends nothing
    world.requests.event(
        {
            "type": "reaction_added" if on else "reaction_removed",
            "user": user,
            "reaction": name,
            "item_user": target.get("user"),
            "item": {"type": "message", "channel": channel, "ts": ts},
            "event_ts": world.requests.ts(),
        }
    )
    world.settle()
    return {"ok": True}


def upload(world: World, user: str, channel: str, name: str, content: bytes) -> dict[str, Any]:
    world.check_member(user, channel)
    name = name.strip().replace("/", "_")[:200] or "file"
    if len(content) > MAX_UPLOAD:
        raise ActionError("The playground takes files up to 5 MB.")
    file_id = world.slack.new_id("F")
    stored = world.slack.add_file(file_id, name, content, filetype_of(name), user=user)
    shared = world.slack.file_object(stored)
    posted = world.slack.add_message(
        channel, {"user": user, "text": "", "files": [shared], "upload": True, "subtype": "file_share"}
    )
    kind = world.kind_of(channel)
    world.requests.event({**posted, "type": "message", "channel": channel, "channel_type": kind})
    world.requests.event(
        {
            "type": "file_shared",
            "channel_id": channel,
            "file_id": file_id,
            "user_id": user,
            "file": {"id": file_id},
            "event_ts": posted["ts"],
        }
    )
    world.settle()
    return {"ok": True}


def dismiss(world: World, user: str, ts: str) -> dict[str, Any]:
    found = world.slack.find_ephemeral(ts)
    if found is not None and found["for_user"] == user:
        world.slack.dismiss_ephemeral(ts)
    return {"ok": True}


def own_message(world: World, user: str, channel: str, ts: str) -> dict[str, Any]:
    found = world.slack.find_message(channel, ts)
    if found is None:
        raise ActionError("That message is gone.")
    if found.get("user") != user or found.get("bot_id"):
        raise ActionError("You can only edit or delete your own messages.")
    return found


def mentions(world: World, text: str, *, escaped: bool) -> str:
    """`@maria` as Slack sends it: `<@U…>` in messages, `<@U…|maria>` in escaped slash commands."""
    by_name = {u["name"].lower(): u for u in world.slack.users.values()}

    def encode(match: re.Match[str]) -> str:
        person = by_name.get(match.group(1).lower())
        if person is None:
            return match.group(0)
        return f"<@{person['id']}|{person['name']}>" if escaped else f"<@{person['id']}>"

    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"(?<![\w])@([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)", encode, text)
