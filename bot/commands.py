"""What follows `/prep`, parsed into a command value. Pure: no database, no Slack, no clock.

Only syntax and names are checked here (dates that exist, principles that exist); rules that need
the candidate's data or today's date (a loop date in the past, interview 9 of 2) live in services.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from bot.focus import match_focus
from bot.parsing import InputError, clean, parse_date, parse_mentions, parse_time, quote
from bot.principles import PrincipleError, match_principle, parse_principles
from bot.questions.roles import parse_role

MAX_NAME = 200
MAX_PRINCIPLES_PER_INTERVIEW = 4
MAX_QUESTION = 1000


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class SetLoop:
    day: date


@dataclass(frozen=True)
class ShowLoop:
    pass


@dataclass(frozen=True)
class AddInterview:
    interviewer: str
    principles: tuple[str, ...]
    at: datetime | None = None
    focus: str | None = None


@dataclass(frozen=True)
class OpenInterviewForm:
    pass


@dataclass(frozen=True)
class ListInterviews:
    pass


@dataclass(frozen=True)
class RemoveInterview:
    position_text: str


@dataclass(frozen=True)
class AddReviewers:
    user_ids: tuple[str, ...]


@dataclass(frozen=True)
class RemoveReviewers:
    user_ids: tuple[str, ...]


@dataclass(frozen=True)
class ListReviewers:
    pass


@dataclass(frozen=True)
class LeaveReview:
    """A reviewer stops reviewing these candidates; every candidate they review when empty."""

    candidate_ids: tuple[str, ...]


@dataclass(frozen=True)
class SetTime:
    at: time


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Resume:
    pass


@dataclass(frozen=True)
class Skip:
    pass


@dataclass(frozen=True)
class AskQuestion:
    pass


@dataclass(frozen=True)
class AddQuestion:
    principle: str
    text: str


@dataclass(frozen=True)
class OpenStoryForm:
    title: str


@dataclass(frozen=True)
class ListStories:
    principle: str | None


@dataclass(frozen=True)
class Status:
    pass


@dataclass(frozen=True)
class SetRole:
    role: str | None  # None clears it


@dataclass(frozen=True)
class ShowRole:
    pass


@dataclass(frozen=True)
class Export:
    pass


@dataclass(frozen=True)
class ConfirmDelete:
    """Only opens the confirmation modal: nothing is erased until it is submitted."""


Command = (
    Help
    | SetLoop
    | ShowLoop
    | AddInterview
    | OpenInterviewForm
    | ListInterviews
    | RemoveInterview
    | AddReviewers
    | RemoveReviewers
    | ListReviewers
    | LeaveReview
    | SetTime
    | Pause
    | Resume
    | Skip
    | AskQuestion
    | AddQuestion
    | OpenStoryForm
    | ListStories
    | Status
    | SetRole
    | ShowRole
    | Export
    | ConfirmDelete
)

WORDS = (
    "help",
    "loop",
    "interview add",
    "interviews",
    "interview remove",
    "reviewer add",
    "reviewer remove",
    "reviewers",
    "leave",
    "time",
    "pause",
    "resume",
    "skip",
    "question",
    "question add",
    "story add",
    "stories",
    "status",
    "role",
    "export",
    "delete",
)
SIMPLE: dict[str, Command] = {
    "": Help(),
    "help": Help(),
    "loop": ShowLoop(),
    "interviews": ListInterviews(),
    "interview list": ListInterviews(),
    "reviewers": ListReviewers(),
    "reviewer list": ListReviewers(),
    "leave": LeaveReview(()),
    "pause": Pause(),
    "resume": Resume(),
    "skip": Skip(),
    "question": AskQuestion(),
    "status": Status(),
    "stories": ListStories(None),
    "interview add": OpenInterviewForm(),
    "story add": OpenStoryForm(""),
    "story list": ListStories(None),
    "role": ShowRole(),
    "export": Export(),
    "delete": ConfirmDelete(),
}


def parse_command(text: str) -> Command:
    # Slack sends a typed "&" as "&amp;" (and "<", ">" as "&lt;", "&gt;", which stay escaped: they are
    # echoed back to Slack as they came, and mentions are the only real angle brackets).
    text = clean(text).replace("&amp;", "&")
    text = " ".join(text.replace("\u00a0", " ").split(" ")).strip()
    lowered = " ".join(text.lower().split())
    if lowered in SIMPLE:
        return SIMPLE[lowered]
    verb, rest = _split_verb(text)
    match verb:
        case "loop":
            return SetLoop(parse_date(rest))
        case "interview add":
            return parse_interview(rest)
        case "interview remove":
            return RemoveInterview(rest)
        case "reviewer add":
            return AddReviewers(tuple(parse_mentions(rest)))
        case "reviewer remove":
            return RemoveReviewers(tuple(parse_mentions(rest)))
        case "leave":
            return parse_leave(rest)
        case "time":
            return SetTime(parse_time(rest))
        case "question add":
            return parse_question(rest)
        case "story add":
            return OpenStoryForm(rest[:150])
        case "stories":
            return ListStories(_principle(rest))
        case "role":
            return SetRole(parse_role(rest))
    raise InputError(_unknown(text))


def _split_verb(text: str) -> tuple[str, str]:
    words = text.split(maxsplit=2)
    if len(words) >= 2 and f"{words[0]} {words[1]}".lower() in WORDS:
        return f"{words[0]} {words[1]}".lower(), (words[2] if len(words) > 2 else "").strip()
    return words[0].lower(), text[len(words[0]) :].strip()


def _unknown(text: str) -> str:
    first = " ".join(text.split()[:2]).lower()
    close = difflib.get_close_matches(first, WORDS, n=1, cutoff=0.6) or difflib.get_close_matches(
        first.split()[0], WORDS, n=1, cutoff=0.6
    )
    hint = f" Did you mean `/prep {close[0]}`?" if close else ""
    return f"I don't know /prep {quote(text)}.{hint} `/prep help` lists every command."


AT_CLAUSE = re.compile(
    r"(?:^|\s)at\s+(\d\S*)(?:\s+(\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?))?(?=\s|$)",
    re.IGNORECASE,
)
FOCUS_CLAUSE = re.compile(r"(?:^|\s)focus(?:\s+(.*))?$", re.IGNORECASE)
INTERVIEW_USAGE = "`/prep interview add NAME: P1, P2[, P3] [at YYYY-MM-DD HH:MM] [focus FOCUS]`"


def parse_interview(text: str) -> AddInterview:
    if ":" not in text:
        raise InputError(
            f"Put a colon after the interviewer's name: {INTERVIEW_USAGE}, "
            "like `/prep interview add Natesh: backbone, earn trust`."
        )
    name, rest = (part.strip() for part in text.split(":", 1))
    if not name:
        raise InputError(f"Name the interviewer before the colon: {INTERVIEW_USAGE}.")
    if len(name) > MAX_NAME:
        raise InputError(f"That interviewer's name is {len(name)} characters; keep it under {MAX_NAME}.")
    at = None
    at_found = AT_CLAUSE.search(rest)
    if at_found:
        try:
            day = parse_date(at_found.group(1))
            clock = parse_time(at_found.group(2)) if at_found.group(2) else time(9, 0)
        except InputError as error:
            raise InputError(f"{error} The interview time goes as `at YYYY-MM-DD HH:MM`.") from None
        at = datetime.combine(day, clock)
        rest = (rest[: at_found.start()] + " " + rest[at_found.end() :]).strip()
    focus = None
    focus_found = FOCUS_CLAUSE.search(rest)
    if focus_found:
        focus = match_focus(focus_found.group(1) or "")
        rest = rest[: focus_found.start()].strip()
    if not rest.strip(" ,"):
        raise InputError(f"List the interviewer's principles after the colon: {INTERVIEW_USAGE}.")
    principles = parse_principles(rest)
    if len(principles) > MAX_PRINCIPLES_PER_INTERVIEW:
        raise InputError(
            f"That is {len(principles)} principles; an interview covers at most "
            f"{MAX_PRINCIPLES_PER_INTERVIEW} (usually two or three)."
        )
    return AddInterview(interviewer=name, principles=tuple(principles), at=at, focus=focus)


def parse_leave(text: str) -> LeaveReview:
    try:
        return LeaveReview(tuple(parse_mentions(text)))
    except InputError:
        raise InputError(
            f"{quote(text)} is not a mention of a person. `/prep leave` stops reviewing everyone's prep; "
            "`/prep leave @casey` stops reviewing Casey's."
        ) from None


def parse_question(text: str) -> AddQuestion:
    usage = "`/prep question add PRINCIPLE: TEXT`, like `/prep question add ownership: Tell me about a time…`"
    if ":" not in text:
        raise InputError(f"Put a colon after the principle: {usage}.")
    principle_text, question = (part.strip() for part in text.split(":", 1))
    if not question:
        raise InputError(f"Write the question after the colon: {usage}.")
    if len(question) > MAX_QUESTION:
        raise InputError(f"That question is {len(question)} characters; keep it under {MAX_QUESTION}.")
    return AddQuestion(principle=match_principle(principle_text), text=question)


def _principle(text: str) -> str | None:
    return match_principle(text) if text.strip() else None


__all__ = ["Command", "InputError", "PrincipleError", "parse_command"]
