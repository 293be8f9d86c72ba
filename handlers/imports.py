"""A Markdown prep note sent to the bot's DM is read and previewed with Import / Cancel buttons;
nothing is saved until Import, which applies exactly what the preview showed."""

from __future__ import annotations

import logging
import urllib.request
from typing import Any
from urllib.parse import urlparse

from slack_bolt import Ack, App, BoltContext

from bot.blocks.imports import (
    CANCEL_IMPORT,
    IMPORT_NOTE,
    LOOP_DATE_BLOCK,
    PICK_LOOP_DATE,
    cancelled_message,
    imported_message,
    past_date_message,
    preview_message,
)
from bot.deps import Deps
from bot.importer import MAX_NOTE_BYTES, ImportedNote, NoteError, parse_note
from bot.parsing import InputError, parse_date, quote
from bot.plan import local_today
from bot.services.candidates import Who, find_candidate
from bot.services.pending_imports import apply, cancel, hold, remember_message
from bot.slack_client import REQUEST_TIMEOUT_SECONDS, SLACK_API_URL
from handlers import slack_files
from handlers.background import later
from handlers.people import slack_timezone, who_interacted

logger = logging.getLogger(__name__)

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
NOTE_TYPES = {"markdown", "text", "post"}
WHAT_I_READ = (
    "I can import a prep note written in Markdown (a .md or .txt file): interviews and their "
    "principles, the questions you listed under each principle, and your STAR stories."
)


def register(app: App) -> None:
    app.event("file_shared")(on_file_shared)
    app.action(IMPORT_NOTE)(on_import)
    app.action(CANCEL_IMPORT)(on_cancel)
    app.action(PICK_LOOP_DATE)(on_pick_date)


def on_file_shared(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    channel, user, file_id = event.get("channel_id") or "", event.get("user_id"), event.get("file_id")
    if not (channel.startswith("D") and user and file_id):
        return  # only notes sent to the bot's own DM
    later(context, body, preview_file, context.team_id or "", str(user), channel, str(file_id))


def preview_file(deps: Deps, team_id: str, user_id: str, channel: str, file_id: str) -> None:
    """Read the shared note and show what importing it would do; nothing is saved until Import."""
    client, who = deps.slack, Who(team_id, user_id)
    info = client.files_info(file=file_id)["file"]
    if info.get("user") not in (None, user_id):
        return
    name = str(info.get("name") or "note.md")
    read = read_shared_note(deps, info, name)
    if isinstance(read, str):
        client.chat_postMessage(channel=channel, text=read)
        return
    now = deps.clock.now()
    tz = timezone_of(deps, who)
    with deps.sessions.begin() as session:
        preview = hold(session, who, name, read, now=now, tz=tz)
    posted = client.chat_postMessage(channel=channel, **preview_message(name, preview))
    with deps.sessions.begin() as session:
        remember_message(session, preview.pending_id, str(posted["channel"]), str(posted["ts"]))


def read_shared_note(deps: Deps, info: dict[str, Any], name: str) -> ImportedNote | str:
    """The note, or one line saying why it was not read."""
    if info.get("filetype") not in NOTE_TYPES and not name.lower().endswith(NOTE_SUFFIXES):
        return f"{quote(name)} isn't a Markdown file, so I left it alone. {WHAT_I_READ}"
    if int(info.get("size") or 0) > MAX_NOTE_BYTES:
        return f"{quote(name)} is over 1 MB; a prep note is a few pages. Nothing was imported."
    url = str(info.get("url_private_download") or info.get("url_private") or "")
    try:
        text = slack_files.download(url, deps)
        return parse_note(text, today=local_today(deps.clock.now(), "Etc/GMT+12"))  # UTC-12: earliest today
    except NoteError as refused:
        return f"I couldn't import {quote(name)}: {refused}"
    except (OSError, UnicodeDecodeError, ValueError) as error:
        logger.warning("could not download a shared note: %s", type(error).__name__)
        return f"I couldn't download {quote(name)} from Slack just now; nothing was imported. Please send it again."


def timezone_of(deps: Deps, who: Who) -> str | None:
    """The person's zone, to tell whether the note's loop date has passed; asked without saving."""
    with deps.sessions.begin() as session:
        candidate = find_candidate(session, who)
        if candidate is not None and candidate.tz:
            return candidate.tz
    return slack_timezone(deps.slack, who.user_id)


# -- the buttons ---------------------------------------------------------------------------------
def pending_id(body: dict[str, Any]) -> int:
    value = str((body.get("actions") or [{}])[0].get("value", ""))
    return int(value) if value.isdigit() and len(value) < 12 else 0


def picked_date(body: dict[str, Any]) -> str | None:
    picked = (((body.get("state") or {}).get("values") or {}).get(LOOP_DATE_BLOCK) or {}).get(
        PICK_LOOP_DATE
    ) or {}
    value = picked.get("selected_date")
    return str(value) if value else None


def channel_of(body: dict[str, Any]) -> str:
    return str((body.get("container") or {}).get("channel_id") or (body.get("channel") or {}).get("id") or "")


def on_import(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    who = who_interacted(body, context)
    later(
        context,
        body,
        apply_import,
        who.team_id,
        who.user_id,
        pending_id(body),
        picked_date(body),
        channel_of(body),
    )


def on_cancel(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    who = who_interacted(body, context)
    later(context, body, cancel_import, who.team_id, who.user_id, pending_id(body))


def on_pick_date(ack: Ack) -> None:
    ack()  # the date is read from the message's state when Import is pressed


def apply_import(
    deps: Deps, team_id: str, user_id: str, found: int, picked: str | None, channel: str
) -> None:
    who, now = Who(team_id, user_id), deps.clock.now()
    tz = timezone_of(deps, who)
    loop_date = None
    if picked:
        try:
            loop_date = parse_date(picked)
        except InputError as error:
            deps.slack.chat_postEphemeral(channel=channel, user=user_id, text=str(error))
            return
        if loop_date < local_today(now, tz):
            deps.slack.chat_postEphemeral(channel=channel, user=user_id, text=past_date_message(picked))
            return
    with deps.sessions.begin() as session:
        applied = apply(session, who, found, now=now, loop_date=loop_date, tz=tz)
        if applied is None:
            logger.info("an Import button found nothing pending for its presser")
            return
        pending, summary = applied
        name, where = pending.file_name, (pending.channel_id, pending.message_ts)
    if where[0] and where[1]:
        deps.slack.chat_update(channel=where[0], ts=where[1], **imported_message(name, summary))


def cancel_import(deps: Deps, team_id: str, user_id: str, found: int) -> None:
    with deps.sessions.begin() as session:
        pending = cancel(session, Who(team_id, user_id), found, now=deps.clock.now())
        if pending is None:
            return
        name, where = pending.file_name, (pending.channel_id, pending.message_ts)
    if where[0] and where[1]:
        deps.slack.chat_update(channel=where[0], ts=where[1], **cancelled_message(name))


def trusted(url: str, deps: Deps) -> bool:
    """The bot token only ever goes to Slack's file host (or the configured API host, for stand-ins)."""
    host = urlparse(url).hostname
    api_host = urlparse(deps.settings.slack_api_url or SLACK_API_URL).hostname
    return bool(host) and host in {"files.slack.com", api_host}


def download(url: str, deps: Deps) -> str:
    if not trusted(url, deps):
        raise ValueError("untrusted file URL")
    token = deps.slack.token or ""  # the workspace's bot token
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
