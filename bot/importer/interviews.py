"""Interviews in a note: `Interviewer:` blocks, "NAME: P1, P2 (focus)" lines and tables. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from bot.focus import FOCUS_AREAS
from bot.importer.dates import dates_in, time_in
from bot.importer.note import ImportedInterview, NoteError
from bot.importer.words import principles_in, principles_named, strip_emoji, tag_principles, undecorate
from bot.principles import PrincipleError, normalise, parse_principles

NAME_KEYS = frozenset({"interviewer", "interviewers", "interviewer name", "name", "with", "interview with"})
PRINCIPLE_KEYS = frozenset(
    {"principles", "principle", "lps", "lp", "leadership principles", "leadership principle",
     "competencies", "competency", "focus lps", "focus principles", "principles tested"}
)  # fmt: skip
FOCUS_KEYS = frozenset({"review", "focus", "focus area", "focus areas", "topic", "topics", "round", "type"})
TIME_KEYS = frozenset({"time", "when", "at", "slot", "start"})
INTERVIEW_KEYS = NAME_KEYS | PRINCIPLE_KEYS | FOCUS_KEYS | TIME_KEYS
FOCUS_FORMS = {
    "system design": "System Design", "systems design": "System Design", "design": "System Design",
    "people management": "People Management", "people manager": "People Management",
    "management": "People Management", "operational excellence": "Operational Excellence",
    "operations": "Operational Excellence", "product management": "Product/Project Management",
    "project management": "Product/Project Management",
    "product project management": "Product/Project Management", "writing sample": "Writing Sample",
    "writing": "Writing Sample", "coding": "Coding",
}  # fmt: skip
TIME_PREFIX = re.compile(
    r"^\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?:\s*[-–—to]+\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?\s*(?:[A-Z]{2,4}\b)?\s*[-–—:|]?\s*",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"\s*(?::|\s[-–—|]\s)\s*")
MAX_NAME_WORDS = 5


def focus_label(text: str) -> str | None:
    """A focus area by its usual name ("Product/Project Management Core" → the canonical one);
    anything else is kept as written, clipped."""
    key = normalise(undecorate(text))
    if not key:
        return None
    for form in sorted(FOCUS_FORMS, key=len, reverse=True):
        if key == form or key.startswith(form + " "):
            return FOCUS_FORMS[form]
    return undecorate(text)[:80] or None


def focus_named(text: str) -> str | None:
    """The focus area a heading names ("## System Design", "### People management questions")."""
    key = normalise(text)
    for area in FOCUS_AREAS:
        for form, name in FOCUS_FORMS.items():
            if name == area and len(form.split()) > 1 and re.search(rf"\b{form}\b", key):
                return area
    return None


@dataclass
class InterviewDraft:
    title: str
    name: str = ""
    principles: list[str] = field(default_factory=list)
    focus: list[str] = field(default_factory=list)
    at: time | None = None
    day: date | None = None
    collecting: str | None = None  # the label whose list is being read: principles, focus
    explicit: bool = False  # opened by an "Interviewer:" label, so it must name principles

    def take(self, key: str, value: str, tags: tuple[str, ...]) -> None:
        if key in NAME_KEYS:
            self.name = self.name or clean_name(value)
            self.collecting = None
        elif key in PRINCIPLE_KEYS:
            self.collecting = "principles"
            if value or tags:
                self.add_principles(value, tags)
        elif key in FOCUS_KEYS:
            self.collecting = "focus"
            if value:
                self.focus.append(value)
        elif key in TIME_KEYS:
            self.collecting = None
            self.at = self.at or time_in(value)
            self.day = self.day or next(iter(dates_in(value)), None)

    def add(self, text: str, tags: tuple[str, ...]) -> None:
        """A line under the label being read ("**Principles**" then a list of them)."""
        if self.collecting == "principles":
            self.add_principles(text, tags)
        elif self.collecting == "focus" and text:
            self.focus.append(text)

    def add_principles(self, text: str, tags: tuple[str, ...]) -> None:
        tagged = tag_principles(tags)
        if tagged:
            self.principles += tagged
            return
        try:
            self.principles += parse_principles(undecorate(text))
        except PrincipleError as error:
            where = f"{self.title or 'an interview'} ({self.name or 'no name'})"
            raise NoteError(f"In {where}, {error}") from None

    def finish(self, loop_date: date | None) -> ImportedInterview | None:
        if not self.name:
            return None
        if not self.principles:
            if not self.explicit:
                return None
            raise NoteError(
                f"{self.title or 'An interview'} ({self.name}) lists no principles: add them under “Principles”."
            )
        focus = ", ".join(dict.fromkeys(f for f in (focus_label(item) for item in self.focus) if f)) or None
        day = self.day or loop_date
        at = datetime.combine(day, self.at) if day and self.at else None
        return ImportedInterview(
            self.name[:200], list(dict.fromkeys(self.principles)), focus[:200] if focus else None, at
        )


def clean_name(text: str) -> str:
    return " ".join(strip_emoji(undecorate(text)).split())[:200]


def interview_line(text: str) -> InterviewDraft | None:
    """ "Natesh: Backbone, Earn Trust of Others", "10:00 – Keesha — Learn and Be Curious, Invent and
    Simplify (Product Management)", "Ayan Joyi (Highest Standards, Bias for Action) – System Design"."""
    text = strip_emoji(text)
    at = time_in(text) if TIME_PREFIX.match(text) and TIME_PREFIX.match(text).group(0).strip() else None  # type: ignore[union-attr]
    rest = TIME_PREFIX.sub("", text, count=1) if at else text
    focus: list[str] = []
    found: list[str] = []
    for inside in re.findall(r"[(\[]([^)\]]*)[)\]]", rest):  # "(bar raiser)", "(System Design)"
        named = principles_in(inside)
        found += named
        if not named and (focus_named(inside) or focus_label(inside) in FOCUS_AREAS):
            focus.append(undecorate(inside))
    rest = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", undecorate(rest))
    parts = SEPARATOR.split(rest, maxsplit=1)
    name, tail = parts[0].strip(), (parts[1] if len(parts) > 1 else "")
    if (
        not name
        or len(name.split()) > MAX_NAME_WORDS
        or principles_named(name)
        or normalise(name) in INTERVIEW_KEYS
    ):
        return None
    if not re.match(r"^[A-Z\u00c0-\u024f]", name):
        return None
    for piece in [
        p for p in re.split(r"\s[-–—|]\s|;\s*focus\s*:?\s*|\bfocus\s*:\s*", tail) if p.strip(" ,.:;")
    ]:
        named = principles_in(piece.strip(" :"))
        if named:
            found += named
        elif focus_named(piece) or focus_label(piece) in FOCUS_AREAS:
            focus.append(undecorate(piece))
        else:
            return None
    if not found:
        return None
    return InterviewDraft(title="", name=clean_name(name), principles=found, focus=focus, at=at)
