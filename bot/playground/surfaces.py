"""The surfaces that belong to one person: modals (stacked, with errors shown inside), the App Home
tab, and the response_url through which an app answers a command or a button only they saw."""

from __future__ import annotations

import secrets
from typing import Any

from bot.playground.workspace import (
    APP_ID,
    BOT_ID,
    BOT_USER_ID,
    MODAL_STACK_LIMIT,
    TEAM_ID,
    Workspace,
    with_ids,
)


class Surfaces(Workspace):
    # -- views -------------------------------------------------------------------------------------
    def store_view(
        self, view: dict[str, Any], *, user: str | None, view_id: str | None = None
    ) -> dict[str, Any]:
        """The view as Slack holds and returns it: an id, a fresh hash, an empty state, no errors."""
        with self._lock:
            view_id = view_id or self.new_id("V")
            previous = self.views.get(view_id, {})
            stored = {
                "id": view_id,
                "team_id": TEAM_ID,
                "app_id": APP_ID,
                "bot_id": BOT_ID,
                "private_metadata": "",
                "callback_id": "",
                "external_id": "",
                "state": {"values": {}},
                "root_view_id": previous.get("root_view_id", view_id),
                "previous_view_id": previous.get("previous_view_id"),
                **view,
                "hash": f"{self.new_id('')}.{secrets.token_hex(4)}",
                "user": user if user is not None else previous.get("user"),
                "errors": {},
            }
            if isinstance(stored.get("blocks"), list):
                stored["blocks"] = with_ids(stored["blocks"])
            self.views[view_id] = stored
            self.changed()
            return stored

    def open_modal(self, user: str | None, view: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            stored = self.store_view(view, user=user)
            if user is not None:
                self.modals[user] = [stored["id"]]
            return stored

    def push_modal(self, user: str | None, view: dict[str, Any]) -> dict[str, Any] | str:
        """The pushed view, or Slack's error code."""
        with self._lock:
            stack = self.modals.get(user or "", [])
            if len(stack) >= MODAL_STACK_LIMIT:
                return "push_limit_reached"
            stored = self.store_view(view, user=user)
            if stack:
                stored["previous_view_id"] = stack[-1]
                stored["root_view_id"] = stack[0]
            if user is not None:
                self.modals[user] = [*stack, stored["id"]]
            return stored

    def find_view(self, view_id: str | None = None, external_id: str | None = None) -> dict[str, Any] | None:
        with self._lock:
            if view_id:
                return self.views.get(view_id)
            if external_id:
                return next((v for v in self.views.values() if v.get("external_id") == external_id), None)
            return None

    def close_modal(self, user: str, view_id: str | None = None) -> None:
        """Close one modal and those stacked above it, or (view_id None) all of them."""
        with self._lock:
            stack = self.modals.get(user, [])
            if view_id is None or view_id not in stack:
                self.modals[user] = [] if view_id is None else stack
            else:
                self.modals[user] = stack[: stack.index(view_id)]
            self.changed()

    def publish_home(self, user: str, view: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            stored = self.store_view(view, user=user, view_id=self.homes.get(user))
            self.homes[user] = stored["id"]
            return stored

    def set_state(self, view_id: str, values: dict[str, Any]) -> dict[str, Any] | None:
        """What the person has typed and picked, as Slack reports it in `view.state.values`."""
        with self._lock:
            view = self.views.get(view_id)
            if view is not None:
                view["state"] = {"values": values}
            return view

    def answer_submission(self, view_id: str, answer: dict[str, Any]) -> str:
        """Do what the app's acknowledgement of a view submission asks; returns what happened."""
        with self._lock:
            view = self.views.get(view_id)
            if view is None:
                return "gone"
            user = view.get("user") or ""
            action = answer.get("response_action")
            view.pop("trouble", None)
            if action == "errors":
                view["errors"] = dict(answer.get("errors") or {})
                self.changed()
                return "errors"
            if action == "update" and isinstance(answer.get("view"), dict):
                self.store_view(answer["view"], user=user, view_id=view_id)
                return "updated"
            if action == "push" and isinstance(answer.get("view"), dict):
                self.push_modal(user, answer["view"])
                return "pushed"
            self.close_modal(user, None if action == "clear" else view_id)
            return "closed"

    def flag_view(self, view_id: str, trouble: str) -> None:
        """Slack's banner at the top of a modal whose submission the app did not acknowledge."""
        with self._lock:
            view = self.views.get(view_id)
            if view is not None:
                view["trouble"] = trouble
                self.changed()

    # -- response_url ----------------------------------------------------------------------------
    def new_responder(
        self,
        *,
        channel: str,
        user: str,
        message_ts: str | None = None,
        ephemeral: bool = False,
        command: str | None = None,
    ) -> str:
        """A name for a response_url: replies land in `channel` for `user`; replace_original and
        delete_original act on the message the request came from, if any. `command` is what the
        person typed, shown with the replies so the page reads like a conversation."""
        name = secrets.token_urlsafe(12)
        with self._lock:
            self.responders[name] = {
                "channel": channel,
                "user": user,
                "message_ts": message_ts,
                "ephemeral": ephemeral,
                "command": command,
            }
        return name

    def respond(self, name: str, body: dict[str, Any]) -> bool:
        """A post to a response_url, as Slack would show it; False for a name it never gave out."""
        with self._lock:
            where = self.responders.get(name)
            if where is None:
                return False
            channel, user, source = where["channel"], where["user"], where["message_ts"]
            if _flag(body.get("delete_original")) and source:
                self._drop(channel, source, ephemeral=where["ephemeral"])
                return True
            content = {"text": body.get("text", ""), "blocks": body.get("blocks") or []}
            if _flag(body.get("replace_original")) and source:
                if where["ephemeral"]:
                    found = self.find_ephemeral(source)
                    if found is not None:
                        found.update(content)
                        self.changed()
                else:
                    self.replace_message(channel, source, content)
                return True
            if body.get("response_type") == "in_channel":
                self.add_message(channel, {"user": BOT_USER_ID, "bot_id": BOT_ID, **content})
            else:
                extra = {"thread_ts": body.get("thread_ts"), "in_reply_to": where["command"]}
                self.add_ephemeral(channel, user, {**content, **extra})
            return True

    def _drop(self, channel: str, ts: str, *, ephemeral: bool) -> None:
        if ephemeral:
            self.dismiss_ephemeral(ts)
        else:
            self.delete_message(channel, ts)


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() == "true"
