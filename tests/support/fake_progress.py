"""The fake Slack with uploads, plus chat.getPermalink, for the progress tests (chart and history)."""

from __future__ import annotations

from typing import Any

from tests.support.fake_uploads import FakeSlackWithUploads

WORKSPACE_URL = "https://loop.example.slack.com"


class FakeSlackWithPermalinks(FakeSlackWithUploads):
    def permalink(self, channel: str, ts: str) -> str:
        return f"{WORKSPACE_URL}/archives/{channel}/p{ts.replace('.', '')}"

    def api_chat_getPermalink(self, params: dict[str, Any]) -> dict[str, Any]:
        """A link for a message in any conversation the fake opened; Slack's errors otherwise."""
        channel, ts = str(params.get("channel") or ""), str(params.get("message_ts") or "")
        with self._lock:
            known = channel in self.conversations.values()
        if not known:
            return {"ok": False, "error": "channel_not_found"}
        if not ts:
            return {"ok": False, "error": "message_not_found"}
        return {"ok": True, "channel": channel, "permalink": self.permalink(channel, ts)}
