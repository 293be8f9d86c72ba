"""The one way this project builds a Slack Web API client: base URL from settings, retries on."""

from __future__ import annotations

import socket
from http.client import RemoteDisconnected
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

from bot.metered_client import MeteredWebClient
from bot.metrics import observe_slack_call
from bot.pacing import PacedWebClient, Pacer

SLACK_API_URL = "https://slack.com/api/"
REQUEST_TIMEOUT_SECONDS = 10


class AnyServerErrorRetryHandler(ServerErrorRetryHandler):
    """slack_sdk's handler retries 500 and 503 only; a 502 or 504 from a proxy deserves the same."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600


# Methods that must not be sent twice blindly: a timed-out post may well have been posted.
# Delivery checks the conversation instead (schedules/delivery.py).
NOT_SAFE_TO_REPEAT = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage"})


class SafeConnectionErrorRetryHandler(ConnectionErrorRetryHandler):
    """Retries connection failures and timeouts, except a timeout of a call that creates something."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if isinstance(error, TimeoutError) and method_of(request.url) in NOT_SAFE_TO_REPEAT:
            return False
        return super()._can_retry(state=state, request=request, response=response, error=error)


def method_of(url: str) -> str:
    return url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


class CountedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Retries after Retry-After, as slack_sdk's does, and counts each 429 for /metrics."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is not None and response.status_code == 429:
            observe_slack_call(method_of(request.url), 429)
        return bool(super()._can_retry(state=state, request=request, response=response, error=error))


def retry_handlers() -> list[RetryHandler]:
    return [
        CountedRateLimitRetryHandler(max_retry_count=5),
        AnyServerErrorRetryHandler(max_retry_count=3),
        SafeConnectionErrorRetryHandler(
            max_retry_count=3,
            error_types=[URLError, ConnectionError, RemoteDisconnected, socket.timeout],
        ),
    ]


def web_client(
    token: str | None,
    base_url: str | None = None,
    *,
    timeout: int = REQUEST_TIMEOUT_SECONDS,
    pacer: Pacer | None = None,
    team: str = "",
) -> WebClient:
    """`token` None: a client for calls that carry their own credentials (oauth.v2.access).
    `team`: whose buckets a paced client waits in (Slack's limits count per workspace)."""
    options: dict[str, Any] = {
        "token": token,
        "base_url": base_url or SLACK_API_URL,
        "timeout": timeout,
        "retry_handlers": retry_handlers(),
    }
    return PacedWebClient(pacer=pacer, team=team, **options) if pacer else MeteredWebClient(**options)


def paced_for_team(client: WebClient, pacer: Pacer, team: str) -> PacedWebClient:
    """`client`'s token, address and retries, paced for one workspace (a delivery job's client)."""
    return PacedWebClient(
        pacer=pacer,
        team=team,
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=client.retry_handlers,
    )


def webhook_client(url: str) -> WebhookClient:
    """For response_url replies, with the same retries as every other Slack call."""
    return WebhookClient(url=url, timeout=REQUEST_TIMEOUT_SECONDS, retry_handlers=retry_handlers())
