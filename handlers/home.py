"""App Home: the latest progress chart and the dashboard, republished whenever the tab is opened,
with buttons for the modals."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.dashboard import ASK_QUESTION_NOW, OPEN_INTERVIEW_FORM, home_view
from bot.blocks.forms import interview_form
from bot.blocks.progress import chart_image
from bot.deps import Deps
from bot.services.candidates import Who, find_candidate
from bot.services.status import dashboard
from handlers.asking import send_extra_question
from handlers.background import later, soon
from handlers.people import ensure_timezone, who_interacted

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.event("app_home_opened")(on_home_opened)
    app.action(OPEN_INTERVIEW_FORM)(on_open_interview_form)
    app.action(ASK_QUESTION_NOW)(on_ask_question_now)


def publish_home(deps: Deps, who: Who) -> None:
    """The dashboard, with the latest `/prep progress` chart above it when there is one."""
    with deps.sessions.begin() as session:
        candidate = find_candidate(session, who)
        board = dashboard(session, candidate, now=deps.clock.now()) if candidate else None
        chart = (
            chart_image(candidate.chart_file_id, candidate.chart_made_at, candidate.tz)
            if candidate and candidate.chart_file_id
            else None
        )
    view = home_view(board)
    if chart is None:
        deps.slack.views_publish(user_id=who.user_id, view=view)
        return
    try:
        deps.slack.views_publish(user_id=who.user_id, view={**view, "blocks": [chart, *view["blocks"]]})
    except SlackApiError as error:
        # The file was deleted, or Slack has not finished processing it: the dashboard alone, then.
        if error.response.get("error") not in ("invalid_blocks", "invalid_arguments"):
            raise
        logger.info("App Home without its chart: %s", error.response.get("error"))
        deps.slack.views_publish(user_id=who.user_id, view=view)


def confirm_in_dm(deps: Deps, who: Who, text: str) -> None:
    """After a modal closes: say what was saved in the person's DM, and refresh their Home tab."""
    channel = deps.slack.conversations_open(users=who.user_id)["channel"]["id"]
    deps.slack.chat_postMessage(channel=channel, text=text)
    publish_home(deps, who)


def on_home_opened(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    if event.get("tab", "home") != "home":
        return
    later(context, body, refresh_home, Who(team_id=context.team_id or "", user_id=event["user"]))


def refresh_home(deps: Deps, who: Who) -> None:
    with deps.sessions.begin() as session:
        known = find_candidate(session, who) is not None
    if known:
        ensure_timezone(deps, who)
    publish_home(deps, who)


def on_open_interview_form(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    soon(context, body, lambda: client.views_open(trigger_id=body["trigger_id"], view=interview_form()))


def on_ask_question_now(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    later(
        context,
        body,
        ask_now,
        who_interacted(body, context),
    )


def ask_now(deps: Deps, who: Who) -> None:
    ensure_timezone(deps, who)
    send_extra_question(deps, who)
