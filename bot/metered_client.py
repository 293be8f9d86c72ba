"""A WebClient that counts its calls by method and outcome, for /metrics."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.metrics import observe_slack_call


class MeteredWebClient(WebClient):
    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        try:
            response = super().api_call(api_method, **kwargs)
        except SlackApiError as error:
            observe_slack_call(api_method, error.response.status_code)
            raise
        except Exception:
            observe_slack_call(api_method, "error")
            raise
        observe_slack_call(api_method, response.status_code)
        return response
