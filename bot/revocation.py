"""What Slack takes away with `app_uninstalled` or `tokens_revoked`, read from the event. Pure.

`tokens_revoked` lists, by kind, the user ids whose tokens died: `oauth` for user tokens (xoxp-),
`bot` for the bot's (xoxb-). Without the bot token Loop Coach can no longer act in the workspace,
so that, like an uninstall, ends its stay there and the workspace's data goes. Revoked user tokens
alone change nothing about the data: the bot still works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Revocation:
    team_id: str
    enterprise_id: str | None
    uninstalled: bool  # app_uninstalled: every token of the workspace is gone
    bot_revoked: bool
    user_ids: tuple[str, ...]  # users whose own (oauth) tokens were revoked

    @property
    def ends_the_workspace(self) -> bool:
        """True when the workspace's data must be purged."""
        return self.uninstalled or self.bot_revoked


def revocation_of(event: dict[str, Any], *, team_id: str, enterprise_id: str | None = None) -> Revocation:
    tokens = event.get("tokens")
    if not isinstance(tokens, dict):
        tokens = {}
    bots = _ids(tokens.get("bot"))
    users = _ids(tokens.get("oauth"))
    return Revocation(
        team_id=team_id,
        enterprise_id=enterprise_id,
        uninstalled=event.get("type") == "app_uninstalled",
        bot_revoked=bool(bots),
        user_ids=users,
    )


def _ids(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(item) for item in value if isinstance(item, str) and item)
