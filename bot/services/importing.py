"""Importing a parsed prep note into a candidate's loop: previewed first, then applied all or
nothing, idempotent."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.importer import ImportedNote, ImportedQuestion, ImportedStory
from bot.models import Candidate, Interview, Question, Story
from bot.plan import local_today
from bot.principles import normalise
from bot.services.candidates import Who, candidate_for
from bot.services.questions import text_key
from bot.services.schedule import reschedule


@dataclass(frozen=True)
class Tally:
    new: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True)
class ImportSummary:
    loop_date: date | None
    loop_changed: bool
    loop_passed: bool
    interviews: Tally
    questions: Tally
    stories: Tally

    @property
    def changed_anything(self) -> bool:
        return self.loop_changed or any(
            t.new or t.updated for t in (self.interviews, self.questions, self.stories)
        )


def loop_passed(note: ImportedNote, candidate_tz: str | None, *, now: datetime) -> bool:
    return note.loop_date is not None and note.loop_date < local_today(now, candidate_tz)


def import_note(
    session: Session, candidate: Candidate, note: ImportedNote, *, now: datetime
) -> ImportSummary:
    loop_changed = note.loop_date is not None and note.loop_date != candidate.loop_date
    if loop_changed:
        candidate.loop_date = note.loop_date
    interviews = import_interviews(candidate, note, now=now)
    questions = import_questions(session, candidate, note.questions, now=now)
    stories = import_stories(session, candidate, note.stories, now=now)
    session.flush()
    reschedule(session, candidate, now=now)
    passed = candidate.loop_date is not None and candidate.loop_date < local_today(now, candidate.tz)
    return ImportSummary(candidate.loop_date, loop_changed, passed, interviews, questions, stories)


def preview_note(session: Session, who: Who, note: ImportedNote, *, now: datetime) -> ImportSummary:
    """What importing would change, found by importing inside a savepoint and rolling it back
    (the candidate too, if this is their first note): the preview cannot disagree with the import."""
    savepoint = session.begin_nested()
    try:
        return import_note(session, candidate_for(session, who, now=now), note, now=now)
    finally:
        savepoint.rollback()


def import_interviews(candidate: Candidate, note: ImportedNote, *, now: datetime) -> Tally:
    """Matched to existing interviews by interviewer name; their principles, focus and time follow the note."""
    existing = {normalise(i.interviewer): i for i in candidate.interviews}
    new = updated = unchanged = 0
    for imported in note.interviews:
        interview = existing.get(normalise(imported.interviewer))
        if interview is None:
            interview = Interview(
                position=max((i.position for i in candidate.interviews), default=0) + 1,
                interviewer=imported.interviewer,
                principles=imported.principles,
                focus=imported.focus,
                scheduled_at=imported.at,
                created_at=now,
            )
            candidate.interviews.append(interview)
            existing[normalise(imported.interviewer)] = interview
            new += 1
        elif (
            interview.principles != imported.principles
            or interview.focus != imported.focus
            or (imported.at is not None and interview.scheduled_at != imported.at)
        ):
            interview.principles, interview.focus = list(imported.principles), imported.focus
            interview.scheduled_at = imported.at or interview.scheduled_at
            updated += 1
        else:
            unchanged += 1
    return Tally(new, updated, unchanged)


def import_questions(
    session: Session, candidate: Candidate, imported: list[ImportedQuestion], *, now: datetime
) -> Tally:
    """New questions are added; a question already there only takes the note's hint, if it has one."""
    keys = [text_key(q.text) for q in imported]
    found = {
        q.text_key: q
        for q in session.scalars(
            select(Question).where(Question.candidate_id == candidate.id, Question.text_key.in_(set(keys)))
        )
    }
    new = updated = unchanged = 0
    for question, key in zip(imported, keys, strict=True):
        existing = found.get(key)
        if existing is None:
            existing = Question(
                candidate_id=candidate.id,
                principle=question.principle,
                focus=question.focus,
                text=question.text.strip(),
                hint=question.hint,
                text_key=key,
                source="import",
                created_at=now,
            )
            session.add(existing)
            found[key] = existing
            new += 1
        elif question.hint and existing.hint != question.hint:
            existing.hint = question.hint
            updated += 1
        else:
            unchanged += 1
    return Tally(new, updated, unchanged)


def story_key(story: ImportedStory) -> str:
    first = story.principles[0] if story.principles else ""
    return hashlib.sha256(f"{normalise(first)}|{normalise(story.title)}".encode()).hexdigest()


STORY_FIELDS = ("title", "situation", "task", "action", "result", "learning", "metrics", "notes")


def import_stories(
    session: Session, candidate: Candidate, imported: list[ImportedStory], *, now: datetime
) -> Tally:
    new = updated = unchanged = 0
    for story in imported:
        key = story_key(story)
        found = session.scalars(
            select(Story).where(Story.candidate_id == candidate.id, Story.import_key == key)
        ).one_or_none()
        if found is None:
            session.add(
                Story(
                    candidate_id=candidate.id,
                    import_key=key,
                    principles=story.principles,
                    created_at=now,
                    updated_at=now,
                    **{f: getattr(story, f) for f in STORY_FIELDS},
                )
            )
            session.flush()
            new += 1
        elif (
            any(getattr(found, f) != getattr(story, f) for f in STORY_FIELDS)
            or found.principles != story.principles
        ):
            for f in STORY_FIELDS:
                setattr(found, f, getattr(story, f))
            found.principles, found.updated_at = list(story.principles), now
            updated += 1
        else:
            unchanged += 1
    return Tally(new, updated, unchanged)
