"""Modal submissions: errors go back into the modal; success is confirmed in the person's DM."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from sqlalchemy.orm import Session

from bot.blocks import replies
from bot.blocks.forms import INTERVIEW_FORM, read_interview_form
from bot.commands import AddInterview
from bot.deps import Deps
from bot.models import Candidate
from bot.services import interviews
from bot.services.candidates import Who
from bot.services.interviews import InterviewRow
from handlers.background import later
from handlers.home import confirm_in_dm
from handlers.modals import save_submission
from handlers.people import ensure_timezone


def register(app: App) -> None:
    app.view(INTERVIEW_FORM)(on_interview_submitted)


def on_interview_submitted(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    def save(session: Session, candidate: Candidate, command: AddInterview, now: datetime) -> InterviewRow:
        return interviews.add_interview(session, candidate, command, now=now)

    submitted = save_submission(ack, body, context, read_interview_form, save, error_block="day")
    if submitted:
        who, _, row = submitted
        later(context, body, confirm_interview, who, replies.interview_added(row))


def confirm_interview(deps: Deps, who: Who, text: str) -> None:
    ensure_timezone(deps, who)
    confirm_in_dm(deps, who, text)
