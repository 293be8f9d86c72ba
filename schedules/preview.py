"""`tick --dry-run`: what a tick would send at an instant, as text, with nothing sent or saved.

The morning is planned by the same code as a real tick, inside a transaction that is rolled
back: the preview cannot drift from what the clock would really do.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.deps import Deps
from bot.models import Candidate, Prompt, Reviewer
from bot.services.morning import plan_mornings


@dataclass(frozen=True)
class PreviewMessage:
    user_id: str
    reviewers: tuple[str, ...]
    kind: str
    local_date: date
    text: str


def preview(deps: Deps) -> list[PreviewMessage]:
    now = deps.clock.now()
    with deps.sessions() as session:
        session.begin()
        try:
            waiting = list(session.scalars(select(Prompt).where(Prompt.status == "pending")))
            due = session.scalars(
                select(Candidate).where(Candidate.next_prompt_at <= now).order_by(Candidate.next_prompt_at)
            ).all()
            planned = plan_mornings(session, due, now=now)
            return [describe(session, row) for row in [*waiting, *planned]]
        finally:
            session.rollback()


def describe(session: Session, row: Prompt) -> PreviewMessage:
    candidate = session.get_one(Candidate, row.candidate_id)
    reviewers = session.scalars(
        select(Reviewer.user_id).where(Reviewer.candidate_id == candidate.id).order_by(Reviewer.user_id)
    )
    return PreviewMessage(
        user_id=candidate.user_id,
        reviewers=tuple(reviewers),
        kind=row.kind,
        local_date=row.local_date,
        text=str((row.payload or {}).get("text", "")),
    )


def preview_text(messages: list[PreviewMessage], at: datetime) -> str:
    count = f"{len(messages)} message{'s' if len(messages) != 1 else ''}"
    lines = [f"Dry run at {at.isoformat()}: {count} would be sent. Nothing was sent or saved."]
    for message in messages:
        audience = f" with reviewers {', '.join(message.reviewers)}" if message.reviewers else ""
        lines += ["", f"To {message.user_id}{audience} · {message.kind} · {message.local_date.isoformat()}"]
        lines += [textwrap.indent(message.text, "  ")]
    return "\n".join(lines)
