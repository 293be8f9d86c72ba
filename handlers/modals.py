"""Saving a modal's submission: errors go back into the modal, since only the ack can show them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from slack_bolt import Ack, BoltContext
from sqlalchemy.orm import Session

from bot.blocks.forms import FormErrors
from bot.models import Candidate
from bot.parsing import InputError
from bot.services.candidates import Who, candidate_for
from handlers.people import deps_of, who_interacted

Values = TypeVar("Values")
Saved = TypeVar("Saved")


def save_submission(
    ack: Ack,
    body: dict[str, Any],
    context: BoltContext,
    read: Callable[[dict[str, Any]], Values],
    save: Callable[[Session, Candidate, Values, datetime], Saved],
    *,
    error_block: str,
) -> tuple[Who, Values, Saved] | None:
    """Read, save and acknowledge a submission; None when it was refused inside the modal.

    `read` checks the form on its own (FormErrors, by block); `save` checks what needs the
    candidate's data (InputError, shown on `error_block`). Nothing is saved unless both pass.
    """
    try:
        values = read(body["view"]["state"]["values"])
    except FormErrors as invalid:
        ack(response_action="errors", errors=invalid.errors)
        return None
    deps = deps_of(context)
    who = who_interacted(body, context)
    now = deps.clock.now()
    try:
        with deps.sessions.begin() as session:
            saved = save(session, candidate_for(session, who, now=now), values, now)
    except InputError as error:
        ack(response_action="errors", errors={error_block: str(error)})
        return None
    ack()
    return who, values, saved
