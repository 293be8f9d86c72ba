"""Replies to a slash command or an interaction through its response_url, with retries."""

from __future__ import annotations

import logging
from typing import Any

from bot.slack_client import webhook_client

logger = logging.getLogger(__name__)

SORRY = "Sorry, Loop Coach hit a problem on its side and nothing was changed. Please try again in a minute."


def respond(body: dict[str, Any], message: dict[str, Any], *, replace: bool = False) -> None:
    url = body.get("response_url")
    if not url:
        return
    client = webhook_client(url)
    response = client.send(response_type="ephemeral", replace_original=replace, **message)
    if response.status_code != 200:
        logger.warning("response_url answered %s", response.status_code)


def respond_text(body: dict[str, Any], text: str) -> None:
    respond(body, {"text": text})


def apologise(body: dict[str, Any]) -> None:
    """Tell the person something failed, if the request came with somewhere to say it."""
    try:
        respond_text(body, SORRY)
    except Exception:  # the apology is best-effort; the failure is already logged
        logger.warning("could not deliver the apology", exc_info=True)
