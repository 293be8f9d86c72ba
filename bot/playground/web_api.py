"""The Web API methods the stand-in answers, in the shapes of Slack's published samples.

Each `api_<method>` takes the call's parameters and returns the JSON body Slack would. They check
what Slack checks (Block Kit limits, a trigger for a modal, a known file) and change the workspace
as Slack would, so whatever the app does shows up on the page.
"""

from __future__ import annotations

import json
from typing import Any

from bot.playground.block_rules import block_problems
from bot.playground.files_api import FileMethods
from bot.playground.standin_http import decoded
from bot.playground.workspace import BOT_ID, BOT_USER_ID, TEAM_ID

MESSAGE_FIELDS = ("text", "blocks", "attachments", "metadata", "thread_ts", "reply_broadcast")
JSON_FIELDS = ("blocks", "attachments", "metadata")


class WebApi(FileMethods):
    def api_auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://loop.example.slack.com/",
            "team": "Loop",
            "user": "loopcoach",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def api_users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(params.get("user")))
        if not user:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": user_object(user)}

    def api_users_list(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "members": [user_object(u) for u in self.users.values()]}

    def api_conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        users = tuple(sorted(u for u in str(params.get("users", "")).split(",") if u))
        if not users:
            return {"ok": False, "error": "users_list_not_supplied"}
        if len(users) > 8:
            return {"ok": False, "error": "too_many_users"}
        if self.unreachable_users & set(users):
            return {"ok": False, "error": "user_not_found"}
        channel = self.open_conversation(users)
        return {"ok": True, "channel": {"id": channel, "created": 1_790_000_000, "is_im": len(users) == 1}}

    def api_conversations_info(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = str(params.get("channel"))
        members = self.members_of(channel)
        if members is None:
            return {"ok": False, "error": "channel_not_found"}
        is_im = len(members) == 1
        info: dict[str, Any] = {"id": channel, "is_im": is_im, "is_mpim": not is_im, "is_private": True}
        if is_im:
            info["user"] = members[0]
        return {"ok": True, "channel": info}

    def api_conversations_members(self, params: dict[str, Any]) -> dict[str, Any]:
        members = self.members_of(str(params.get("channel")))
        if members is None:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "members": [*members, BOT_USER_ID]}

    def api_chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = params.get("channel")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        problem = message_problem(params)
        if problem:
            return {"ok": False, "error": problem}
        message = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": self.next_ts()}
        message.update(message_fields(params))
        message.setdefault("text", "")
        self.add_message(str(channel), message)
        return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}

    def api_chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        problem = message_problem(params)
        if problem:
            return {"ok": False, "error": problem}
        fields = message_fields(params)
        message = self.add_ephemeral(str(params.get("channel")), str(params.get("user")), fields)
        return {"ok": True, "message_ts": message["ts"]}

    def api_chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        problem = message_problem(params)
        if problem:
            return {"ok": False, "error": problem}
        channel, ts = str(params.get("channel")), str(params.get("ts"))
        fields = {k: v for k, v in message_fields(params).items() if k in ("text", "blocks", "attachments")}
        self.replace_message(channel, ts, {"text": "", **fields})
        return {
            "ok": True,
            "channel": params.get("channel"),
            "ts": params.get("ts"),
            "text": params.get("text", ""),
        }

    def api_chat_delete(self, params: dict[str, Any]) -> dict[str, Any]:
        self.delete_message(str(params.get("channel")), str(params.get("ts")))
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}

    def api_chat_getPermalink(self, params: dict[str, Any]) -> dict[str, Any]:
        ts = str(params.get("message_ts", "")).replace(".", "")
        return {"ok": True, "permalink": f"{self.base_url}/archives/{params.get('channel')}/p{ts}"}

    def api_conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        oldest = float(params.get("oldest") or 0)
        include_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        with self._lock:
            found = [
                dict(m) for m in self.history.get(str(params.get("channel")), []) if float(m["ts"]) > oldest
            ]
        if not include_metadata:
            for message in found:
                message.pop("metadata", None)
        return {"ok": True, "messages": list(reversed(found)), "has_more": False}

    def api_conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        channel, ts = str(params.get("channel")), str(params.get("ts"))
        with self._lock:
            thread = [
                dict(m)
                for m in self.history.get(channel, [])
                if m.get("ts") == ts or m.get("thread_ts") == ts
            ]
        if not thread:
            return {"ok": False, "error": "thread_not_found"}
        return {"ok": True, "messages": thread, "has_more": False}

    def api_reactions_add(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._react(params, on=True)

    def api_reactions_remove(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._react(params, on=False)

    def _react(self, params: dict[str, Any], *, on: bool) -> dict[str, Any]:
        channel, ts = str(params.get("channel")), str(params.get("timestamp"))
        error = self.react(channel, ts, str(params.get("name")), BOT_USER_ID, on=on)
        # A message the stand-in never saw (a test's made-up event) is taken on trust.
        if error and error != "message_not_found":
            return {"ok": False, "error": error}
        return {"ok": True}

    # -- views ---------------------------------------------------------------------------------------
    def api_views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        view, error = checked_view(params)
        if error:
            return error
        user = self.triggers.get(str(params["trigger_id"]))
        return {"ok": True, "view": public(self.open_modal(user, view))}

    def api_views_push(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        view, error = checked_view(params)
        if error:
            return error
        pushed = self.push_modal(self.triggers.get(str(params["trigger_id"])), view)
        if isinstance(pushed, str):
            return {"ok": False, "error": pushed}
        return {"ok": True, "view": public(pushed)}

    def api_views_update(self, params: dict[str, Any]) -> dict[str, Any]:
        view, error = checked_view(params)
        if error:
            return error
        found = self.find_view(params.get("view_id"), params.get("external_id"))
        if found is None:
            if params.get("view_id") or params.get("external_id"):
                # Unknown to this stand-in (a test's made-up id): answer as Slack would for a live view.
                return {"ok": True, "view": public(self.store_view(view, user=None))}
            return {"ok": False, "error": "not_found"}
        if params.get("hash") and params["hash"] != found["hash"]:
            return {"ok": False, "error": "hash_conflict"}
        return {"ok": True, "view": public(self.store_view(view, user=None, view_id=found["id"]))}

    def api_views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        if not params.get("user_id"):
            return {"ok": False, "error": "invalid_arguments"}
        view, error = checked_view(params)
        if error:
            return error
        return {"ok": True, "view": public(self.publish_home(str(params["user_id"]), view))}


def user_object(user: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": user["id"],
        "team_id": TEAM_ID,
        "name": user["name"],
        "real_name": user["real_name"],
        "deleted": False,
        "is_bot": False,
        "tz": user["tz"],
        "tz_label": user["tz"],
        "tz_offset": 0,
        "profile": {"real_name": user["real_name"], "display_name": user["name"]},
    }


def message_fields(params: dict[str, Any]) -> dict[str, Any]:
    return {
        name: decoded(params[name]) if name in JSON_FIELDS else params[name]
        for name in MESSAGE_FIELDS
        if params.get(name)
    }


def message_problem(params: dict[str, Any]) -> str | None:
    blocks = params.get("blocks")
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return "invalid_blocks_format"
    if not params.get("text") and not blocks:
        return "no_text"
    if blocks is not None:
        if not isinstance(blocks, list):
            return "invalid_blocks_format"
        if block_problems(blocks, limit=50):
            return "invalid_blocks"
    if len(str(params.get("text", ""))) > 40_000:
        return "msg_too_long"
    return None


def checked_view(params: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    view = decoded(params.get("view"))
    if not isinstance(view, dict) or view.get("type") not in ("modal", "home"):
        return {}, {"ok": False, "error": "invalid_arguments"}
    problems = block_problems(view.get("blocks", []), limit=100)
    if problems:
        return {}, {"ok": False, "error": "invalid_blocks", "errors": problems}
    return view, None


def public(view: dict[str, Any]) -> dict[str, Any]:
    """The view as the Web API returns it: without what only the stand-in keeps."""
    return {k: v for k, v in view.items() if k not in ("user", "errors", "trouble")}
