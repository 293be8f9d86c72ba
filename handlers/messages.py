"""Messages in the prep conversations: answers, follow-up answers and feedback in prompt threads,
their edits and deletions.

A candidate's reply under a question is an answer: acknowledged, checked, and followed by the
interviewer's follow-up (bot/follow_up.py). Their next reply answers the follow-up and is kept with
the answer, with a brief check of its own. A reviewer's reply is feedback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.answer_check import AnswerCheck, check_answer
from bot.blocks.coaching import check_reply, follow_up_check_reply, follow_up_message
from bot.deps import Deps
from bot.follow_up import FollowUpQuestion, follow_up_for
from bot.models import Answer, Prompt
from bot.parsing import clean
from bot.services import answers, follow_ups
from handlers.background import later

logger = logging.getLogger(__name__)

ACK_REACTION = "memo"
CHECK_EVENT = "loop_coach_answer_check"  # message metadata: the answer a check reply is about
FOLLOW_UP_EVENT = "loop_coach_follow_up"  # and the follow-up a question is
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
    later(context, body, handle, context.team_id or "", event)


def on_new_message(deps: Deps, team: str, event: dict[str, Any]) -> None:
    """`team`: the workspace the event came from; every lookup is keyed by it (bot/services/answers.py)."""
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
        thread = answers.thread_of(session, team=team, channel=channel, thread_ts=thread_ts, user=user)
        # Only a question's thread takes answers: reminders, debriefs and summaries have their own.
        if thread is None or thread.role == "stranger" or thread.prompt.question_key is None:
            return
        if thread.role == "reviewer":
            answers.record_feedback(session, thread, user=user, channel=channel, ts=ts, text=text, now=now)
            return
        recorded = answers.record_reply(session, thread, channel=channel, ts=ts, text=text, now=now)
        new: NewAnswer | None
        if isinstance(recorded, Answer):
            new = prepare_follow_up(session, thread.prompt, recorded, now=now)
        elif recorded is None:  # saved before: by a run of this job that died before replying?
            new = unfinished(session, thread.prompt, channel=channel, ts=ts)
        else:
            new = None
    if recorded is None and new is None:
        return
    acknowledge(client, channel, ts)
    if new is not None:
        ask_follow_up(deps, channel, thread_ts, new)
    elif isinstance(recorded, answers.FollowUpReply):
        posted = client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, **follow_up_check_reply(recorded.check)
        )
        with deps.sessions.begin() as session:
            follow_ups.checked(session, recorded.follow_up.id, str(posted["ts"]))


@dataclass(frozen=True)
class NewAnswer:
    """A new answer, with what the thread is about to hear about it.

    `again`: an earlier run of the job saved the answer and died before both replies were recorded;
    each reply is then looked for in the thread (by the ids its metadata carries) before posting."""

    answer_id: int
    check: AnswerCheck
    question: FollowUpQuestion
    follow_up_id: int
    offer: bool  # "Save as story" goes on the check reply
    check_ts: str | None = None  # the check reply, when already recorded
    asked_ts: str | None = None  # the follow-up, when already recorded
    again: bool = False


def prepare_follow_up(session: Session, asked: Prompt, answer: Answer, *, now: datetime) -> NewAnswer:
    """Check the answer, choose its follow-up (seeded by the answer's own id, so a retry says the
    same), and write both down before anything is posted."""
    check = check_answer(
        answer.text, principle=asked.principle, question=asked.question_text, focus=asked.focus
    )
    question = follow_up_for(
        check, principle=asked.principle, seed=f"{answer.channel_id}:{answer.message_ts}"
    )
    offer = asked.principle is not None and answers.worth_a_story(check)
    if offer:
        answer.story_offered_at = now
    follow_up_id = follow_ups.ask(session, answer, question, now=now).id
    return NewAnswer(answer.id, check, question, follow_up_id, offer)


def unfinished(session: Session, asked: Prompt, *, channel: str, ts: str) -> NewAnswer | None:
    """The answer at `ts`, if a run of this job saved it but did not record both replies."""
    answer = answers.answer_at(session, channel=channel, ts=ts)
    follow_up = follow_ups.of_answer(session, answer.id) if answer is not None else None
    if answer is None or follow_up is None or (answer.check_ts and follow_up.asked_ts):
        return None
    check = check_answer(
        answer.text, principle=asked.principle, question=asked.question_text, focus=asked.focus
    )
    question = FollowUpQuestion(aim=follow_up.aim, text=follow_up.question)
    offer = answer.story_offered_at is not None
    return NewAnswer(
        answer.id, check, question, follow_up.id, offer, answer.check_ts, follow_up.asked_ts, again=True
    )


def ask_follow_up(deps: Deps, channel: str, thread_ts: str, new: NewAnswer) -> None:
    """The check reply (with "Save as story" when offered), then the interviewer's follow-up; each
    carries its answer's or follow-up's id in metadata, so a job run again finds it in the thread."""
    client = deps.slack
    check_ts = new.check_ts or (posted_reply(client, channel, thread_ts, CHECK_EVENT, new.answer_id) if new.again else None)
    if check_ts is None:
        check_ts = str(
            client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                metadata={"event_type": CHECK_EVENT, "event_payload": {"id": new.answer_id}},
                **check_reply(new.check, new.answer_id if new.offer else None),
            )["ts"]
        )
    asked_ts = new.asked_ts or (
        posted_reply(client, channel, thread_ts, FOLLOW_UP_EVENT, new.follow_up_id) if new.again else None
    )
    if asked_ts is None:
        asked_ts = str(
            client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                metadata={"event_type": FOLLOW_UP_EVENT, "event_payload": {"id": new.follow_up_id}},
                **follow_up_message(new.question),
            )["ts"]
        )
    with deps.sessions.begin() as session:
        saved = session.get(Answer, new.answer_id)
        if saved is not None:
            saved.check_ts = check_ts
            if new.offer:
                saved.story_offer_ts = saved.check_ts
        follow_ups.posted(session, new.follow_up_id, asked_ts)


def posted_reply(client: WebClient, channel: str, thread_ts: str, event_type: str, ident: int) -> str | None:
    """The ts of the bot's reply of this kind for this id, if an earlier run posted it; else None."""
    try:
        replies = client.conversations_replies(
            channel=channel, ts=thread_ts, include_all_metadata=True, limit=200
        )
    except SlackApiError as error:
        logger.info("could not read the thread (%s); posting the reply", error.response.get("error"))
        return None
    messages: list[dict[str, Any]] = replies.get("messages", [])
    for message in messages:
        metadata = message.get("metadata") or {}
        if metadata.get("event_type") == event_type and (metadata.get("event_payload") or {}).get("id") == ident:
            return str(message["ts"])
    return None


