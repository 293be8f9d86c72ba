"""A Markdown prep note sent to the bot's DM is imported, and the DM says what was read."""

from __future__ import annotations

import logging
import urllib.request
from typing import Any
from urllib.parse import urlparse

from slack_bolt import App, BoltContext

from bot.blocks.imports import import_summary
from bot.deps import Deps
from bot.importer import MAX_NOTE_BYTES, NoteError, parse_note
from bot.parsing import quote
from bot.services.candidates import Who, candidate_for
from bot.services.importing import import_note
from bot.slack_client import REQUEST_TIMEOUT_SECONDS, SLACK_API_URL
from handlers import slack_files
from handlers.background import later
from handlers.people import ensure_timezone

logger = logging.getLogger(__name__)

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
NOTE_TYPES = {"markdown", "text", "post"}
WHAT_I_READ = (
    "I can import a prep note written in Markdown (a .md file): interviews with “Interviewer:” and "
    "their principles, questions under principle headings, and “Story …” sections."
)


def register(app: App) -> None:
    app.event("file_shared")(on_file_shared)


def on_file_shared(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    channel, user, file_id = event.get("channel_id") or "", event.get("user_id"), event.get("file_id")
    if not (channel.startswith("D") and user and file_id):
        return  # only notes sent to the bot's own DM
    later(context, body, import_file, Who(context.team_id or "", user), channel, file_id)


def import_file(deps: Deps, who: Who, channel: str, file_id: str) -> None:
    client = deps.slack
    info = client.files_info(file=file_id)["file"]
    if info.get("user") not in (None, who.user_id):
        return
    reply = import_shared_note(deps, who, info, str(info.get("name") or "note.md"))
    client.chat_postMessage(channel=channel, text=reply)


def import_shared_note(deps: Deps, who: Who, info: dict[str, Any], name: str) -> str:
    if info.get("filetype") not in NOTE_TYPES and not name.lower().endswith(NOTE_SUFFIXES):
        return f"{quote(name)} isn't a Markdown file, so I left it alone. {WHAT_I_READ}"
    if int(info.get("size") or 0) > MAX_NOTE_BYTES:
        return f"{quote(name)} is over 1 MB; a prep note is a few pages. Nothing was imported."
    url = str(info.get("url_private_download") or info.get("url_private") or "")
    try:
        text = slack_files.download(url, deps)
        note = parse_note(text)
    except NoteError as refused:
        return f"I couldn't import {quote(name)}: {refused}"
    except (OSError, UnicodeDecodeError, ValueError) as error:
        logger.warning("could not download a shared note: %s", type(error).__name__)
        return f"I couldn't download {quote(name)} from Slack just now; nothing was imported. Please send it again."
    ensure_timezone(deps, who)
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        summary = import_note(session, candidate_for(session, who, now=now), note, now=now)
    return import_summary(name, summary)


def trusted(url: str, deps: Deps) -> bool:
    """The bot token only ever goes to Slack's file host (or the configured API host, for stand-ins)."""
    host = urlparse(url).hostname
    api_host = urlparse(deps.settings.slack_api_url or SLACK_API_URL).hostname
    return bool(host) and host in {"files.slack.com", api_host}


def download(url: str, deps: Deps) -> str:
    if not trusted(url, deps):
        raise ValueError("untrusted file URL")
    token = deps.settings.slack_bot_token.get_secret_value()
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310 - host checked
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:  # noqa: S310
        if "text/html" in response.headers.get("Content-Type", ""):
            raise NoteError(
                "Slack sent a login page instead of the file; check the app has the files:read scope."
            )
        data: bytes = response.read(MAX_NOTE_BYTES + 1)
    if len(data) > MAX_NOTE_BYTES:
        raise NoteError("That note is over 1 MB; a prep note is a few pages of Markdown.")
    return data.decode("utf-8")
