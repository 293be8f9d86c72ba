"""Interviews in a note: `Interviewer:` blocks, "NAME: P1, P2 (focus)" lines and tables. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache

from bot.focus import FOCUS_AREAS
from bot.importer.dates import dates_in, time_in
from bot.importer.note import ImportedInterview
from bot.importer.words import (
    principles_and_rest,
    principles_in,
    principles_named,
    strip_emoji,
    tag_principles,
    undecorate,
)
from bot.principles import PrincipleError, match_principle, normalise

NAME_KEYS = frozenset({"interviewer", "interviewers", "interviewer name", "name", "with", "interview with"})
PRINCIPLE_KEYS = frozenset(
    {"principles", "principle", "lps", "lp", "leadership principles", "leadership principle",
     "competencies", "competency", "focus lps", "focus principles", "principles tested"}
)  # fmt: skip
TAG_KEYS = frozenset({"tags", "tag"})  # "tags: #ownership, dive deep": a story's or a part's principles
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
    "writing": "Writing Sample", "coding": "Coding", "sys design": "System Design",
    "system design interview": "System Design",
}  # fmt: skip
TIME_PREFIX = re.compile(
    r"^\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?:\s*[-–—to]+\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?)?\s*"
    r"(?:(?-i:[A-Z]{2,4})\b)?\s*[-–—:|]?\s*",  # the zone in capitals: "PT", not "Omar"
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"\s*(?::|\s(?:--|[-–—|])\s)\s*")  # "--": a dash typed in plain text
MAX_NAME_WORDS = 5
# "coding", "also some low level design": a round's other topic, a few plain words beside its principles
TOPIC = re.compile(r"[^\W\d_][\w.&/-]*(?: [\w.&/-]+){0,4}")
MAX_LINE = 600  # characters: an interview is one line of a schedule


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=4096)
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
    explicit: bool = False  # opened by an "Interviewer:" label: say so when it names no principle
    problems: list[str] = field(default_factory=list)  # what was skipped, for a refusal's reason
    role: bool = False  # the line gave the interviewer's role ("| SDE III |", "(Bar Raiser)")

    def take(self, key: str, value: str, tags: tuple[str, ...]) -> None:
        if key in NAME_KEYS:
            self.name = self.name or clean_name(value)
            self.collecting = None
        elif key in PRINCIPLE_KEYS:
            self.collecting = None if value else "principles"  # a list follows only an empty label
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
        """Principles, however written; what is none ("+ coding (arrays/strings probably)") is the
        interview's focus when it names a focus area, and is otherwise left out, never refused."""
        tagged = tag_principles(tags)
        if tagged:
            self.principles += tagged
            return
        found, rest = principles_and_rest(text)
        self.principles += found
        for piece in rest:
            if focus_named(piece) or focus_label(piece) in FOCUS_AREAS:
                self.focus.append(piece)
            else:
                try:
                    match_principle(piece)
                except PrincipleError as error:  # "“best” could be … or …: say which."
                    self.problems.append(str(error).split(" Valid names")[0].rstrip("."))

    def finish(self, loop_date: date | None) -> ImportedInterview | None:
        if not self.name:
            return None
        if not self.principles:
            if self.explicit:
                self.problems.append(f"{self.title or 'an interview'} ({self.name}) lists no principles")
            return None
        focus = ", ".join(dict.fromkeys(f for f in (focus_label(item) for item in self.focus) if f)) or None
        day = self.day or loop_date
        at = datetime.combine(day, self.at) if day and self.at else None
        return ImportedInterview(
            self.name[:200], list(dict.fromkeys(self.principles)), focus[:200] if focus else None, at
        )


def clean_name(text: str) -> str:
    return " ".join(strip_emoji(undecorate(text)).split())[:200]


ROLE_PREFIX = re.compile(
    r"^\W*(?:interview(?:er)?|round|session|loop|gespr[äa]ch|runde|entretien|entrevista|ronda|rodada)\s*#?\s*\d+"
    r"\s*[-–—:.)|]?\s*",
    re.IGNORECASE,
)
# What people write about an interviewer besides the name: "(HM)", "Sr. SDE", "| Bar Raiser |"
ROLE_WORDS = re.compile(
    r"^\W*(?:hm|br|bar ?raiser|hiring manager|(?:sr\.?|senior|staff|principal|lead)?\s*(?:sde|sdm|swe|engineer|"
    r"eng|manager|pm|tpm|pmt|scientist|designer|director|vp|architect)\b.*|peer|recruiter|interviewer)\W*$",
    re.IGNORECASE,
)
LINE_SEPARATOR = re.compile(r"\s*(?::|\s(?:--|[-–—|])\s|→|->|=>|⇒)\s*")
PIECE_SEPARATOR = re.compile(r"\s(?:--|[-–—|])\s|→|->|=>|;\s*focus\s*:?\s*|\bfocus\s*:\s*", re.IGNORECASE)
LIST_LABEL = re.compile(
    r"^\s*(?:lps?|leadership principles?|principles?|competenc(?:y|ies))\s*[:=-]\s*", re.IGNORECASE
)
NOT_A_NAME = re.compile(
    r"[@\d]|\b(?:lunch|break|intro|wrap|debrief|buffer|and|the|with|for|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|day|week|weekend|"
    r"today|tomorrow|tonight|morning|afternoon|evening|night|practice|review|study|prep|mock|todo|goal)\b",
    re.IGNORECASE,
)


