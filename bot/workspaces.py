"""The Slack client for a workspace: `Workspaces.client(team_id)`.

With one bot token (SLACK_BOT_TOKEN) every workspace is the one workspace, and its client is the
app's. Installed with OAuth, each workspace has its own bot token in the installation store: the
client for a team carries that team's token, refreshed before it expires when Slack rotates tokens
(slack_sdk's TokenRotator, as Bolt's authorize does it), and paces its calls in that team's
buckets. Clients are kept per token, so a rotated token gets a new one.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackTokenRotationError
from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.token_rotation import TokenRotator
from slack_sdk.web import SlackResponse
from sqlalchemy import Engine

from bot.installations import find_team_bot, forget_team, installation_store
from bot.pacing import Pacer
from bot.revocation import Revocation
from bot.settings import Settings
from bot.slack_client import web_client

logger = logging.getLogger(__name__)

ROTATE_BEFORE_MINUTES = 120  # Bolt's token_rotation_expiration_minutes default
MAX_CLIENTS = 1000  # clients kept; one per live token, and tokens rotate every twelve hours


class NotInstalled(Exception):
    """No bot token for this workspace: never installed, uninstalled, or its token revoked."""

    def __init__(self, team_id: str) -> None:
        super().__init__(f"Loop Coach is not installed in workspace {team_id or '(none)'}")
        self.team_id = team_id


class Workspaces(Protocol):
    def client(self, team_id: str) -> WebClient:
        """The client for this workspace's bot; NotInstalled if it has none."""
        ...

    def forget(self, revocation: Revocation) -> None:
        """Delete the stored tokens a revocation names (idempotent)."""
        ...


class OneWorkspace:
    """Single-token mode: SLACK_BOT_TOKEN's client serves every request and job."""

    def __init__(self, slack: WebClient) -> None:
        self.slack = slack

    def client(self, team_id: str) -> WebClient:
        return self.slack

    def forget(self, revocation: Revocation) -> None:
        """No tokens are stored: the token lives in the settings, and Slack has already revoked it."""


class InstalledWorkspaces:
    """OAuth mode: each workspace's bot token from the installation store."""

    def __init__(
        self,
        store: SQLAlchemyInstallationStore,
        rotator: TokenRotator,
        *,
        api_url: str | None,
        pacer: Pacer | None = None,
        rotate_before_minutes: int = ROTATE_BEFORE_MINUTES,
    ) -> None:
        self.store = store
        self.rotator = rotator
        self.rotate_before_minutes = rotate_before_minutes
        self._api_url = api_url
        self._pacer = pacer
        self._clients: dict[str, tuple[str, WebClient]] = {}  # token -> (team id, client)
        self._lock = threading.Lock()

    def bot(self, team_id: str, enterprise_id: str | None = None) -> Bot | None:
        """The workspace's bot, its token refreshed first if it expires soon."""
        if not team_id:
            return None
        if enterprise_id is None:
            bot = find_team_bot(self.store, team_id)
        else:
            bot = self.store.find_bot(enterprise_id=enterprise_id, team_id=team_id)
        if bot is None or not bot.bot_refresh_token:
            return bot
        try:
            refreshed = self.rotator.perform_bot_token_rotation(
                bot=bot, minutes_before_expiration=self.rotate_before_minutes
            )
        except SlackTokenRotationError as error:
            # Usually for good (the refresh token was revoked): as Bolt, act as if not installed.
            logger.error(
                "workspace %s: refreshing its bot token failed: %s",
                team_id,
                error.api_error.response.get("error"),
            )
            return None
        if refreshed is None:
            return bot
        self.store.save_bot(refreshed)
        logger.info("workspace %s: bot token refreshed before it expired", team_id)
        return refreshed

    def client(self, team_id: str) -> WebClient:
        bot = self.bot(team_id)
        if bot is None or not bot.bot_token:
            raise NotInstalled(team_id)
        return self.client_for_token(team_id, bot.bot_token)

    def client_for_token(self, team_id: str, token: str) -> WebClient:
        """Our client (retries, metrics, this team's pacing) for a token already looked up."""
        with self._lock:
            kept = self._clients.get(token)
            if kept is None:
                if len(self._clients) >= MAX_CLIENTS:  # the oldest first: their tokens have rotated
                    del self._clients[next(iter(self._clients))]
                client = web_client(token, self._api_url, pacer=self._pacer, team=team_id)
                kept = self._clients[token] = (team_id, client)
            return kept[1]

    def forget(self, revocation: Revocation) -> None:
        """As Bolt's token revocation listeners do, except that a revoked bot token takes the
        whole installation with it, as it takes the workspace's data. Deleting is idempotent."""
        if revocation.ends_the_workspace:
            forget_team(self.store, revocation.team_id)
            with self._lock:
                self._clients = {
                    t: kept for t, kept in self._clients.items() if kept[0] != revocation.team_id
                }
            return
        for user_id in revocation.user_ids:
            self.store.delete_installation(
                enterprise_id=revocation.enterprise_id, team_id=revocation.team_id, user_id=user_id
            )


class NoWorkspace(WebClient):
    """`deps.slack` where there is no workspace's bot to call Slack with: in OAuth mode before the
    work is bound to a workspace (Deps.for_team), or for a workspace no longer installed. A call
    raises NotInstalled at once; nothing is sent."""

    def __init__(self, team_id: str = "") -> None:
        super().__init__(token=None)
        self.team_id = team_id

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        raise NotInstalled(self.team_id)


def workspaces_for(settings: Settings, engine: Engine, pacer: Pacer | None = None) -> Workspaces:
    if not settings.multi_workspace:
        assert settings.slack_bot_token is not None  # the settings refuse neither token nor OAuth
        return OneWorkspace(
            web_client(settings.slack_bot_token.get_secret_value(), settings.slack_api_url, pacer=pacer)
        )
    assert settings.slack_client_id and settings.slack_client_secret
    return InstalledWorkspaces(
        installation_store(engine, settings.slack_client_id),
        TokenRotator(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            client=web_client(None, settings.slack_api_url),  # oauth.v2.access where the API is
        ),
        api_url=settings.slack_api_url,
        pacer=pacer,
    )
