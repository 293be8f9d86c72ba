"""A person's data back to them (`/prep export`), or gone (`/prep delete`, then the modal).

`/prep` routes here from handlers/commands.py: export as a job after the ack, delete by opening
the confirmation modal. Jobs take plain values (ids, the request body) and reach Slack through
`workspace_client`, never through a client shared by all workspaces.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.dashboard import home_view
from bot.blocks.data_messages import (
    DELETE_FORM,
    EXPORT_COMMENT,
    EXPORT_SENT,
    NOTHING_TO_EXPORT,
    erased_message,
)
from bot.blocks.export_csv import answers_csv
from bot.blocks.export_markdown import export_markdown
from bot.deps import Deps
from bot.services.candidates import Who
from bot.services.erase import erase_candidate
from bot.services.export import CandidateExport, export_of
from handlers.background import later
from handlers.people import who_interacted
from handlers.reply import respond_text

logger = logging.getLogger(__name__)

MAX_NAME_LOOKUPS = 20  # the candidate and their reviewers; more would only slow the export


def register(app: App) -> None:
    app.view(DELETE_FORM)(on_delete_confirmed)


def workspace_client(deps: Deps, team_id: str) -> WebClient:
    """The Web API client for one workspace: its own bot's token (bot/workspaces.py)."""
    return deps.slack_for(team_id)


# -- export ------------------------------------------------------------------------------------
def send_export(deps: Deps, team_id: str, user_id: str, body: dict[str, Any]) -> None:
    """The work of `/prep export`: read, render, upload to the person's DM, confirm."""
    with deps.sessions.begin() as session:
        export = export_of(session, Who(team_id, user_id), now=deps.clock.now())
    if export is None:
        respond_text(body, NOTHING_TO_EXPORT)
        return
    client = workspace_client(deps, team_id)
    others = sorted(export.people() - {export.user_id})
    upload_export(client, export, display_names(client, [export.user_id, *others]))
    respond_text(body, EXPORT_SENT)


def upload_export(client: WebClient, export: CandidateExport, names: dict[str, str]) -> None:
    """Both files in one message, through files.getUploadURLExternal and completeUploadExternal."""
    channel = client.conversations_open(users=export.user_id)["channel"]["id"]
    day = f"{export.exported_at:%Y-%m-%d}"
    client.files_upload_v2(
        channel=channel,
        initial_comment=EXPORT_COMMENT,
        file_uploads=[
            {
                "filename": f"loop-coach-{day}.md",
                "title": f"Loop Coach export {day}",
                "content": export_markdown(export, names).encode("utf-8"),
            },
            {
                "filename": f"loop-coach-answers-{day}.csv",
                "title": f"Loop Coach answers {day}",
                # The byte-order mark tells spreadsheet programs the file is UTF-8.
                "content": answers_csv(export, names).encode("utf-8-sig"),
            },
        ],
    )


def display_names(client: WebClient, user_ids: Iterable[str]) -> dict[str, str]:
    """Names to show beside user ids in the files; an id Slack won't resolve stays an id."""
    names: dict[str, str] = {}
    for user_id in list(user_ids)[:MAX_NAME_LOOKUPS]:
        try:
            user = client.users_info(user=user_id)["user"]
        except SlackApiError:
            continue
        profile = user.get("profile") or {}
        name = profile.get("display_name") or profile.get("real_name") or user.get("name")
        if name:
            names[user_id] = str(name)
    return names


# -- delete ------------------------------------------------------------------------------------
def on_delete_confirmed(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()  # closes the modal; the erasing happens after, like every other piece of work
    who = who_interacted(body, context)
    later(context, body, erase_person, who.team_id, who.user_id)


def erase_person(deps: Deps, team_id: str, user_id: str) -> None:
    """Erase, then say so in the DM and reset the Home tab. Run twice, the second finds nothing."""
    with deps.sessions.begin() as session:
        erased = erase_candidate(session, Who(team_id, user_id))
    logger.info("erased a candidate on request: %d rows", erased.total)
    client = workspace_client(deps, team_id)
    channel = client.conversations_open(users=user_id)["channel"]["id"]
    client.chat_postMessage(channel=channel, text=erased_message(erased))
    client.views_publish(user_id=user_id, view=home_view(None))
