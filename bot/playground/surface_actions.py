"""Buttons, menus, modals and App Home, as Slack turns them into requests for the app:
block_actions, view_submission, view_closed and app_home_opened."""

from __future__ import annotations

from typing import Any

from bot.playground.web_api import public
from bot.playground.world import ActionError, World

# Which field of an element's state carries its choice, by element type.
CHOICE_FIELDS = (
    "value",
    "selected_option",
    "selected_options",
    "selected_date",
    "selected_time",
    "selected_date_time",
    "selected_user",
    "selected_users",
    "selected_conversation",
    "selected_conversations",
    "selected_channel",
    "selected_channels",
    "rich_text_value",
)


def click(
    world: World,
    user: str,
    source: dict[str, Any],
    block_id: str,
    action_id: str,
    choice: dict[str, Any],
    values: dict[str, Any],
) -> dict[str, Any]:
    """A button press or a menu choice, on a message (`source` has channel and ts) or a view (view_id)."""
    person = world.person(user)
    trigger = world.slack.new_trigger(user)
    if source.get("view_id"):
        payload = view_action(world, user, str(source["view_id"]), values)
    else:
        payload = message_action(world, user, str(source.get("channel")), str(source.get("ts")), values)
    blocks = payload.pop("_blocks")
    element = find_element(blocks, block_id, action_id)
    if element is None:
        raise ActionError("That button is no longer there.")
    action = {"type": element["type"], "action_id": action_id, "block_id": block_id}
    if element["type"] == "button":
        action.update({k: element[k] for k in ("text", "value", "style", "url") if k in element})
    else:
        action.update({k: v for k, v in choice.items() if k in CHOICE_FIELDS})
    action["action_ts"] = world.requests.ts()
    answer = world.requests.interaction({**payload, "actions": [action]}, user=person, trigger_id=trigger)
    world.settle()
    if answer.status != 200:
        return {
            "ok": False,
            "notice": f"The app answered {answer.status} to that click: in Slack it would fail.",
        }
    return {"ok": True, "notice": world.notice_if_late(answer, "that click")}


def message_action(world: World, user: str, channel: str, ts: str, values: dict[str, Any]) -> dict[str, Any]:
    world.check_member(user, channel)
    ephemeral = world.slack.find_ephemeral(ts)
    if ephemeral is not None and ephemeral["for_user"] != user:
        ephemeral = None
    found = ephemeral or world.slack.find_message(channel, ts)
    container = {
        "type": "message",
        "message_ts": ts,
        "channel_id": channel,
        "is_ephemeral": ephemeral is not None,
    }
    if found is None:
        raise ActionError("That message is gone.")
    responder = world.slack.new_responder(
        channel=channel, user=user, message_ts=ts, ephemeral=ephemeral is not None
    )
    payload: dict[str, Any] = {
        "type": "block_actions",
        "container": container,
        "channel": {"id": channel, "name": "directmessage" if world.kind_of(channel) == "im" else "mpdm"},
        "state": {"values": values},
        "response_url": world.slack.response_url(responder),
        "_blocks": found.get("blocks") or [],
    }
    if ephemeral is None:
        payload["message"] = {k: v for k, v in found.items() if k not in ("reactions",)}
    return payload


def view_action(world: World, user: str, view_id: str, values: dict[str, Any]) -> dict[str, Any]:
    view = own_view(world, user, view_id)
    world.slack.set_state(view_id, values)
    return {
        "type": "block_actions",
        "container": {"type": "view", "view_id": view_id},
        "view": public(view),
        "_blocks": view.get("blocks") or [],
    }


def submit(world: World, user: str, view_id: str, values: dict[str, Any]) -> dict[str, Any]:
    view = own_view(world, user, view_id)
    world.slack.set_state(view_id, values)
    payload = {"type": "view_submission", "view": public(view), "response_urls": []}
    answer = world.requests.interaction(
        payload, user=world.person(user), trigger_id=world.slack.new_trigger(user)
    )
    if answer.status != 200:
        world.slack.flag_view(
            view_id, f"We had some trouble connecting (the app answered {answer.status}). Try again?"
        )
        return {"ok": False}
    outcome = world.slack.answer_submission(view_id, answer.json())
    world.settle()
    return {"ok": True, "outcome": outcome, "notice": world.notice_if_late(answer, "the form")}


def close(world: World, user: str, view_id: str) -> dict[str, Any]:
    view = own_view(world, user, view_id)
    world.slack.close_modal(user, view_id)
    if view.get("notify_on_close"):
        payload = {"type": "view_closed", "view": public(view), "is_cleared": False}
        world.requests.interaction(payload, user=world.person(user), trigger_id=world.slack.new_trigger(user))
        world.settle()
    return {"ok": True}


def open_tab(world: World, user: str, tab: str) -> dict[str, Any]:
    """The app's Home or Messages tab was opened: Slack tells the app every time."""
    if tab not in ("home", "messages"):
        raise ActionError("An app has a Home and a Messages tab.")
    world.person(user)
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user,
        "channel": world.dm_of(user),
        "tab": tab,
    }
    home = world.slack.find_view(world.slack.homes.get(user))
    if home is not None:
        event["view"] = public(home)
    world.requests.event(event)
    world.settle()
    return {"ok": True}


def own_view(world: World, user: str, view_id: str) -> dict[str, Any]:
    view = world.slack.find_view(view_id)
    if view is None or view.get("user") != user:
        raise ActionError("That window is closed.")
    return view


def find_element(blocks: list[Any], block_id: str, action_id: str) -> dict[str, Any] | None:
    for block in blocks:
        if not isinstance(block, dict) or block.get("block_id") != block_id:
            continue
        candidates = [block.get("element"), block.get("accessory"), *(block.get("elements") or [])]
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return element
    return None
