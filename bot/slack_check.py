"""Before the bot connects over Socket Mode: is Slack there, and does it take our tokens?

A wrong token or an unreachable Slack is a setup problem, so it gets one line that says which
(and exit status 2 for a refused token, 1 for a network failure), not a traceback after retries.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import Any, NoReturn
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.logs import quiet
from bot.settings import README_HINT, Settings, fail_with
from bot.slack_client import SLACK_API_URL

CHECK_TIMEOUT_SECONDS = 5
UNREACHABLE = (URLError, OSError, socket.timeout, TimeoutError)


def require_slack(settings: Settings) -> None:
    """auth.test with the bot token and, for Socket Mode, a connection URL for the app token; or stop
    the process with one line. (The URL asked for here goes unused: each is good for one connection.)"""
    assert settings.slack_bot_token is not None  # Socket Mode runs with one bot token (bot/settings.py)
    bot = checking_client(settings, settings.slack_bot_token.get_secret_value())
    guarded(settings, "SLACK_BOT_TOKEN", bot.auth_test)
    if settings.slack_app_token:
        app_token = settings.slack_app_token.get_secret_value()
        app = checking_client(settings, app_token)
        guarded(settings, "SLACK_APP_TOKEN", lambda: app.apps_connections_open(app_token=app_token))


def checking_client(settings: Settings, token: str) -> WebClient:
    return WebClient(
        token=token,
        base_url=settings.slack_api_url or SLACK_API_URL,
        timeout=CHECK_TIMEOUT_SECONDS,
        retry_handlers=[],
    )


def guarded(settings: Settings, token_name: str, call: Callable[[], Any]) -> Any:
    """Run a Slack call; a refusal or a network failure ends the process with its one line."""
    try:
        # slack_sdk logs a failed request at ERROR before raising it; the one line below says it.
        with quiet(logging.getLogger("slack_sdk"), logging.CRITICAL):
            return call()
    except SlackApiError as error:
        refused(token_name, str(error.response.get("error") or error.response.status_code))
    except UNREACHABLE as error:
        unreachable(settings, error)


def refused(token_name: str, reason: str) -> NoReturn:
    fail_with(
        f"loop-coach: Slack refused {token_name} ({reason}): check the token ({README_HINT}).", status=2
    )


def unreachable(settings: Settings, error: BaseException) -> NoReturn:
    reason = getattr(error, "reason", None) or error
    url = settings.slack_api_url or SLACK_API_URL
    fail_with(f"loop-coach: cannot reach Slack at {url}: {reason}.")
