"""Installing Loop Coach in any workspace: Bolt's OAuth flow on our database, and its authorize.

GET /slack/install shows the Add to Slack button (and sets the `state` cookie); Slack sends the
installer back to GET /slack/oauth_redirect, where Bolt checks the state (issued by us, unused,
from this browser), exchanges the code with oauth.v2.access, and saves the installation. Every
request from Slack then finds its workspace's bot in the installation store (bot/workspaces.py);
a workspace without one gets a sentence saying where to install the app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Bot

from bot.deps import Deps
from bot.installations import state_store
from bot.oauth_pages import failure_page, install_page, not_installed_text, success_page
from bot.workspaces import InstalledWorkspaces

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
INSTALLED_BOT = "loop_coach_installed_bot"  # where the request's bot waits for authorize
# Slack's events about losing access arrive after the tokens are gone: nothing to authorize.
NO_TOKEN_EVENTS = frozenset({"app_uninstalled", "tokens_revoked", "team_access_revoked"})


class LoopCoachOAuthFlow(OAuthFlow):
    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return install_page(url)


def bolt_options(deps: Deps, base_client: WebClient) -> dict[str, Any]:
    """App(...) arguments for OAuth mode. `base_client` holds no token: Bolt's OAuth flow calls
    oauth.v2.access with it, at SLACK_API_URL like every other call."""
    workspaces = deps.workspaces
    assert isinstance(workspaces, InstalledWorkspaces)
    settings = deps.settings
    assert settings.slack_client_id and settings.slack_client_secret
    oauth_settings = OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(settings.scopes),
        user_scopes=[],
        redirect_uri=settings.slack_redirect_uri,  # None: the first of the app's redirect URLs
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=workspaces.store,
        installation_store_bot_only=True,
        token_rotation_expiration_minutes=workspaces.rotate_before_minutes,
        state_store=state_store(deps.engine),
        callback_options=CallbackOptions(success=on_installed, failure=on_failed),
    )
    return {
        "client": base_client,
        "oauth_flow": LoopCoachOAuthFlow(client=base_client, settings=oauth_settings),
        "authorize": InstalledBotAuthorize(workspaces),
        "installation_store_bot_only": True,
        "before_authorize": refuse_uninstalled(workspaces),
    }


def on_installed(args: SuccessArgs) -> BoltResponse:
    page = success_page(args.installation.team_name or args.installation.team_id or "your workspace")
    return BoltResponse(status=200, body=page, headers={"Content-Type": "text/html; charset=utf-8"})


def on_failed(args: FailureArgs) -> BoltResponse:
    return BoltResponse(
        status=args.suggested_status_code,
        body=failure_page(args.reason, INSTALL_PATH),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )


def refuse_uninstalled(workspaces: InstalledWorkspaces) -> Callable[..., BoltResponse]:
    """Before Bolt's authorize: find the workspace's bot (refreshing its token if need be), or
    answer with where to install the app, in place of Bolt's generic apology."""

    def check(req: BoltRequest, next: Callable[[], BoltResponse]) -> BoltResponse:
        if not needs_a_token(req.body):
            return next()
        bot = workspaces.bot(req.context.team_id or "", req.context.enterprise_id)
        if bot is None or not bot.bot_token:
            return BoltResponse(status=200, body=not_installed_text(install_url(req.headers)))
        req.context[INSTALLED_BOT] = bot
        return next()

    return check


def needs_a_token(body: dict[str, Any]) -> bool:
    kind = body.get("type")
    if kind in ("url_verification", "ssl_check"):
        return False
    return not (kind == "event_callback" and (body.get("event") or {}).get("type") in NO_TOKEN_EVENTS)


def install_url(headers: dict[str, Sequence[str]]) -> str:
    """The install page on the host Slack called us at (the same process serves both)."""

    def first(name: str) -> str:
        values = headers.get(name) or []
        return str(values[0]).split(",")[0].strip() if values else ""

    host = first("x-forwarded-host") or first("host") or "localhost:3000"
    local = host.split(":")[0] in ("localhost", "127.0.0.1")
    scheme = first("x-forwarded-proto") or ("http" if local else "https")
    return f"{scheme}://{host}{INSTALL_PATH}"


class InstalledBotAuthorize(Authorize):
    """Bolt's authorize from the stored bot (bot id and user id were saved at install): no
    auth.test on every request, and one place that refreshes rotating tokens."""

    def __init__(self, workspaces: InstalledWorkspaces) -> None:
        self.workspaces = workspaces

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **_actor: Any,
    ) -> AuthorizeResult | None:
        bot: Bot | None = context.get(INSTALLED_BOT) or self.workspaces.bot(team_id or "", enterprise_id)
        if bot is None or not bot.bot_token:
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_token=bot.bot_token,
            bot_scopes=bot.bot_scopes,
            user_id=user_id,
        )


def bind_workspace(deps: Deps, context: BoltContext) -> Deps:
    """The request's deps and client, on the workspace's token, through our own client (retries,
    metrics), not the plain one Bolt makes per request."""
    workspaces = deps.workspaces
    if not isinstance(workspaces, InstalledWorkspaces) or not context.bot_token:
        return deps
    client = workspaces.client_for_token(context.team_id or "", context.bot_token)
    context["client"] = client
    return replace(deps, slack=client)
