"""`/prep progress` (a chart to the DM and App Home) and `/prep history` (answers, a page at a time).

Both run as jobs after the acknowledgement: drawing the chart loads matplotlib and takes about a
second, far too long for the three seconds Slack gives an acknowledgement.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.history import PAGE_ACTIONS, PageRequest, history_message
from bot.blocks.progress import CHART_SENT, NOTHING_TO_CHART, chart_comment
from bot.chart import render_chart
from bot.deps import Deps
from bot.plan import local_today, short_date
from bot.services.candidates import Who, candidate_for, find_candidate
from bot.services.history import HistoryEntry, HistoryPage, history_page
from bot.services.progress_chart import chart_plan, remember_chart
from handlers.background import later
from handlers.data import workspace_client
from handlers.home import publish_home
from handlers.people import who_interacted
from handlers.reply import respond, respond_text

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.action(re.compile("^(" + "|".join(PAGE_ACTIONS) + ")$"))(on_history_page)


# -- the chart -------------------------------------------------------------------------------------
def send_progress_chart(deps: Deps, who: Who, body: dict[str, Any]) -> None:
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        candidate = candidate_for(session, who, now=now)
        plan = chart_plan(session, candidate, now=now)
        day = local_today(now, candidate.tz)
    if plan is None:
        respond_text(body, NOTHING_TO_CHART)
        return
    png = render_chart(plan.series, title=plan.title, subtitle=plan.subtitle)
    client = workspace_client(deps, who.team_id)
    channel = client.conversations_open(users=who.user_id)["channel"]["id"]
    uploaded = client.files_upload_v2(
        channel=channel,
        file=png,
        filename=f"loop-coach-progress-{day.isoformat()}.png",
        title=f"Readiness per principle, {short_date(day)}",
        alt_txt=plan.summary[:1000],
        initial_comment=chart_comment(plan),
    )
    file_id = uploaded_file_id(uploaded.data)
    if file_id:
        with deps.sessions.begin() as session:
            remember_chart(session, candidate_for(session, who, now=now), file_id, now=now)
        publish_home(deps, who)
    respond_text(body, CHART_SENT)


def uploaded_file_id(data: Any) -> str | None:
    files = data.get("files") if isinstance(data, dict) else None
    if isinstance(files, list) and files and isinstance(files[0], dict) and files[0].get("id"):
        return str(files[0]["id"])
    return None


# -- history ---------------------------------------------------------------------------------------
def send_history(
    deps: Deps, team_id: str, user_id: str, topic: str | None, page: int, body: dict[str, Any], replace: bool
) -> None:
    """A page of the person's own answers, as a new reply or in place of the page they turned."""
    who = Who(team_id, user_id)
    with deps.sessions.begin() as session:
        candidate = find_candidate(session, who)
        found = (
            history_page(session, candidate, topic, page)
            if candidate
            else HistoryPage(user_id, topic, 0, 1, 0, (), None)
        )
    links = permalinks(workspace_client(deps, team_id), found.entries)
    respond(body, history_message(found, links), replace=replace)


def permalinks(client: WebClient, entries: tuple[HistoryEntry, ...]) -> dict[int, str]:
    """Each answer's link from Slack (a reply's permalink opens its thread); none for a message gone."""
    links = {}
    for entry in entries:
        try:
            found = client.chat_getPermalink(channel=entry.channel_id, message_ts=entry.message_ts)
        except SlackApiError as error:
            logger.info("no permalink for an answer: %s", error.response.get("error"))
            continue
        if found.get("permalink"):
            links[entry.answer_id] = str(found["permalink"])
    return links


def on_history_page(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    actions = body.get("actions") or [{}]
    request = PageRequest.decode(str(actions[0].get("value", "")))
    who = who_interacted(body, context)
    if request is None or request.owner != who.user_id:
        return  # someone else's page (or a value we never wrote): nothing to do
    later(context, body, turn_page, who.team_id, who.user_id, request.topic, request.page, body)


def turn_page(deps: Deps, team_id: str, user_id: str, topic: str | None, page: int, body: dict[str, Any]) -> None:
    send_history(deps, team_id, user_id, topic, page, body, True)
