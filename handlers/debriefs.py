"""The one-tap debrief after an interview: a face for how it went, a modal for the questions asked.

Listeners acknowledge at once; the work (and the modal, opened with the button's trigger_id) runs
as a job. Only the candidate the debrief was sent to can fill it in; a reviewer who taps is told so.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.loop_day import (
    DEBRIEF_FORM,
    DEBRIEF_HOW,
    DEBRIEF_QUESTIONS,
    debrief_form,
    debrief_message,
    prompt_id_of,
    read_debrief_form,
)
from bot.deps import Deps
from bot.models import Candidate, Debrief
from bot.parsing import InputError
from bot.services import debriefs
from bot.services.candidates import Who, find_candidate
from handlers.background import later
from handlers.modals import save_submission
from handlers.people import who_interacted
from handlers.reply import respond_text

TAPPED = re.compile(rf"^{DEBRIEF_HOW}[1-5]$")


def register(app: App) -> None:
    app.action(TAPPED)(on_how)
    app.action(DEBRIEF_QUESTIONS)(on_questions)
    app.view(DEBRIEF_FORM)(on_questions_submitted)


def message_of(body: dict[str, Any]) -> tuple[str, str]:
    """The channel and ts of the message the button sits on."""
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id") or ""
    return str(channel), str(container.get("message_ts") or (body.get("message") or {}).get("ts") or "")


def on_how(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    who = who_interacted(body, context)
    action = (body.get("actions") or [{}])[0]
    score = int(str(action.get("action_id", ""))[len(DEBRIEF_HOW) :] or 0)
    channel, ts = message_of(body)
    later(
        context,
        body,
        record_how,
        who.team_id,
        who.user_id,
        channel,
        ts,
        score,
        str(body.get("response_url", "")),
    )


def record_how(
    deps: Deps, team_id: str, user_id: str, channel: str, ts: str, score: int, response_url: str
) -> None:
    try:
        with deps.sessions.begin() as session:
            candidate = find_candidate(session, Who(team_id, user_id))
            prompt = debriefs.debrief_prompt(
                session, candidate, prompt_id=debriefs.prompt_at(session, channel, ts)
            )
            shown = shown_now(debriefs.record_how(session, prompt, score, now=deps.clock.now()))
    except InputError as error:
        respond_text({"response_url": response_url}, str(error))
        return
    deps.slack.chat_update(channel=channel, ts=ts, **shown)


def shown_now(debrief: Debrief) -> dict[str, Any]:
    return debrief_message(debrief.interviewer, debrief.how_it_went, debrief.questions)


def on_questions(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    ack()
    who = who_interacted(body, context)
    channel, ts = message_of(body)
    trigger, url = str(body.get("trigger_id", "")), str(body.get("response_url", ""))
    later(context, body, open_questions_form, who.team_id, who.user_id, channel, ts, trigger, url)


def open_questions_form(
    deps: Deps, team_id: str, user_id: str, channel: str, ts: str, trigger_id: str, response_url: str
) -> None:
    try:
        with deps.sessions.begin() as session:
            candidate = find_candidate(session, Who(team_id, user_id))
            prompt = debriefs.debrief_prompt(
                session, candidate, prompt_id=debriefs.prompt_at(session, channel, ts)
            )
            debrief = debriefs.debrief_of(session, prompt, now=deps.clock.now())
            view = debrief_form(debrief.interviewer, debrief.questions, prompt.id)
    except InputError as error:
        respond_text({"response_url": response_url}, str(error))
        return
    deps.slack.views_open(trigger_id=trigger_id, view=view)


def on_questions_submitted(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    prompt_id = prompt_id_of(body["view"].get("private_metadata", "")) or 0

    def save(session: Session, candidate: Candidate, questions: str, now: datetime) -> tuple[str, str]:
        prompt = debriefs.debrief_prompt(session, candidate, prompt_id=prompt_id)
        debriefs.record_questions(session, prompt, questions, now=now)
        return prompt.channel_id or "", prompt.message_ts or ""

    submitted = save_submission(ack, body, context, read_debrief_form, save, error_block="questions")
    if submitted:
        _, _, (channel, ts) = submitted
        later(context, body, refresh_debrief, prompt_id, channel, ts)


def refresh_debrief(deps: Deps, prompt_id: int, channel: str, ts: str) -> None:
    """The debrief message shows what was noted, so the candidate sees it was kept."""
    if not (channel and ts):
        return
    with deps.sessions.begin() as session:
        debrief = session.scalars(select(Debrief).where(Debrief.prompt_id == prompt_id)).one_or_none()
        shown = shown_now(debrief) if debrief else None
    if shown:
        deps.slack.chat_update(channel=channel, ts=ts, **shown)
