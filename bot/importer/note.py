"""What a prep note holds once read, and its JSON form: the dry run's output and the pending import."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.parsing import InputError

MAX_NOTE_BYTES = 1_000_000


class NoteError(InputError):
    """A note that cannot be imported; the message says why."""


@dataclass
class ImportedInterview:
    interviewer: str
    principles: list[str]
    focus: str | None = None
    at: datetime | None = None  # local wall-clock time, when the note gives one


@dataclass
class ImportedQuestion:
    principle: str | None
    text: str
    focus: str | None = None
    hint: str | None = None


@dataclass
class ImportedStory:
    title: str
    principles: list[str]
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    learning: str = ""
    metrics: str = ""
    notes: str = ""


@dataclass
class ImportedNote:
    loop_date: date | None = None
    interviews: list[ImportedInterview] = field(default_factory=list)
    questions: list[ImportedQuestion] = field(default_factory=list)
    stories: list[ImportedStory] = field(default_factory=list)


STORY_TEXTS = ("situation", "task", "action", "result", "learning", "notes")


def as_json(note: ImportedNote) -> dict[str, Any]:
    """The shape `python -m bot import NOTE --dry-run --json` prints (a public interface: keep it)."""
    return {
        "loop_date": note.loop_date.isoformat() if note.loop_date else None,
        "interviews": [
            {
                "interviewer": i.interviewer,
                "principles": list(i.principles),
                "focus": i.focus,
                "at": i.at.isoformat(timespec="minutes") if i.at else None,
            }
            for i in note.interviews
        ],
        "questions": [
            {"principle": q.principle, "focus": q.focus, "text": q.text, "hint": q.hint}
            for q in note.questions
        ],
        "stories": [
            {"title": s.title, "principles": list(s.principles), **{f: getattr(s, f) for f in STORY_TEXTS}}
            for s in note.stories
        ],
    }


def stored(note: ImportedNote) -> dict[str, Any]:
    """The JSON form plus what it leaves out (a story's metrics), for a pending import."""
    data = as_json(note)
    for story, imported in zip(data["stories"], note.stories, strict=True):
        story["metrics"] = imported.metrics
    return data


def from_stored(data: dict[str, Any]) -> ImportedNote:
    return ImportedNote(
        loop_date=date.fromisoformat(data["loop_date"]) if data.get("loop_date") else None,
        interviews=[
            ImportedInterview(
                str(i["interviewer"]),
                [str(p) for p in i["principles"]],
                i.get("focus"),
                datetime.fromisoformat(i["at"]) if i.get("at") else None,
            )
            for i in data.get("interviews", [])
        ],
        questions=[
            ImportedQuestion(q.get("principle"), str(q["text"]), q.get("focus"), q.get("hint"))
            for q in data.get("questions", [])
        ],
        stories=[
            ImportedStory(
                title=str(s["title"]),
                principles=[str(p) for p in s["principles"]],
                metrics=str(s.get("metrics") or ""),
                **{f: str(s.get(f) or "") for f in STORY_TEXTS},
            )
            for s in data.get("stories", [])
        ],
    )


def moved_to(note: ImportedNote, loop_date: date | None) -> ImportedNote:
    """The note with another loop date (or none): interviews timed on the old loop day move with it."""
    interviews = []
    for interview in note.interviews:
        at = interview.at
        if at is not None and note.loop_date is not None and at.date() == note.loop_date:
            at = datetime.combine(loop_date, at.time()) if loop_date else None
        interviews.append(
            ImportedInterview(interview.interviewer, list(interview.principles), interview.focus, at)
        )
    return ImportedNote(loop_date, interviews, list(note.questions), list(note.stories))
