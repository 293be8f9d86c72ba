"""Modal submissions: errors go back into the modal; success is confirmed in the person's DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.blocks import replies
from bot.blocks.forms import INTERVIEW_FORM, FormErrors, read_interview_form
from bot.deps import Deps
from bot.parsing import InputError
from bot.services import interviews
from bot.services.candidates import Who, candidate_for
from handlers.background import later
from handlers.home import confirm_in_dm
from handlers.people import deps_of, ensure_timezone, who_interacted


def register(app: App) -> None:
    app.view(INTERVIEW_FORM)(on_interview_submitted)


def on_interview_submitted(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    # Validation happens before ack: a modal's errors can only be shown in the ack itself.
    try:
        command = read_interview_form(body["view"]["state"]["values"])
    except FormErrors as invalid:
        ack(response_action="errors", errors=invalid.errors)
        return
    deps = deps_of(context)
    who = who_interacted(body, context)
    now = deps.clock.now()
    try:
        with deps.sessions.begin() as session:
            row = interviews.add_interview(session, candidate_for(session, who, now=now), command, now=now)
    except InputError as error:
        ack(response_action="errors", errors={"day": str(error)})
        return
    ack()
    later(context, body, confirm_interview, who, replies.interview_added(row))


def confirm_interview(deps: Deps, who: Who, text: str) -> None:
    ensure_timezone(deps, who)
    confirm_in_dm(deps, who, text)
