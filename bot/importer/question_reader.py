"""Questions in a note: lines that read as interview questions inside a principle's part, the labels
that open such parts ("**Customer Obsession**", "Example Questions:"), and the hints written under
a question."""

from __future__ import annotations

import re

from bot.importer.context import Context, Scope, is_skip
from bot.importer.fit import best_fit
from bot.importer.interviews import PRINCIPLE_KEYS, TAG_KEYS, focus_named
from bot.importer.note import ImportedQuestion
from bot.importer.outline import Kind, Line
from bot.importer.questions import question_parts
from bot.importer.words import (
    principles_in,
    principles_mentioned,
    principles_named,
    reads_as_prompt,
    reads_as_question,
    tag_principles,
)
from bot.principles import normalise

QUOTED = re.compile(r"[\"“]([^\"“”]{10,300}\?)[\"”]")
QUESTION_KEY = re.compile(r"^(?:q|question|prompt|ask)\s*\d{0,3}$")
PRACTISE = re.compile(
    r"^(?:practi[cs]e|review|revise|drill|rehearse|focus(?: on)?|work on|prep(?:are)?|cover|study)\s*:?\s+(.{2,120})$",
    re.IGNORECASE,
)
MAX_QUESTIONS = 3000
MAX_HINT = 1000


class QuestionReader(Context):
    def __init__(self, source: list[str]) -> None:
        super().__init__(source)
        self.question: ImportedQuestion | None = None
        self.question_line: Line | None = None
        self.hint: list[str] = []
        self.seen_questions: set[str] = set()

    def on_label(self, line: Line, key: str, value: str) -> bool:
        """ "**Customer Obsession**", "Example Questions:", "- Ownership:", "**Questions to ask**":
        a label that opens a part of the note."""
        if value and (reads_as_question(value) or QUESTION_KEY.match(key)):
            return False
        if value and self.in_questions() and reads_as_prompt(value) and principles_named(key):
            return False  # "CO: most demanding customer": a question
        named = [] if is_skip(key) else principles_named(key)
        if (key in PRINCIPLE_KEYS or key in TAG_KEYS) and value:  # "Leadership Principle: Ownership"
            named = principles_named(value) or principles_in(value)
        practised = PRACTISE.match(value) if value and not named else None
        if practised:  # a study plan's day: "Wed 25 Nov: practise Customer Obsession", "Day 3: focus on DD"
            named = principles_in(practised.group(1))
        focus = focus_named(key)
        if not (
            named or is_skip(key) or focus or "question" in key or key in PRINCIPLE_KEYS or key in TAG_KEYS
        ):
            return False
        self.end_question()
        self.open_label(
            line,
            Scope(
                0,
                principles=named or None,
                focus=focus,
                skip=is_skip(key),
                asks=bool(focus) and "question" in key,
            ),
        )
        return True

    def on_question(self, line: Line, key: str, value: str) -> bool:
        if key and is_skip(key):
            return False  # "ask her: how is on-call split?": for the interviewer, not to practise
        text, principles = line.text, tag_principles(line.tags)
        terse = False
        named_key = (principles_named(key) or principles_in(line.text.split(":", 1)[0])) if key else []
        if key and value and (QUESTION_KEY.match(key) or named_key):
            text = value
            principles = principles or named_key  # "Ownership: Tell me…", "CO, DD: Tell me…"
            # "CO: most demanding customer" in a part of practice questions
            terse = bool(principles) and self.in_questions() and reads_as_prompt(value)
        elif key and value and not (reads_as_question(value) or value.rstrip().endswith("?")):
            return False  # "What they look for: empathy, data" is a label and its value
        if (
            not (terse or reads_as_question(text))
            or self.skipping()
            or len(self.note.questions) >= MAX_QUESTIONS
        ):
            return False
        linked: list[str] = []
        for tag in reversed(line.tags):  # "… #lp/ownership", "… [[LPs#Dive Deep]]": no part of the question
            untagged = re.sub(rf"\s*#?(?:[\w-]+/)*{re.escape(tag)}\s*$", "", text, flags=re.IGNORECASE)
            if (
                untagged != text
                and untagged
                and not tag_principles((tag,))
                and not tag.startswith(("lp", "#"))
            ):
                linked.insert(0, tag)  # "[[Story - Double-counted impressions]]": which story answers it
            text = untagged or text
        text, hint, tagged = question_parts(text)
        hint = "\n".join(h for h in (hint, *linked) if h)
        context = self.principles() or self.interview_principles()
        principle = next(iter(principles or tagged), None) or (best_fit(text, context) if context else None)
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

    def quoted_question(self, line: Line) -> Line | None:
        """(Also maybe: "What's a time you had to lead through ambiguity?" — I'd use it as Bias for
        Action): a question quoted in a sentence, filed under the one principle the sentence names."""
        if (self.question_line is not None and line.depth > self.question_line.depth) or self.skipping():
            return None
        found = QUOTED.search(line.text)
        if not found or not reads_as_question(found.group(1)) or found.group(0) == line.text.strip():
            return None
        named = principles_mentioned(line.text[: found.start()] + " " + line.text[found.end() :])
        tags = tuple(named) if len(named) == 1 else line.tags
        return Line(Kind.TEXT, found.group(1), depth=line.depth, tags=tags, source=line.source)

    def interview_principles(self) -> list[str]:
        """Inside one interview's block, its principles (for its questions; its stories keep their own)."""
        return []

    def subordinate(self, line: Line) -> bool:
        """Written under the question: nested deeper, or plain lines after a plain-line question."""
        asked = self.question_line
        if asked is None:
            return False
        if line.depth > asked.depth:
            return True
        if line.kind is Kind.TEXT and len(line.text.split()) <= 8 and principles_named(line.text):
            return False  # "Have Backbone" after a question: the next principle, not a hint
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