def interview_line(
    text: str, tags: tuple[str, ...] = (), *, lowercase: bool = False
) -> InterviewDraft | None:
    """ "Natesh: Backbone, Earn Trust of Others", "10:00–10:45 — Priya Raman (Bar Raiser) — Earn
    Trust, Dive Deep", "Round 1: **Michael Torres** → Customer Obsession + Learn and Be Curious",
    "Rebecca Stone (BR) - LP: ET, HB/D&C", "[[Nadia Ferreira]] — #lp/dive-deep". Roles in
    parentheses are left out of the name; `lowercase`: a name may be written in lower case."""
    if len(text) > MAX_LINE:
        return None
    text = strip_emoji(text)
    prefix = TIME_PREFIX.match(text)
    at = time_in(text) if prefix and prefix.group(0).strip() else None
    rest = TIME_PREFIX.sub("", text, count=1) if at else text
    if at and at.hour < 7 and not re.search(r"(?i)\ba\.?m\b", prefix.group(0) if prefix else ""):
        at = at.replace(hour=at.hour + 12)  # "1:00–1:45" in a day's schedule is the afternoon
    rest = ROLE_PREFIX.sub("", undecorate(rest), count=1)
    focus: list[str] = []
    found: list[str] = []
    role = False
    for inside in re.findall(r"[(\[]([^()\[\]]*)[)\]]", rest):  # "(bar raiser)", "(System Design)"
        named = principles_in(inside)
        found += named
        if not named and is_focus(inside):
            focus.append(undecorate(inside).lstrip("+ "))
        role = role or bool(ROLE_WORDS.match(inside))
    rest = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", rest)
    parts = LINE_SEPARATOR.split(rest, maxsplit=1)
    name, tail = undecorate(parts[0]), (parts[1] if len(parts) > 1 else "")
    if ROLE_WORDS.match(name) and tail:  # "BR: Tom Nguyen - Hire and Develop, Have Backbone"
        role = True
        parts = LINE_SEPARATOR.split(tail, maxsplit=1)
        name, tail = undecorate(parts[0]), (parts[1] if len(parts) > 1 else "")
    name = name.split(",")[0].strip()  # "Beatriz Lopes, Sr. SDE"
    if (
        not name
        or len(name.split()) > MAX_NAME_WORDS
        or NOT_A_NAME.search(name)
        or principles_named(name)
        or normalise(name) in INTERVIEW_KEYS
        or not ((lowercase and name[:1].isalpha()) or all(capitalised(word) for word in name.split()))
    ):
        return None
    for piece in [p for p in PIECE_SEPARATOR.split(tail) if p.strip(" ,.:;")]:
        piece = LIST_LABEL.sub("", piece.strip(" :"))
        named, others = principles_and_rest(piece)
        if named and all(is_focus(other) or TOPIC.fullmatch(other) for other in others):
            found += named  # "Coding (data structures) + Dive Deep": a topic beside them is left out
            focus += [other for other in others if is_focus(other)]
        elif is_focus(piece):
            focus.append(undecorate(piece))
        elif ROLE_WORDS.match(piece):
            role = True  # "Kai Young | SDE III | Learn and Be Curious"
        elif set(piece.split()) <= {word for word in piece.split() if word.startswith("#")}:
            found += tag_principles(tags)  # "#lp/dive-deep #lp/are-right-a-lot"
        else:
            return None
    if not found:
        return None
    if name.islower():
        name = name.title()
    return InterviewDraft(title="", name=clean_name(name), principles=found, focus=focus, at=at, role=role)


PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "bin", "al", "y"}
)


def capitalised(word: str) -> bool:
    """A word of a name as written: "Priya", "O'Brien", "Wójcik", "H.", or a particle ("van")."""
    return word[:1].isupper() or word in PARTICLES


def is_focus(text: str) -> bool:
    return bool(focus_named(text) or focus_label(text) in FOCUS_AREAS)
