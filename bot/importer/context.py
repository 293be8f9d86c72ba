"""Where a line of a note stands: the parts it is in (opened by headings, labels and list labels),
and so the principle, focus area and kind of part (skipped, a schedule) that apply to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.importer.note import ImportedNote
from bot.importer.outline import Kind, Line
from bot.principles import normalise

SKIP = re.compile(
    r"\b(?:questions? (?:to|for|i(?:ll| will| want to| d like to| can| should| might)?) ?(?:ask|the interviewer|my interviewer|"
    r"interviewers?|them|the team|the hiring manager|the recruiter|hiring manager|recruiter)|ask (?:the|my|your|them|her|him)|"
    r"reverse (?:questions|interview)|my questions|do s and don ts|dos and donts|do s don ts|do and don t|don ts?|"
    r"donts|tips?|pro tips|advice|resources|further reading|pitfalls|mistakes|red flags|"
    r"preguntas? para (?:el|la|los|las|ellos|ellas|mi|hacer)|para preguntar|consejos|recursos|"
    r"checklist|what to bring|star (?:method|format|framework|template|technique)|how to answer|template|"
    r"answer (?:structure|format|framework))\b"
)
# A part of practice questions: terse lines there ("CO: most demanding customer") are questions too
QUESTIONS_PART = re.compile(r"\b(?:q|qs|questions?|preguntas?|practice|prompts?)\b")
INTERVIEW_HEADING = re.compile(
    r"^\W*(?:interview(?:er)?|round|session|gespr[äa]ch|runde|entretien|entrevista|ronda|rodada)\s*#?\s*\d+\b"
    r"|^\W*interview with\b",
    re.IGNORECASE,
)


@dataclass
class Scope:
    # What closes it: a heading of level ≤ its level (1-6); a label at the top level of a heading's
    # part ranks just under that heading, so deeper headings stay inside it; a list label (or a
    # label inside a list item) at depth d: 8 + 2d, for its own sub-items.
    rank: float
    principles: list[str] | None = None  # None: the enclosing part's
    focus: str | None = None
    skip: bool = False
    asks: bool = False  # a focus area's practice questions ("System Design questions")
    interviews: bool = False  # about the loop's interviews: "NAME: principles" lines are interviews
    label: bool = False  # opened by a label line at the top level of a part
    questions: bool = False  # a part of practice questions ("## Practice questions", "qs")
    stories: bool = False  # a part of stories ("## My stories"): each heading inside it titles one


# "Checklist: Panel", "Tab: Questions": a container's name, then what it holds, which is what counts
CONTAINER = re.compile(r"^(?:checklist|tab|list|card|page|sheet)\s+(?=\w)")


def is_skip(text: str) -> bool:
    return bool(SKIP.search(CONTAINER.sub("", normalise(text), count=1)))


class Context:
    """The state every part of the reader shares: the note so far and the parts the walk is in."""

    def __init__(self, source: list[str]) -> None:
        self.source = source
        self.note = ImportedNote()
        self.scopes: list[Scope] = []
        self.heading = ""  # the nearest heading's text
        self.title_line: Line | None = None  # a line no one claimed: the next story's title, maybe

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

    def in_questions(self) -> bool:
        return any(scope.questions for scope in self.scopes)

    def in_stories(self) -> bool:
        return any(scope.stories for scope in self.scopes)

    def in_interviews(self) -> bool:
        return any(scope.interviews for scope in self.scopes)

    def open_label(self, line: Line, scope: Scope) -> None:
        """A label's part. A top-level label takes over from the label before it, with its rank, even
        past headings met since ("Leadership Principle: Ownership", "### Tell me…", "Leadership
        Principle: Dive Deep"); the first ranks just under the heading it is in."""
        if line.depth > 0 or line.kind is Kind.ITEM:
            scope.rank = 8 + 2 * line.depth
        else:
            earlier = next((i for i, s in enumerate(self.scopes) if s.label), None)
            if earlier is not None:
                scope.rank = self.scopes[earlier].rank
                del self.scopes[earlier:]
            else:
                level = next((s.rank for s in reversed(self.scopes) if s.rank <= 6 and not s.label), 0)
                scope.rank = level + 0.5
            scope.label = True
        self.close(scope.rank)
        self.scopes.append(scope)

    def close_labels(self) -> None:
        earlier = next((i for i, s in enumerate(self.scopes) if s.label or s.rank > 6), None)
        if earlier is not None:
            del self.scopes[earlier:]

    def close(self, rank: float) -> None:
        while self.scopes and self.scopes[-1].rank >= rank:
            self.scopes.pop()
