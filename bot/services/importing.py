"""Importing a parsed prep note into a candidate's loop: idempotent, all or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.importer import ImportedNote, ImportedStory
from bot.models import Candidate, Interview, Story
from bot.plan import local_today
from bot.principles import normalise
from bot.services.questions import add_question
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


def import_note(
    session: Session, candidate: Candidate, note: ImportedNote, *, now: datetime
) -> ImportSummary:
    loop_changed = note.loop_date is not None and note.loop_date != candidate.loop_date
    if loop_changed:
        candidate.loop_date = note.loop_date
    interviews = import_interviews(candidate, note, now=now)
    question_results = [
        add_question(session, candidate, principle, text, now=now, source="import")
        for principle, text in note.questions
    ]
    questions = Tally(new=sum(question_results), unchanged=len(question_results) - sum(question_results))
    stories = import_stories(session, candidate, note.stories, now=now)
    session.flush()
    reschedule(session, candidate, now=now)
    loop_passed = candidate.loop_date is not None and candidate.loop_date < local_today(now, candidate.tz)
    return ImportSummary(candidate.loop_date, loop_changed, loop_passed, interviews, questions, stories)


def import_interviews(candidate: Candidate, note: ImportedNote, *, now: datetime) -> Tally:
    """Matched to existing interviews by interviewer name; their principles and focus follow the note."""
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
                created_at=now,
            )
            candidate.interviews.append(interview)
            existing[normalise(imported.interviewer)] = interview
            new += 1
        elif interview.principles != imported.principles or interview.focus != imported.focus:
            interview.principles, interview.focus = list(imported.principles), imported.focus
            updated += 1
        else:
            unchanged += 1
    return Tally(new, updated, unchanged)


def story_key(story: ImportedStory) -> str:
    first = story.principles[0] if story.principles else ""
    return hashlib.sha256(f"{normalise(first)}|{normalise(story.title)}".encode()).hexdigest()


STORY_FIELDS = ("title", "situation", "task", "action", "result", "metrics", "notes")


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