def acknowledge(client: WebClient, channel: str, ts: str) -> None:
    try:
        client.reactions_add(channel=channel, timestamp=ts, name=ACK_REACTION)
    except SlackApiError as error:
        if error.response.get("error") != "already_reacted":
            raise


def on_edited(deps: Deps, team: str, event: dict[str, Any]) -> None:
    message = event.get("message") or {}
    channel, ts, user = event.get("channel"), message.get("ts"), message.get("user")
    if not (channel and ts and user):
        return
    text, now = clean(message.get("text") or ""), deps.clock.now()
    with deps.sessions.begin() as session:
        answer = answers.edit(session, team=team, channel=channel, ts=ts, user=user, text=text, now=now)
        if answer is not None:
            updates = recheck(session, answer, now=now)
        else:
            updates = edited_follow_up(
                session, team=team, channel=channel, ts=ts, user=user, text=text, now=now
            )
    for message_ts, body in updates:
        deps.slack.chat_update(channel=channel, ts=message_ts, **body)


Update = tuple[str, dict[str, Any]]  # a bot message's ts, and what it should now say


def edited_follow_up(
    session: Session, *, team: str, channel: str, ts: str, user: str, text: str, now: datetime
) -> list[Update]:
    edited = follow_ups.edit_reply(session, team=team, channel=channel, ts=ts, user=user, text=text, now=now)
    if edited is None or not edited[0].check_ts:
        return []
    return [(edited[0].check_ts, follow_up_check_reply(edited[1]))]


def recheck(session: Session, answer: Answer, *, now: datetime) -> list[Update]:
    """The updates an edited answer needs: its check reply, and the follow-up when it is no longer
    aimed at the weakest part and has not been answered yet."""
    asked = session.get_one(Prompt, answer.prompt_id)
    check = check_answer(
        answer.text, principle=asked.principle, question=asked.question_text, focus=asked.focus
    )
    offered_here = answer.story_offer_ts is not None and answer.story_offer_ts == answer.check_ts
    if not offered_here and answer.check_ts and asked.principle and answers.worth_a_story(check):
        offered_here = answers.claim_story_offer(session, answer.id, now=now)
        if offered_here:
            answer.story_offer_ts = answer.check_ts
    updates: list[Update] = []
    if answer.check_ts:
        updates.append((answer.check_ts, check_reply(check, answer.id if offered_here else None)))
    question = follow_up_for(
        check, principle=asked.principle, seed=f"{answer.channel_id}:{answer.message_ts}"
    )
    changed = follow_ups.reaim(session, answer, question)
    if changed is not None and changed.asked_ts:
        updates.append((changed.asked_ts, follow_up_message(question)))
    return updates


def on_deleted(deps: Deps, team: str, event: dict[str, Any]) -> None:
    client = deps.slack
    channel, previous = event.get("channel"), event.get("previous_message") or {}
    ts = event.get("deleted_ts") or previous.get("ts")
    if not (channel and ts):
        return
    with deps.sessions.begin() as session:
        author = previous.get("user")
        found = answers.find_answer(session, team=team, channel=channel, ts=ts)
        gone: tuple[str, ...] = ()
        if found is not None:
            gone = answers.bot_replies(session, found[0])
            if answers.remove(session, team=team, channel=channel, ts=ts, author=author) is None:
                gone = ()  # not the answer's author
        else:
            check_ts = follow_ups.remove_reply(session, team=team, channel=channel, ts=ts, author=author)
            if check_ts is None:
                answers.remove(session, team=team, channel=channel, ts=ts, author=author)  # feedback, if any
            gone = (check_ts,) if check_ts else ()
    for bot_ts in gone:
        try:
            client.chat_delete(channel=channel, ts=bot_ts)
        except SlackApiError as error:
            logger.info("could not delete the bot's reply: %s", error.response.get("error"))
