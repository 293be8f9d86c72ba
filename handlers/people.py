"""Who is asking, and their time zone: from our cache, else from users.info."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.deps import Deps
from bot.services.candidates import Who, find_candidate, remember_timezone

logger = logging.getLogger(__name__)


def deps_of(context: BoltContext) -> Deps:
    deps: Deps = context["deps"]
    return deps


def who_interacted(body: dict[str, Any], context: BoltContext) -> Who:
    """The person behind a button press or a modal submission, in their workspace."""
    team = (body.get("team") or {}).get("id") or body["user"].get("team_id") or context.team_id or ""
    return Who(team_id=team, user_id=body["user"]["id"])


def slack_timezone(client: WebClient, user_id: str) -> str | None:
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError as error:
        logger.warning("users.info failed for a user: %s", error.response.get("error"))
        return None
    return user.get("tz") or None


def ensure_timezone(deps: Deps, who: Who) -> None:
    """Ask Slack for the person's zone once; user_change keeps it fresh afterwards."""
    with deps.sessions.begin() as session:
        candidate = find_candidate(session, who)
        if candidate is not None and candidate.tz:
            return
    tz = slack_timezone(deps.slack, who.user_id)
    if tz:
        with deps.sessions.begin() as session:
            remember_timezone(session, who, tz, now=deps.clock.now())
