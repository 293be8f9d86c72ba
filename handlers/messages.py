"""Messages in the prep conversations: answers and feedback in prompt threads, their edits and deletions."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer_check import check_answer, check_text
from bot.deps import Deps
from bot.models import Answer
from bot.parsing import clean
from bot.services import answers
from handlers.background import later

logger = logging.getLogger(__name__)

ACK_REACTION = "memo"
CHECK_EVENT = "loop_coach_answer_check"
PREP_CHANNEL_TYPES = ("im", "mpim")
HINT = (
    "I read answers in the thread under each question: reply there and I'll check it. "
    "`/prep help` lists everything else."
)


def register(app: App) -> None:
    app.event("message")(on_message)


HANDLED = {None: "new", "thread_broadcast": "new", "message_changed": "edited", "message_deleted": "deleted"}


def on_message(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    kind = HANDLED.get(event.get("subtype"), "ignored")
    if event.get("channel_type") not in PREP_CHANNEL_TYPES or kind == "ignored":
        return
    handle = {"new": on_new_message, "edited": on_edited, "deleted": on_deleted}[kind]
    later(context, body, handle, event)


def on_new_message(deps: Deps, event: dict[str, Any]) -> None:
    client = deps.slack
    user, channel, ts, text = (
        event.get("user"),
        event.get("channel"),
        event.get("ts"),
        clean(event.get("text") or ""),
    )
    if not (user and channel and ts) or event.get("bot_id"):
        return
    thread_ts = event.get("thread_ts")
    if not thread_ts or thread_ts == ts:
        if event.get("channel_type") == "im":
            client.chat_postMessage(channel=channel, text=HINT)
        return
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        thread = answers.thread_of(session, channel, thread_ts, user)
        if thread is None or thread.role == "stranger":
            return
        if thread.role == "reviewer":
            answers.record_feedback(session, thread, user=user, channel=channel, ts=ts, text=text, now=now)
            return
        answer = answers.record_answer(session, thread, channel=channel, ts=ts, text=text, now=now)
        again = answer is None  # saved before: by a run of this job that died before replying?
        if again:
            saved = answers.find_answer(session, channel, ts)
            answer = saved if saved is not None and saved.check_ts is None else None
        answer_id = answer.id if answer else None
    if answer_id is None:
        return
    acknowledge(client, channel, ts)
    check_ts = posted_check(client, channel, thread_ts, answer_id) if again else None
    if check_ts is None:
        check_ts = str(
            client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=check_text(check_answer(text)),
                # The answer's id travels with the check: a job run again finds it in the thread.
                metadata={"event_type": CHECK_EVENT, "event_payload": {"answer_id": answer_id}},
            )["ts"]
        )
    with deps.sessions.begin() as session:
        saved = session.get(Answer, answer_id)
        if saved is not None:
            saved.check_ts = check_ts


def posted_check(client: WebClient, channel: str, thread_ts: str, answer_id: int) -> str | None:
    """The ts of this answer's check if an earlier run of the job posted it; None if not, or unknown."""
    try:
        replies = client.conversations_replies(
            channel=channel, ts=thread_ts, include_all_metadata=True, limit=200
        )
    except SlackApiError as error:
        logger.info("could not read the thread (%s); posting the check", error.response.get("error"))
        return None
    messages: list[dict[str, Any]] = replies.get("messages", [])
    for message in messages:
        metadata = message.get("metadata") or {}
        if (
            metadata.get("event_type") == CHECK_EVENT
            and (metadata.get("event_payload") or {}).get("answer_id") == answer_id
        ):
            return str(message["ts"])
    return None


def acknowledge(client: WebClient, channel: str, ts: str) -> None:
    try:
        client.reactions_add(channel=channel, timestamp=ts, name=ACK_REACTION)
    except SlackApiError as error:
        if error.response.get("error") != "already_reacted":
            raise


def on_edited(deps: Deps, event: dict[str, Any]) -> None:
    client = deps.slack
    message = event.get("message") or {}
    channel, ts, user = event.get("channel"), message.get("ts"), message.get("user")
    if not (channel and ts and user):
        return
    with deps.sessions.begin() as session:
        answer = answers.edit(
            session,
            channel=channel,
            ts=ts,
            user=user,
            text=clean(message.get("text") or ""),
            now=deps.clock.now(),
        )
        check_ts, text = (answer.check_ts, answer.text) if answer else (None, "")
    if check_ts:
        client.chat_update(channel=channel, ts=check_ts, text=check_text(check_answer(text)))


def on_deleted(deps: Deps, event: dict[str, Any]) -> None:
    client = deps.slack
    channel = event.get("channel")
    ts = event.get("deleted_ts") or (event.get("previous_message") or {}).get("ts")
    if not (channel and ts):
        return
    with deps.sessions.begin() as session:
        answer = answers.remove(session, channel=channel, ts=ts)
        check_ts = answer.check_ts if answer else None
    if check_ts:
        try:
            client.chat_delete(channel=channel, ts=check_ts)
        except SlackApiError as error:
            logger.info("could not delete the answer check: %s", error.response.get("error"))
