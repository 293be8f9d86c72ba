"""Stories in a note, as the walk meets them: STAR blocks (a label at a time, until a title-like
line, a shallower line, a heading or the end of a quote ends them) and "Story N" sections."""

from __future__ import annotations

import re

from bot.importer.context import INTERVIEW_HEADING, is_skip
from bot.importer.interviews import PRINCIPLE_KEYS, TAG_KEYS
from bot.importer.outline import Kind, Line
from bot.importer.question_reader import QUESTION_KEY, QuestionReader
from bot.importer.stories import CORE, TITLE_KEYS, StoryDraft, opening_title, part_of, title_principles
from bot.importer.words import principles_in, principles_named, reads_as_question, split_label, tag_principles

MAX_STORIES = 300
# "Leadership Principle: Dive Deep" on its own line opens a part of the note; "LPs: Ownership, Dive
# Deep" at the end of a story tags the story.
SECTION_KEYS = frozenset({"principle", "leadership principle", "lp"})


class StoryReader(QuestionReader):
    def __init__(self, source: list[str]) -> None:
        super().__init__(source)
        self.story: StoryDraft | None = None
        self.story_skip = False
        self.story_quote = 0
        self.section: StoryDraft | None = None  # a "Story N" heading's section
        self.section_level = 0
        self.section_start = 0
        self.pending_title = ""
        self.used_titles: set[str] = set()
        self.story_map: list[tuple[str, list[str]]] = []
        self.story_labels: dict[str, str] = {}  # "story a" → the story's title

    def on_story(self, line: Line, key: str, value: str) -> bool:
        part = part_of(key) if key else None
        if key == "a" and self.story is None and self.answers_question():
            return False  # "Q: …" then "A: …": the answer to the question, not a STAR story's Action
        if part and (part in CORE or self.story is not None):
            if self.story is not None and (
                (part in CORE and self.story.has(part) and self.story.current != part)
                or line.depth < self.story.depth
            ):
                self.end_story()
            if self.story is None:
                self.open_story(line)
            assert self.story is not None
            self.story.label(part, value, letter=len(key) == 1)
            if self.question and self.subordinate(line):
                self.hint.append(line.text)
            return True
        if self.story is not None and (
            line.quote != self.story_quote or self.ends_story(line, key) or self.names_next_story(key, value)
        ):
            self.end_story()
        if self.story is None:
            if self.question and self.subordinate(line):
                return False
            if self.names_next_story(key, value):
                self.end_question()
                self.pending_title = value
                return True
            return False
        if tags_story(key, value):
            self.story.principles += principles_in(value) + tag_principles(line.tags)
            return True
        if line.depth >= self.story.depth:
            self.story.add(render(line))
            if self.question and self.subordinate(line):
                self.hint.append(line.text)
            return True
        self.end_story()
        return False

    def answers_question(self) -> bool:
        asked = self.question_line
        label = split_label(asked.text) if asked is not None and self.question is not None else None
        return label is not None and QUESTION_KEY.match(label[0]) is not None

    @staticmethod
    def names_next_story(key: str, value: str) -> bool:
        """ "STORY: Flaky firmware upload", "Story 2: …": the title of the story that follows."""
        return bool(value) and (key in TITLE_KEYS or re.match(r"^(?:story|example)\s*\d+$", key) is not None)

    def ends_story(self, line: Line, key: str) -> bool:
        """A title-like line at the story's own level starts the next one: "**Onboarding guide** (…)";
        a top-level "Leadership Principle: …" line starts another part of the note."""
        assert self.story is not None
        if key in SECTION_KEYS and line.depth == 0 and line.kind is Kind.TEXT:
            return True
        if line.kind is Kind.TEXT and not key and opening_title(line.text):
            return True  # "(2) Priya's promotion -- hire & develop. Priya was…": the next story
        if key or line.depth != self.story.depth or (line.kind is not Kind.TEXT and line.depth > 0):
            return False
        short = len(line.text.split()) <= 10 and not line.text.rstrip().endswith((".", "?", "!", ":"))
        return (line.strong_start and (line.bold or short)) or (short and len(self.story.parts) >= 2)

    def open_story(self, line: Line) -> None:
        title_line = self.title_line if self.title_line and self.title_line.depth <= line.depth else None
        title = self.pending_title or (
            title_line.text if title_line and len(title_line.text.split()) <= 15 else ""
        )
        heading = self.heading
        if (
            principles_named(heading)
            or is_skip(heading)
            or "question" in heading.lower()
            or reads_as_question(heading)
            or INTERVIEW_HEADING.match(heading)
        ):
            heading = ""
        tags = line.tags + (title_line.tags if title_line else ())
        # "### ⭐ Truck ETA fiasco [ownershp / DD]" over the parts: the heading titles it, and tags it
        titling = title or heading
        principles = self.principles() + title_principles(titling) + tag_principles(tags)
        self.story = StoryDraft(title=title, heading=heading, principles=principles, depth=line.depth)
        self.story_quote = line.quote
        self.story_skip = self.skipping()
        self.pending_title = ""

    def end_story(self) -> None:
        if self.story is not None:
            story = self.story.finish(self.used_titles)
            if story and not self.story_skip and len(self.note.stories) < MAX_STORIES:
                self.note.stories.append(story)
            self.story = None

    def on_section_line(self, line: Line) -> None:
        assert self.section is not None
        label = split_label(line.text, bold=line.bold)
        key, value = label if label else ("", "")
        part = part_of(key) if key else None
        if part:
            self.section.label(part, value, letter=len(key) == 1)
        elif tags_story(key, value):
            self.section.principles += principles_in(value) + tag_principles(line.tags)
        else:
            if not self.section.title and not self.section.notes and not self.section.parts:
                self.section.title = line.text if len(line.text.split()) <= 12 else ""
            self.section.principles += tag_principles(line.tags)
            self.section.add(render(line))

    def end_section(self, end: int) -> None:
        if self.section is None:
            return
        raw = self.source[self.section_start : end]
        while raw and (not raw[-1].strip() or re.fullmatch(r"\s*(?:-{3,}|_{3,}|\*{3,})\s*", raw[-1])):
            raw.pop()
        self.section.raw = "\n".join(line.rstrip() for line in raw).strip("\n")
        story = self.section.finish(self.used_titles)
        if story and not self.story_skip and len(self.note.stories) < MAX_STORIES:
            self.note.stories.append(story)
            if self.section.reference:
                self.story_labels[self.section.reference] = story.title
        self.section = None


def tags_story(key: str, value: str) -> bool:
    """ "LPs: Ownership, Dive Deep", "Tags: …", and any short label whose value is principles and
    nothing else ("Passt zu: Ownership, Dive Deep", "Good for: CO, DD")."""
    if key in PRINCIPLE_KEYS or key in TAG_KEYS:
        return True
    return bool(key) and len(key.split()) <= 3 and bool(value) and bool(principles_in(value))


def render(line: Line) -> str:
    return ("  " * max(line.depth - 1, 0)) + ("- " if line.kind is Kind.ITEM else "") + line.text
