"""What Slack sends the app, built and signed as Slack does, and posted to the app's real endpoint.

Shapes follow Slack's published request samples: the slash command form, the Events API envelope,
and the `payload` form field of interactions (block_actions, view_submission, view_closed).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from bot.playground.workspace import APP_ID, BOT_USER_ID, TEAM_ID

EVENTS_PATH = "/slack/events"
TEAM_DOMAIN = "loop"
SLACK_GIVES_UP_AFTER = 3.0  # seconds Slack waits for an acknowledgement
NETWORK_TIMEOUT = 30.0
# The deprecated verification token every payload still carries; apps check the signature instead.
VERIFICATION_TOKEN = "playground-verification-token"  # noqa: S105 - not a secret


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    seconds: float

    @property
    def late(self) -> bool:
        return self.seconds > SLACK_GIVES_UP_AFTER

    def json(self) -> dict[str, Any]:
        """The acknowledgement's JSON body, or {} when there is none (an empty 200 is the usual ack)."""
        try:
            parsed = json.loads(self.body) if self.body.strip() else {}
        except ValueError:
            return {"text": self.body.decode("utf-8", "replace")}
        return parsed if isinstance(parsed, dict) else {}


class SlackRequests:
    """Signs with the app's signing secret and posts to the app on 127.0.0.1:`port`."""

    def __init__(self, port: int, signing_secret: str, epoch: Callable[[], float]) -> None:
        self.port = port
        self._secret = signing_secret.encode()
        self._epoch = epoch  # the simulated clock, for event times
        self._event_ids = itertools.count(1)

    # -- the three kinds of request ----------------------------------------------------------
    def command(
        self,
        *,
        user: dict[str, Any],
        channel: str,
        channel_name: str,
        text: str,
        response_url: str,
        trigger_id: str,
    ) -> Answer:
        fields = {
            "token": VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel,
            "channel_name": channel_name,
            "user_id": user["id"],
            "user_name": user["name"],
            "command": text.split(maxsplit=1)[0],
            "text": text.split(maxsplit=1)[1] if " " in text.strip() else "",
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
        return self.post(urlencode(fields), "application/x-www-form-urlencoded")

    def event(self, event: dict[str, Any]) -> Answer:
        event.setdefault("event_ts", event.get("ts") or self.ts())
        envelope = {
            "token": VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": f"Ev{next(self._event_ids):04d}{secrets.token_hex(4).upper()}",
            "event_time": int(self._epoch()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": secrets.token_urlsafe(16),
        }
        return self.post(json.dumps(envelope), "application/json")

    def interaction(self, payload: dict[str, Any], *, user: dict[str, Any], trigger_id: str) -> Answer:
        payload = {
            "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
            "user": {"id": user["id"], "username": user["name"], "name": user["name"], "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": VERIFICATION_TOKEN,
            "trigger_id": trigger_id,
            "is_enterprise_install": False,
            "enterprise": None,
            **payload,
        }
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def ts(self) -> str:
        return f"{self._epoch():.6f}"

    # -- the wire --------------------------------------------------------------------------------
    def post(self, body: str, content_type: str) -> Answer:
        timestamp = str(int(time.time()))  # signatures use the real time: Bolt refuses stale ones
        digest = hmac.new(self._secret, f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": f"v0={digest}",
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        }
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=NETWORK_TIMEOUT)
        try:
            connection.request("POST", EVENTS_PATH, body=body.encode(), headers=headers)
            response = connection.getresponse()
            return Answer(response.status, response.read(), time.monotonic() - started)
        finally:
            connection.close()
