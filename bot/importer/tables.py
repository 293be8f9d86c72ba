"""Tables in a note: interviewer → principles, questions by principle, story → principles, and
stories with a column per STAR part."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.importer.interviews import InterviewDraft, clean_name, focus_label
from bot.importer.note import ImportedQuestion
from bot.importer.questions import question_parts
from bot.importer.stories import CORE, StoryDraft, part_of
from bot.importer.words import principles_in, principles_named, reads_as_question, undecorate
from bot.principles import normalise

if TYPE_CHECKING:
    from bot.importer.reader import Reader

TICKS = re.compile(r"^\s*(?:[xX✓✔✅☑️*+]|yes|y|true|✓✓)\s*$")


def column(header: list[str], *words: str) -> int | None:
    for index, cell in enumerate(header):
        key = normalise(cell)
        if any(re.search(rf"\b{word}", key) for word in words):
            return index
    return None


def read_table(reader: Reader, rows: list[list[str]]) -> None:
    if len(rows) < 2:
        return
    header, body = rows[0], rows[1:]
    person = column(header, "interviewer", "who", "name", "person")
    principles = column(header, "principle", r"lps?\b", "competenc", "leadership")
    question = column(header, "question", "prompt", "q$")
    story = column(header, "story", "stories", "title", "example", "project")
    if person is not None and principles is None and question is None:
        principles = listing_principles(body, exclude=person)  # "| Who | Focus |" with LPs under Focus
    if person is None and principles is not None and question is None and story is None:
        person = naming_people(body, exclude=principles)  # "| Hora | Nombre | LPs |": any language
    if person is not None and principles is not None and question is None:
        interviews(reader, header, body, person, principles)
    elif question is not None:
        questions(reader, header, body, question, principles)
    elif story is not None and sum(part_of(normalise(h)) in CORE for h in header) >= 2:
        star_rows(reader, header, body, story, principles)
    elif story is not None and principles is not None:
        reader.story_map += [
            (row[story], principles_in(row[principles])) for row in body if len(row) > max(story, principles)
        ]
    elif story is not None:
        matrix(reader, header, body, story)
    elif reader.principles() and not reader.skipping():
        for row in body:  # a table of questions without a header that says so
            if row and reads_as_question(row[0]):
                add_question(
                    reader, row[0], reader.principles()[0], " · ".join(c for c in row[1:] if c.strip())
                )


def listing_principles(body: list[list[str]], *, exclude: int) -> int | None:
    """The column whose cells, in most rows, list principles and nothing else."""
    width = max((len(row) for row in body), default=0)
    for index in range(width):
        listed = sum(bool(principles_in(cell(row, index))) for row in body)
        if index != exclude and listed * 2 > len(body):
            return index
    return None


PERSON = re.compile(r"^[^\W\d_]+(?:[ '’.-][^\W\d_]+){1,3}$")  # "Elena Vasquez", "Jean-Luc O’Neil"


def naming_people(body: list[list[str]], *, exclude: int) -> int | None:
    """The column whose cells, in most rows, read as a person's name (two to four words, no digits),
    once a role in brackets is set aside: for headers in words we do not know."""
    width = max((len(row) for row in body), default=0)
    for index in range(width):
        named = 0
        for row in body:
            text = clean_name(re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", cell(row, index)))
            named += bool(PERSON.match(text)) and not principles_in(text)
        if index != exclude and named * 2 > len(body):
            return index
    return None


def cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def interviews(
    reader: Reader, header: list[str], body: list[list[str]], person: int, principles: int
) -> None:
    focus = column(header, "focus", "review", "area", "type", "round", "topic")
    focus = None if focus == principles else focus
    when = column(header, "time", "when", "slot", "start", "hora", "heure", "uhrzeit")
    for row in body:
        name = clean_name(
            re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", cell(row, person))
        )  # "peter novak (SDE III)"
        if not name:
            continue
        if name.islower():
            name = name.title()
        draft = InterviewDraft(title="a table row", name=name, explicit=True)
        draft.add_principles(cell(row, principles), ())
        if cell(row, focus):
            draft.focus.append(cell(row, focus))
        draft.take("time", cell(row, when), ())
        reader.interview_drafts.append(draft)


def questions(
    reader: Reader, header: list[str], body: list[list[str]], asked: int, principle: int | None
) -> None:
    notes = [
        i
        for i, h in enumerate(header)
        if i not in (asked, principle)
        and column([h], "note", "story", "answer", "hint", "example", "idea", "response") is not None
    ]
    focus_column = column(header, "focus", "area")
    if reader.skipping():
        return
    # "## Interviewer 1 – Gemma Hollis" over a table of its questions by principle: the principles
    # the rows name are that interview's, when its heading listed none.
    owner = reader.interview if reader.interview_block and reader.interview else None
    owner = owner if owner is not None and not owner.principles else None
    for row in body:
        named = principles_named(cell(row, principle)) or principles_in(cell(row, principle))
        if owner is not None:
            owner.principles += [p for p in named if p not in owner.principles]
        context = reader.principles()
        chosen = named[0] if named else (context[0] if context else None)
        focus = focus_label(cell(row, focus_column)) if cell(row, focus_column) else reader.focus()
        hint = "\n".join(cell(row, i) for i in notes if cell(row, i).strip())
        for text in cell(row, asked).split("\n"):
            if text.strip():
                add_question(reader, text, chosen, hint, focus)


def add_question(
    reader: Reader, text: str, principle: str | None, hint: str, focus: str | None = None
) -> None:
    text, own_hint, tagged = question_parts(text)
    principle = tagged[0] if tagged else principle
    key = normalise(text)
    if not text or key in reader.seen_questions or (principle is None and not focus):
        return
    reader.seen_questions.add(key)
    hints = "\n".join(h for h in (own_hint, hint) if h.strip())
    reader.note.questions.append(ImportedQuestion(principle, text, focus, hints[:1000] or None))


def star_rows(
    reader: Reader, header: list[str], body: list[list[str]], story: int, principles: int | None
) -> None:
    parts = {i: part_of(normalise(h)) for i, h in enumerate(header)}
    for row in body:
        draft = StoryDraft(
            title=cell(row, story), principles=reader.principles() + principles_in(cell(row, principles))
        )
        draft.letters_only = False
        for index, part in parts.items():
            if part and cell(row, index).strip():
                draft.label(part, cell(row, index), letter=False)
        found = draft.finish(reader.used_titles)
        if found and not reader.skipping():
            reader.note.stories.append(found)


def matrix(reader: Reader, header: list[str], body: list[list[str]], story: int) -> None:
    """ "| Story | Ownership | Dive Deep |" with a tick where a story serves a principle."""
    named = {i: principles_named(h) for i, h in enumerate(header) if i != story}
    for row in body:
        ticked = [p for i, found in named.items() if found and TICKS.match(cell(row, i)) for p in found]
        if ticked:
            reader.story_map.append((undecorate(cell(row, story)), ticked))
