"""Reading a candidate's Markdown prep note, whatever its layout. Pure.

markdown-it-py parses the note (outline.py turns its tree into an outline), and reader.py
interprets it: principle sections, questions and their hints, STAR stories, interviews and the
loop date. Generous about layout, strict about meaning: what is no principle (an interview's
"+ coding (arrays)") is left out rather than refused, and only a note with nothing recognisable in
it is refused, with the reason. Dates written without a year need `today` to be read.
"""

from __future__ import annotations

from datetime import date

from bot.importer.dates import find_loop_date
from bot.importer.note import (
    MAX_NOTE_BYTES,
    ImportedInterview,
    ImportedNote,
    ImportedQuestion,
    ImportedStory,
    NoteError,
    as_json,
    from_stored,
    stored,
)
from bot.importer.outline import front_matter, outline, prepare
from bot.importer.questions import story_reference
from bot.importer.reader import Reader
from bot.importer.stories import normalise_title
from bot.parsing import clean
from bot.principles import normalise

__all__ = [
    "MAX_NOTE_BYTES",
    "ImportedInterview",
    "ImportedNote",
    "ImportedQuestion",
    "ImportedStory",
    "NoteError",
    "as_json",
    "from_stored",
    "parse_note",
    "stored",
]

NOTHING_FOUND = (
    "I couldn't find any interviews (“Interviewer: NAME” with its principles), questions under a "
    "principle (a heading or label such as “## Ownership”), or STAR stories (“Situation: … Action: … "
    "Result: …”) in that file, so nothing was imported."
)


def parse_note(text: str, *, today: date | None = None) -> ImportedNote:
    """The note read. `today` (the reader's local date) gives a year to dates written without one
    ("Loop: Tue 3/17" is the next 17 March on or after it); without it they are not read."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_NOTE_BYTES:
        raise NoteError("That note is over 1 MB; a prep note is a few pages of Markdown.")
    text = clean(text)
    front = front_matter(text)
    text = prepare(text)
    reader = Reader(text.split("\n"))
    note = reader.read(outline(text))
    note.loop_date = find_loop_date(f"{front}\n{text}" if front else text, today)
    seen: set[str] = set()
    for draft in reader.interview_drafts:
        interview = draft.finish(note.loop_date)
        if interview and normalise(interview.interviewer) not in seen:
            seen.add(normalise(interview.interviewer))
            note.interviews.append(interview)
    apply_story_map(note, reader.story_map)
    name_stories_in_hints(note, reader.story_labels)
    if not (note.interviews or note.questions or note.stories):
        problems = [problem for draft in reader.interview_drafts for problem in draft.problems]
        raise NoteError(" ".join([NOTHING_FOUND, *(f"({problem}.)" for problem in problems[:3])]))
    return note


def name_stories_in_hints(note: ImportedNote, labels: dict[str, str]) -> None:
    """A hint that points to a story ("(Story A)", "→ latency story") also names it, as titled."""
    titles = [story.title for story in note.stories]
    for question in note.questions:
        title = story_reference(question.hint, titles, labels) if question.hint else None
        if title and question.hint:
            question.hint = f"{question.hint} ({title})"[:1000]


def apply_story_map(note: ImportedNote, mapping: list[tuple[str, list[str]]]) -> None:
    """A table or list that maps story titles to principles tags the stories it names."""
    for title, principles in mapping:
        key = normalise_title(title)
        if not key or not principles:
            continue
        for story in note.stories:
            own = normalise_title(story.title)
            if own and (own == key or (min(len(own), len(key)) >= 8 and (own in key or key in own))):
                story.principles = list(dict.fromkeys(story.principles + principles))
