"""A note shared in Slack waits here, read and previewed, until its candidate presses Import or
Cancel. Each press moves it out of pending once (compare and set), in the same transaction as the
import itself: a second click, a Slack retry or another person's click finds nothing to do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.importer import ImportedNote, from_stored, stored
from bot.importer.note import moved_to
from bot.models import ImportState, PendingImport
from bot.services.candidates import Who, candidate_for
from bot.services.importing import ImportSummary, import_note, loop_passed, preview_note


@dataclass(frozen=True)
class Preview:
    pending_id: int
    summary: ImportSummary
    note: ImportedNote
    loop_passed: bool  # the note's loop date is behind us: ask for the coming one


def hold(
    session: Session, who: Who, name: str, note: ImportedNote, *, now: datetime, tz: str | None
) -> Preview:
    """Keep the note for the buttons, and say what importing it would change (nothing is changed).
    `tz` is the person's zone, to tell whether the note's loop date has passed."""
    pending = PendingImport(
        team_id=who.team_id,
        user_id=who.user_id,
        file_name=name[:200],
        note=stored(note),
        state=ImportState.PENDING,
        created_at=now,
    )
    session.add(pending)
    session.flush()
    passed = loop_passed(note, tz, now=now)
    shown = moved_to(note, None) if passed else note
    summary = preview_note(session, who, shown, now=now)
    return Preview(pending.id, summary, note, passed)


def remember_message(session: Session, pending_id: int, channel: str, ts: str) -> None:
    session.execute(
        update(PendingImport).where(PendingImport.id == pending_id).values(channel_id=channel, message_ts=ts)
    )


def claim(
    session: Session, who: Who, pending_id: int, state: ImportState, *, now: datetime
) -> PendingImport | None:
    """Move the candidate's own pending note to `state`; None if it is not theirs or no longer pending."""
    moved = session.execute(
        update(PendingImport)
        .where(
            PendingImport.id == pending_id,
            PendingImport.team_id == who.team_id,
            PendingImport.user_id == who.user_id,
            PendingImport.state == ImportState.PENDING,
        )
        .values(state=state, decided_at=now)
        .execution_options(synchronize_session=False)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.scalars(select(PendingImport).where(PendingImport.id == pending_id)).one()


def apply(
    session: Session,
    who: Who,
    pending_id: int,
    *,
    now: datetime,
    loop_date: date | None = None,
    tz: str | None = None,
) -> tuple[PendingImport, ImportSummary] | None:
    """Import the pending note, with the coming loop date if one was picked (a past one is left out).
    `tz` is the person's zone as Slack gave it, kept if we had none."""
    pending = claim(session, who, pending_id, ImportState.IMPORTED, now=now)
    if pending is None:
        return None
    note = from_stored(pending.note)
    candidate = candidate_for(session, who, now=now)
    candidate.tz = candidate.tz or tz
    if loop_date is not None:
        note = moved_to(note, loop_date)
    elif loop_passed(note, candidate.tz, now=now):
        note = moved_to(note, None)
    return pending, import_note(session, candidate, note, now=now)


def cancel(session: Session, who: Who, pending_id: int, *, now: datetime) -> PendingImport | None:
    return claim(session, who, pending_id, ImportState.CANCELLED, now=now)
