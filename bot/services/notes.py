"""Sections of the candidate's prep note kept for the loop day ("Why Amazon?", questions to ask):
what the importer stores, and what the loop-day kit reads (bot/services/kit.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Candidate, CandidateNote

MAX_TITLE = 150


def save_note(
    session: Session, candidate: Candidate, *, kind: str, title: str, text: str, now: datetime
) -> bool:
    """Keep a section under its kind and title; the same section again changes nothing. True when
    something was added or changed."""
    title = " ".join(title.split())[:MAX_TITLE]
    found = session.scalars(
        select(CandidateNote).where(
            CandidateNote.candidate_id == candidate.id,
            CandidateNote.kind == kind,
            CandidateNote.title == title,
        )
    ).one_or_none()
    if found is None:
        session.add(
            CandidateNote(
                candidate_id=candidate.id, kind=kind, title=title, text=text, created_at=now, updated_at=now
            )
        )
        session.flush()
        return True
    if found.text == text:
        return False
    found.text, found.updated_at = text, now
    return True
