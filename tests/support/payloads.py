"""Slack's request bodies, shaped like the samples in slack-reference (our own small copies)."""

from __future__ import annotations

import itertools
import json
from typing import Any

from tests.support.fake_slack import TEAM_ID

_event_ids = itertools.count(1)
_triggers = itertools.count(738474920)
APP_ID = "A0LOOPCOACH"


def trigger() -> str:
    """Slack's trigger ids differ from one invocation to the next, so two requests never sign alike."""
    return f"13345224609.{next(_triggers)}.8088930838d88f008e0"


def slash_command(
    text: str,
    *,
    user: str,
    team: str = TEAM_ID,
    channel: str = "D0CMDCHAN",
    response_url: str,
    trigger_id: str | None = None,
) -> dict[str, str]:
    return {
        "token": "legacy-verification-token",
        "api_app_id": APP_ID,
        "team_id": team,
        "team_domain": "loop",
        "channel_id": channel,
        "channel_name": "directmessage",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/prep",
        "text": text,
        "response_url": response_url,
        "trigger_id": trigger_id or trigger(),
        "is_enterprise_install": "false",
    }


def event_callback(
    event: dict[str, Any], *, team: str = TEAM_ID, event_id: str | None = None
) -> dict[str, Any]:
    event.setdefault("event_ts", event.get("ts", "1790000000.000100"))
    return {
        "token": "legacy-verification-token",
        "team_id": team,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):010d}",
        "event_time": 1790000000,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team,
                "user_id": "UBOTLOOP1",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "authed_users": ["UBOTLOOP1"],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6Im1lc3NhZ2UifQ",
    }


def block_action(
    action: dict[str, Any],
    *,
    user: str,
    team: str = TEAM_ID,
    response_url: str | None = None,
    view: dict[str, Any] | None = None,
    channel: str | None = None,
) -> dict[str, str]:
    payload: dict[str, Any] = {
        "type": "block_actions",
        "team": {"id": team, "domain": "loop"},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": trigger(),
        "actions": [{"action_ts": "1790000000.000200", "block_id": "b", "type": "button", **action}],
    }
    if response_url:
        payload["response_url"] = response_url
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V1")}
        payload["view"] = view
    if channel:
        payload["container"] = {"type": "message", "channel_id": channel, "message_ts": "1790000000.000001"}
        payload["channel"] = {"id": channel, "name": "directmessage"}
    return {"payload": json.dumps(payload)}


def view_submission(
    callback_id: str, values: dict[str, Any], *, user: str, team: str = TEAM_ID, private_metadata: str = ""
) -> dict[str, str]:
    payload = {
        "type": "view_submission",
        "team": {"id": team, "domain": "loop"},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": trigger(),
        "view": {
            "id": "V0MODAL01",
            "team_id": team,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "state": {"values": values},
            "hash": "1790000000.abcdef",
            "app_id": APP_ID,
            "bot_id": "BLOOPCOACH",
        },
        "is_enterprise_install": False,
    }
    return {"payload": json.dumps(payload)}
