"""What a Slack workspace holds, for the stand-in: people, conversations, messages with threads and
reactions, replies only one person sees, files, and the surfaces that belong to one person (modals,
the App Home tab).

Messages are kept in Slack's own shapes, so that the Web API answers them as they are and the
page renders them as Slack would. Every change bumps `version` and wakes whoever waits for one.
"""

from __future__ import annotations

import copy
import secrets
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from bot.playground.block_rules import with_ids

BOT_USER_ID = "UBOTLOOP1"
BOT_ID = "BLOOPCOACH"
TEAM_ID = "T0LOOPTEAM"
APP_ID = "A0LOOPCOACH"
MODAL_STACK_LIMIT = 3  # Slack keeps at most three modals stacked


class Workspace:
    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        """`clock`: seconds since the epoch for new message timestamps; None numbers them from a
        fixed start, which keeps tests independent of the date."""
        self._clock = clock
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self.serial = 0  # numbers ids and, without a clock, timestamps
        self.last_ts = (0, 0)
        self.version = 0
        self.users: dict[str, dict[str, Any]] = {}
        self.conversations: dict[tuple[str, ...], str] = {}
        self.history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.ephemeral: list[dict[str, Any]] = []
        self.files: dict[str, dict[str, Any]] = {}
        self.views: dict[str, dict[str, Any]] = {}
        self.modals: dict[str, list[str]] = defaultdict(list)  # person -> stacked view ids, top last
        self.homes: dict[str, str] = {}  # person -> their App Home view id
        self.triggers: dict[str, str] = {}  # trigger_id -> the person who caused it
        self.responders: dict[str, dict[str, Any]] = {}  # response_url name -> where replies go
        self.unreachable_users: set[str] = set()  # conversations.open with them answers user_not_found

    # -- change and notification --------------------------------------------------------------
    def changed(self) -> None:
        """Call with the lock held, after a change: wakes the page and tests that wait."""
        self.version += 1
        self._changed.notify_all()

    def touch(self) -> None:
        """Something people see changed outside the workspace (the time, say)."""
        with self._lock:
            self.changed()

    def wait_for_change(self, version: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != version, timeout)
            return self.version

    def copy(self) -> dict[str, Any]:
        """A consistent deep copy of what people can see, for the page."""
        with self._lock:
            return copy.deepcopy(
                {
                    "version": self.version,
                    "users": list(self.users.values()),
                    "conversations": [{"id": c, "members": list(u)} for u, c in self.conversations.items()],
                    "history": {channel: messages for channel, messages in self.history.items() if messages},
                    "ephemeral": self.ephemeral,
                    "views": self.views,
                    "modals": self.modals,
                    "homes": self.homes,
                }
            )

    # -- identities ----------------------------------------------------------------------------
    def next_ts(self) -> str:
        """A message timestamp, unique and increasing, as Slack's `ts` is."""
        with self._lock:
            if self._clock is None:
                return f"{1_790_000_000 + self._next_serial()}.{self._next_serial():06d}"
            seconds, micros = int(self._clock()), 0
            if (seconds, micros) <= self.last_ts:
                seconds, micros = self.last_ts[0], self.last_ts[1] + 1
            self.last_ts = (seconds, micros)
            return f"{seconds}.{micros:06d}"

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{self._next_serial():08d}"

    def _next_serial(self) -> int:
        with self._lock:
            self.serial += 1
            return self.serial

    def add_user(
        self,
        user_id: str,
        tz: str = "America/New_York",
        name: str | None = None,
        real_name: str | None = None,
    ) -> None:
        with self._lock:
            name = name or user_id.lower()
            self.users[user_id] = {
                "id": user_id,
                "tz": tz,
                "name": name,
                "real_name": real_name or name.title(),
            }
            self.changed()

    def new_trigger(self, user: str) -> str:
        trigger = f"{self._next_serial()}.{secrets.token_hex(8)}"
        with self._lock:
            self.triggers[trigger] = user
        return trigger

    # -- conversations ---------------------------------------------------------------------------
    def open_conversation(self, users: tuple[str, ...]) -> str:
        """The DM (one person and the bot) or group DM (several) of exactly these people."""
        with self._lock:
            channel = self.conversations.get(users)
            if channel is None:
                prefix = "D" if len(users) == 1 else "G"
                channel = f"{prefix}{len(self.conversations) + 1:08d}"
                self.conversations[users] = channel
                self.changed()
            return channel

    def members_of(self, channel: str) -> tuple[str, ...] | None:
        with self._lock:
            for users, found in self.conversations.items():
                if found == channel:
                    return users
        return None

    # -- messages --------------------------------------------------------------------------------
    def add_message(self, channel: str, message: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            message.setdefault("type", "message")
            message.setdefault("ts", self.next_ts())
            message.setdefault("team", TEAM_ID)
            if isinstance(message.get("blocks"), list):
                message["blocks"] = with_ids(message["blocks"])
            self.history[channel].append(message)
            self.changed()
            return message

    def find_message(self, channel: str, ts: str) -> dict[str, Any] | None:
        with self._lock:
            for message in self.history.get(channel, []):
                if message.get("ts") == ts:
                    return message
        return None

    def replace_message(self, channel: str, ts: str, fields: dict[str, Any]) -> dict[str, Any] | None:
        with self._lock:
            message = self.find_message(channel, ts)
            if message is None:
                return None
            message.update(fields)
            if "blocks" in fields and not fields["blocks"]:
                message.pop("blocks")
            elif isinstance(message.get("blocks"), list):
                message["blocks"] = with_ids(message["blocks"])
            self.changed()
            return message

    def delete_message(self, channel: str, ts: str) -> dict[str, Any] | None:
        with self._lock:
            message = self.find_message(channel, ts)
            if message is not None:
                self.history[channel].remove(message)
                self.changed()
            return message

    def react(self, channel: str, ts: str, name: str, user: str, *, on: bool) -> str | None:
        """Add or remove `user`'s reaction; Slack's error code when it cannot, else None."""
        with self._lock:
            message = self.find_message(channel, ts)
            if message is None:
                return "message_not_found"
            reactions: list[dict[str, Any]] = message.setdefault("reactions", [])
            found = next((r for r in reactions if r["name"] == name), None)
            if on:
                if found and user in found["users"]:
                    return "already_reacted"
                if found is None:
                    found = {"name": name, "users": [], "count": 0}
                    reactions.append(found)
                found["users"].append(user)
            else:
                if not found or user not in found["users"]:
                    return "no_reaction"
                found["users"].remove(user)
                if not found["users"]:
                    reactions.remove(found)
            if found is not None:
                found["count"] = len(found["users"])
            if not reactions:
                message.pop("reactions")
            self.changed()
            return None

    def add_ephemeral(
        self, channel: str, user: str, body: dict[str, Any], *, sender: str = BOT_USER_ID
    ) -> dict[str, Any]:
        """A message only `user` sees, in `channel`, until they dismiss it."""
        with self._lock:
            message = {
                "type": "message",
                "ts": self.next_ts(),
                "channel": channel,
                "for_user": user,
                "user": sender,
                "text": body.get("text", ""),
                "is_ephemeral": True,
            }
            if sender == BOT_USER_ID:
                message["bot_id"] = BOT_ID
            if isinstance(body.get("blocks"), list) and body["blocks"]:
                message["blocks"] = with_ids(body["blocks"])
            for extra in ("thread_ts", "in_reply_to"):
                if body.get(extra):
                    message[extra] = body[extra]
            self.ephemeral.append(message)
            self.changed()
            return message

    def find_ephemeral(self, ts: str) -> dict[str, Any] | None:
        with self._lock:
            return next((m for m in self.ephemeral if m["ts"] == ts), None)

    def dismiss_ephemeral(self, ts: str) -> None:
        with self._lock:
            self.ephemeral = [m for m in self.ephemeral if m["ts"] != ts]
            self.changed()

    # -- files -------------------------------------------------------------------------------------
    def add_file(
        self, file_id: str, name: str, content: bytes, filetype: str = "markdown", user: str | None = None
    ) -> dict[str, Any]:
        with self._lock:
            stored = {"id": file_id, "name": name, "content": content, "filetype": filetype, "user": user}
            self.files[file_id] = stored
            self.changed()
            return stored
