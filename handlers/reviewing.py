"""A reviewer stops reviewing: `/prep leave [@candidate]`, or the Stop reviewing button of the intro DM."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk.errors import SlackApiError

from bot.blocks import replies
from bot.deps import Deps
from bot.parsing import InputError
from bot.services import reviewers
from bot.services.candidates import Who
from handlers.background import later
from handlers.people import who_interacted
from handlers.reply import respond, respond_text

logger = logging.getLogger(__name__)

USER_ID = re.compile(r"[UW][A-Z0-9]{2,31}")


def register(app: App) -> None:
    app.action(replies.STOP_REVIEWING)(on_stop_reviewing)


def on_stop_reviewing(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    candidate = str((body.get("actions") or [{}])[0].get("value") or "")
    if not USER_ID.fullmatch(candidate):
        return
    who = who_interacted(body, context)
    later(context, body, stop_from_button, who.team_id, who.user_id, candidate, body)


def leave_by_command(
    deps: Deps, team_id: str, user_id: str, candidates: list[str], body: dict[str, Any]
) -> None:
    """`/prep leave [@candidate ...]`: no candidate is needed, nor made, for the person leaving."""
    try:
        left = leave_and_tell(deps, Who(team_id, user_id), tuple(candidates))
    except InputError as error:
        respond_text(body, str(error))
        return
    respond_text(body, replies.left_review(left))


def stop_from_button(deps: Deps, team_id: str, user_id: str, candidate: str, body: dict[str, Any]) -> None:
    try:
        left = leave_and_tell(deps, Who(team_id, user_id), (candidate,))
    except InputError as error:
        respond_text(body, str(error))
        return
    respond(body, {"text": replies.left_review(left)}, replace=True)


def leave_and_tell(deps: Deps, reviewer: Who, candidate_ids: tuple[str, ...]) -> tuple[str, ...]:
    """Leave, then tell each candidate in their DM; returns who was left. InputError when nothing changed."""
    with deps.sessions.begin() as session:
        left = reviewers.leave(
            session, team_id=reviewer.team_id, reviewer=reviewer.user_id, candidate_ids=candidate_ids
        )
    for candidate in left:
        try:
            channel = deps.slack.conversations_open(users=candidate)["channel"]["id"]
            deps.slack.chat_postMessage(channel=channel, text=replies.reviewer_left(reviewer.user_id))
        except (
            SlackApiError
        ) as error:  # the reviewer has left either way; the candidate sees it in /prep reviewers
            logger.warning("could not tell a candidate a reviewer left: %s", error.response.get("error"))
    return left
