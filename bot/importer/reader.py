"""Interpreting a note's outline: which principle each part is about, and what in it is a question,
a story or an interview.

A heading, a bold label or a list label that names a principle opens that principle's part of the
note, until the next heading of the same or a higher level (a label: until the next label; a list
label: for its own sub-items). Parts that are plainly not practice questions ("Questions to ask
the interviewer", "Tips", "Do's and Don'ts") are skipped. Inside, list items and quoted or plain
lines that read as interview questions are questions, and what is written under one is its hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importer import tables
from bot.importer.interviews import (
    INTERVIEW_KEYS,
    NAME_KEYS,
    PRINCIPLE_KEYS,
    InterviewDraft,
    clean_name,
    focus_named,
    interview_line,
)
from bot.importer.note import ImportedNote, ImportedQuestion
from bot.importer.outline import Kind, Line
from bot.importer.questions import question_parts
from bot.importer.stories import CORE, TITLE_KEYS, StoryDraft, part_of, story_heading, title_principles
from bot.importer.words import (
    STAR_WORDS,
    principles_in,
    principles_named,
    reads_as_question,
    split_label,
    tag_principles,
)
from bot.principles import normalise

SKIP = re.compile(
    r"\b(?:questions? (?:to|for|i(?:ll| will| want to| d like to| can| should| might)?) ?(?:ask|the interviewer|my interviewer|"
    r"interviewers?|them|the team|the hiring manager|the recruiter|hiring manager|recruiter)|ask (?:the|my|your|them)|"
    r"reverse (?:questions|interview)|my questions|do s and don ts|dos and donts|do s don ts|do and don t|don ts?|"
    r"donts|tips?|pro tips|advice|resources|further reading|pitfalls|mistakes|red flags|"
    r"checklist|what to bring|star (?:method|format|framework|template|technique)|how to answer|template|"
    r"answer (?:structure|format|framework))\b"
)
INTERVIEW_HEADING = re.compile(
    r"^\W*(?:interview|round|session)\s*#?\s*\d+\b|^\W*interview with\b", re.IGNORECASE
)
INTERVIEWS_PART = re.compile(
    r"\b(?:interviews?|interviewers|loop|schedule|panel|agenda|onsite|on site|line ?up|meeting)\b"
)
TITLE_WORDS = re.compile(r"\b(?:prep|preparation|notes|guide)\b")  # a document's title, not its schedule
STORIES_LINE = re.compile(r"^(?:my )?(?:stories|story bank|star stories|examples|other|misc|general|notes)\b")
QUESTION_KEY = re.compile(r"^(?:q|question|prompt|ask)\s*\d{0,3}$")
MAX_QUESTIONS = 3000
MAX_STORIES = 300
MAX_HINT = 1000


@dataclass
class Scope:
    rank: int  # a heading's level (1-6); a label at depth d: 7 + 2d; a list label at depth d: 8 + 2d
    principles: list[str] | None = None  # None: the enclosing part's
    focus: str | None = None
    skip: bool = False
    asks: bool = False  # a focus area's practice questions ("System Design questions")
    interviews: bool = False  # about the loop's interviews: "NAME: principles" lines are interviews


def is_skip(text: str) -> bool:
    return bool(SKIP.search(normalise(text)))


class Reader:
    def __init__(self, source: list[str]) -> None:
        self.source = source
        self.note = ImportedNote()
        self.scopes: list[Scope] = []
        self.heading = ""
        self.question: ImportedQuestion | None = None
        self.question_line: Line | None = None
        self.hint: list[str] = []
        self.seen_questions: set[str] = set()
        self.story: StoryDraft | None = None
        self.story_skip = False
        self.story_quote = 0
        self.section: StoryDraft | None = None  # a "Story N" heading's section
        self.section_level = 0
        self.section_start = 0
        self.interview: InterviewDraft | None = None
        self.interview_drafts: list[InterviewDraft] = []
        self.title_line: Line | None = None  # a line no one claimed: the next story's title, maybe
        self.pending_title = ""
        self.used_titles: set[str] = set()
        self.story_map: list[tuple[str, list[str]]] = []
        self.sibling: list[str] = []  # the principles of the heading just closed, and its level
        self.sibling_level = 0

    # -- the context ------------------------------------------------------------------------------
    def principles(self) -> list[str]:
        for scope in reversed(self.scopes):
            if scope.principles is not None:
                return scope.principles
        return []

    def focus(self) -> str | None:
        return next((s.focus for s in reversed(self.scopes) if s.focus), None)

    def skipping(self) -> bool:
        return any(scope.skip for scope in self.scopes)

    def asks(self) -> bool:
        return any(scope.asks for scope in self.scopes)

    def in_interviews(self) -> bool:
        return any(scope.interviews for scope in self.scopes)

    def close(self, rank: int) -> None:
        while self.scopes and self.scopes[-1].rank >= rank:
            self.scopes.pop()

    # -- the walk ---------------------------------------------------------------------------------
    def read(self, lines: list[Line]) -> ImportedNote:
        for line in lines:
            self.feed(line)
        self.end_story()
        self.end_question()
        self.end_section(len(self.source))
        self.end_interview()
        return self.note

    def feed(self, line: Line) -> None:
        if line.kind is Kind.HEADING and self.heading_is_label(line):
            line = Line(
                Kind.TEXT, line.text.rstrip(":") + ":", depth=0, bold=True, tags=line.tags, source=line.source
            )
        if line.kind is Kind.HEADING:
            self.on_heading(line)
        elif line.kind is Kind.RULE:
            self.end_story()
            self.end_question()
            if self.interview:
                self.interview.collecting = None
            self.close(7)
        elif line.kind is Kind.TABLE:
            if self.section is None:
                self.end_story()
                self.end_question()
                tables.read_table(self, line.rows)
        elif self.section is not None:
            self.on_section_line(line)
        else:
            self.on_text(line)

    def heading_is_label(self, line: Line) -> bool:
        """ "#### Situation" under a story, "### Principles" under an interview: labels, not parts."""
        key = normalise(line.text)
        if key in STAR_WORDS or (part_of(key) in CORE and (self.story or self.section)):
            return True
        return self.interview is not None and key in INTERVIEW_KEYS

    def on_heading(self, line: Line) -> None:
        level, text = line.level, line.text
        closing = next(
            (sc.principles for sc in reversed(self.scopes) if sc.rank == level and sc.principles), None
        )
        self.end_story()
        self.end_question()
        if self.section is not None:
            if level > self.section_level:
                self.section.add(text)
                return
            self.end_section(line.source)
        self.end_interview()
        self.close(level)
        if closing is not None:
            self.sibling, self.sibling_level = closing, level
        self.heading = text
        self.title_line = None
        titled = story_heading(text)
        if titled:
            # "#### STAR Example: …" right after "#### Customer Obsession": the example of that principle
            inherited = self.principles() or (self.sibling if self.sibling_level == level else [])
            principles = inherited + title_principles(text) + tag_principles(line.tags)
            self.section = StoryDraft(title=titled.group(2) or "", principles=principles, section=True)
            self.section_level, self.section_start = level, line.source + 1
            self.story_skip = self.skipping()
            self.scopes.append(Scope(level))
            return
        skip = level > 1 and is_skip(text)
        named = [] if skip else principles_named(text) or tag_principles(line.tags)
        focus = focus_named(text)
        scope = Scope(
            level,
            principles=named or None,
            focus=focus,
            skip=skip,
            asks=bool(focus) and "question" in text.lower(),
            interviews=level > 1
            and bool(INTERVIEWS_PART.search(normalise(text)))
            and not TITLE_WORDS.search(normalise(text)),
        )
        listed = interview_line(text) if self.in_interviews() else None
        if INTERVIEW_HEADING.match(text) or (listed and len(listed.principles) > 1):
            scope.principles = []  # the interview's own principles are not a part of questions
            self.interview = (
                listed if listed and not INTERVIEW_HEADING.match(text) else interview_titled(text)
            )
        self.scopes.append(scope)

    def on_text(self, line: Line) -> None:
        self.close(8 + 2 * line.depth)
        if line.strong_start and line.depth == 0 and INTERVIEW_HEADING.match(line.text):
            self.end_story()
            self.end_question()
            self.end_interview()  # "**Interview 2 — Kenji Mori (Bar Raiser)**": a heading in bold
            self.interview = interview_titled(line.text)
            return
        label = split_label(line.text, bold=line.bold)
        key, value = label if label else ("", "")
        if self.on_interview(line, key, value) or self.on_story(line, key, value):
            self.title_line = None
            return
        if key and self.on_label(line, key, value):
            return
        if self.question and self.subordinate(line):
            self.hint.append(line.text)
            return
        self.end_question()
        if self.on_question(line, key, value):
            return
        if self.in_interviews() and not self.principles() and not self.skipping():
            found = interview_line(line.text)
            if found:
                self.interview_drafts.append(found)
                return
        if not key and len(line.text.split()) <= 8:
            # a line that only names a principle ("Customer Obsession" in a notes-app export, "- Ownership")
            # opens it; "Stories" ends the one before
            named = principles_named(line.text)
            if named or (line.kind is Kind.TEXT and STORIES_LINE.match(normalise(line.text))):
                rank = (8 if line.kind is Kind.ITEM else 7) + 2 * line.depth
                self.close(rank)
                self.scopes.append(Scope(rank, principles=named or None))
                if named:
                    return
        self.title_line = line

    # -- interviews -------------------------------------------------------------------------------
    def on_interview(self, line: Line, key: str, value: str) -> bool:
        opens = key in NAME_KEYS and key not in ("name", "with")
        if opens or (self.interview is not None and key in INTERVIEW_KEYS):
            if opens and self.interview is not None and self.interview.name:
                self.end_interview()
            if self.interview is None:
                self.interview = InterviewDraft(self.heading if INTERVIEW_HEADING.match(self.heading) else "")
            self.interview.explicit = self.interview.explicit or opens
            self.interview.take(key, value, line.tags)
            return True
        if self.interview is not None and self.interview.collecting and not key:
            self.interview.add(line.text, line.tags)
            return True
        return False

    def end_interview(self) -> None:
        if self.interview is not None:
            self.interview_drafts.append(self.interview)
            self.interview = None

    # -- stories ----------------------------------------------------------------------------------
    def on_story(self, line: Line, key: str, value: str) -> bool:
        part = part_of(key) if key else None
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
        if self.story is not None and (line.quote != self.story_quote or self.ends_story(line, key)):
            self.end_story()
        if self.story is None:
            if self.question and self.subordinate(line):
                return False
            if (key in TITLE_KEYS or re.match(r"^(?:story|example)\s*\d+$", key)) and value:
                self.end_question()
                self.pending_title = value
                return True
            return False
        if key in PRINCIPLE_KEYS or key in ("tags", "tag"):
            self.story.principles += principles_in(value) + tag_principles(line.tags)
            return True
        if line.depth >= self.story.depth:
            self.story.add(render(line))
            if self.question and self.subordinate(line):
                self.hint.append(line.text)
            return True
        self.end_story()
        return False

    def ends_story(self, line: Line, key: str) -> bool:
        """A title-like line at the story's own level starts the next one: "**Onboarding guide** (…)"."""
        assert self.story is not None
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
            or INTERVIEW_HEADING.match(heading)
        ):
            heading = ""
        tags = line.tags + (title_line.tags if title_line else ())
        principles = self.principles() + title_principles(title) + tag_principles(tags)
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
        elif key in PRINCIPLE_KEYS or key in ("tags", "tag"):
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
        self.section = None

    # -- labels and questions ---------------------------------------------------------------------
    def on_label(self, line: Line, key: str, value: str) -> bool:
        """ "**Customer Obsession**", "Example Questions:", "- Ownership:", "**Questions to ask**":
        a label that opens a part of the note."""
        if value and (reads_as_question(value) or QUESTION_KEY.match(key)):
            return False
        named = [] if is_skip(key) else principles_named(key)
        focus = focus_named(key)
        if not (named or is_skip(key) or focus or "question" in key):
            return False
        self.end_question()
        rank = (8 if line.kind is Kind.ITEM else 7) + 2 * line.depth
        self.close(rank)
        self.scopes.append(
            Scope(
                rank,
                principles=named or None,
                focus=focus,
                skip=is_skip(key),
                asks=bool(focus) and "question" in key,
            )
        )
        return True

    def on_question(self, line: Line, key: str, value: str) -> bool:
        text, principles = line.text, tag_principles(line.tags)
        if key and value and (QUESTION_KEY.match(key) or principles_named(key)):
            text = value
            principles = principles or principles_named(key)
        elif key and value and not (reads_as_question(value) or value.rstrip().endswith("?")):
            return False  # "What they look for: empathy, data" is a label and its value
        if not reads_as_question(text) or self.skipping() or len(self.note.questions) >= MAX_QUESTIONS:
            return False
        for tag in line.tags:  # "… #ownership", "… [[LPs#Dive Deep]]": the tag is no part of the question
            text = re.sub(rf"\s*#?{re.escape(tag)}\s*$", "", text, flags=re.IGNORECASE) or text
        text, hint, tagged = question_parts(text)
        principle = next(iter(principles or tagged or self.principles()), None)
        focus = self.focus()
        if principle is None and not (focus and self.asks()):
            return False
        seen = normalise(text)
        if not text or seen in self.seen_questions:
            return True
        self.seen_questions.add(seen)
        self.question = ImportedQuestion(principle, text, focus)
        self.question_line = line
        self.hint = [hint] if hint else []
        self.note.questions.append(self.question)
        return True

    def subordinate(self, line: Line) -> bool:
        """Written under the question: nested deeper, or plain lines after a plain-line question."""
        asked = self.question_line
        if asked is None:
            return False
        if line.depth > asked.depth:
            return True
        return (
            asked.kind is Kind.TEXT
            and line.kind is Kind.TEXT
            and line.depth == asked.depth
            and not line.bold
            and not reads_as_question(line.text)
        )

    def end_question(self) -> None:
        if self.question is not None:
            hint = "\n".join(h for h in self.hint if h.strip()).strip()
            self.question.hint = hint[:MAX_HINT] or None
        self.question, self.question_line, self.hint = None, None, []


def interview_titled(text: str) -> InterviewDraft:
    """ "Interview 2 — Kenji Mori (Bar Raiser)", "Interview 1 - Natesh: Backbone, Earn Trust"."""
    rest = INTERVIEW_HEADING.sub("", text, count=1).strip(" -–—:#")
    listed = interview_line(rest)
    if listed:
        listed.title = text
        return listed
    name = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", rest).strip(" -–—:")
    plausible = 0 < len(name.split()) <= 4 and name[:1].isupper() and not principles_named(name)
    return InterviewDraft(text, name=clean_name(name) if plausible else "")


def render(line: Line) -> str:
    return ("  " * max(line.depth - 1, 0)) + ("- " if line.kind is Kind.ITEM else "") + line.text
