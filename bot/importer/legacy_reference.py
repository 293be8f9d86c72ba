"""Reading a candidate's Markdown prep note: loop date, interviews, questions, stories. Pure.

Generous about layout (any heading level, bold or plain labels, numbered or bulleted lists,
Obsidian `[[page#Principle]]` links or plain names), strict about meaning: a principle that cannot
be named, or a note with nothing recognisable in it, is refused with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.focus import match_focus
from bot.parsing import InputError, clean
from bot.principles import PrincipleError, match_principle, normalise, parse_principles

MONTHS = {
    name: n
    for n, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({name[:3]: n for name, n in list(MONTHS.items())})
MONTHS["sept"] = 9

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*\s*:?\s*$")
RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,})\s*$")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
WIKI_LINK = re.compile(r"\[\[([^\]|]*?)(?:\|([^\]]*))?\]\]")
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?\**\s*([A-Za-z][A-Za-z /]{1,30}?)\s*\**\s*[:：]\s*\**\s*(.*?)\s*\**\s*$"
)
INTERVIEW_HEADING = re.compile(r"^\W*interview\s*#?\s*(\d+)\b", re.IGNORECASE)
STORY_HEADING = re.compile(r"^\W*story\s*#?\s*(\d*)\s*(?:[-–—:.]\s*)?(.*)$", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
WORDY_DATE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
DAY_FIRST_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
STAR_LABELS = {
    "situation": "situation",
    "s": "situation",
    "task": "task",
    "t": "task",
    "action": "action",
    "actions": "action",
    "a": "action",
    "result": "result",
    "results": "result",
    "r": "result",
    "metrics": "metrics",
    "metric": "metrics",
    "numbers": "metrics",
}
MAX_NOTE_BYTES = 1_000_000


class NoteError(InputError):
    """A note that cannot be imported; the message says why."""


@dataclass
class ImportedInterview:
    interviewer: str
    principles: list[str]
    focus: str | None = None


@dataclass
class ImportedStory:
    title: str
    principles: list[str]
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    metrics: str = ""
    notes: str = ""


@dataclass
class ImportedNote:
    loop_date: date | None = None
    interviews: list[ImportedInterview] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (principle, text)
    stories: list[ImportedStory] = field(default_factory=list)


@dataclass
class Section:
    level: int
    title: str
    lines: list[str]


def plain(text: str) -> str:
    """Markdown emphasis and links removed, whitespace collapsed: `**Tell** **me**` → `Tell me`."""
    text = WIKI_LINK.sub(lambda m: m.group(2) or m.group(1).split("#")[-1], text)
    text = MD_LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())


def sections(text: str) -> list[Section]:
    """The note cut at every heading, of any level. A bold line alone counts as a heading when it
    reads like one of ours ("**Interview 2**", "**Story 1 - …**")."""
    found = [Section(0, "", [])]
    for line in text.splitlines():
        heading = HEADING.match(line)
        bold = BOLD_LINE.match(line.strip())
        if heading:
            found.append(Section(len(heading.group(1)), plain(heading.group(2)), []))
        elif bold and (is_interview_title(plain(bold.group(1))) or is_story_title(plain(bold.group(1)))):
            found.append(Section(7, plain(bold.group(1)), []))
        else:
            found[-1].lines.append(line)
    return found


def is_interview_title(title: str) -> bool:
    return bool(INTERVIEW_HEADING.match(title))


def is_story_title(title: str) -> bool:
    return title.lower().lstrip("#*- ").startswith("story") and bool(STORY_HEADING.match(title))


def parse_note(text: str) -> ImportedNote:
    if len(text.encode()) > MAX_NOTE_BYTES:
        raise NoteError("That note is over 1 MB; a prep note is a few pages of Markdown.")
    text = clean(text)
    note = ImportedNote(loop_date=find_loop_date(text))
    principle: str | None = None
    for section in sections(text):
        title = section.title
        if is_interview_title(title) or any(label_of(line) == "interviewer" for line in section.lines):
            interview = read_interview(title, section.lines)
            if interview:
                note.interviews.append(interview)
            continue
        story = STORY_HEADING.match(title)
        if story and is_story_title(title):
            note.stories.append(read_story(story.group(1), story.group(2), section.lines, principle))
            continue
        heading_principle = principle_heading(title)
        if heading_principle:
            principle = heading_principle
            note.questions += [(principle, q) for q in read_questions(section.lines)]
        elif section.level and section.level <= 3:
            principle = None  # a new top-level topic ends the principle's part of the note
    if not (note.interviews or note.questions or note.stories):
        raise NoteError(
            "I couldn't find any interviews (“Interviewer: NAME” with a list of principles), "
            "questions under a principle heading, or stories (“Story 1 …” headings) in that file, "
            "so nothing was imported."
        )
    return note


def label_of(line: str) -> str | None:
    found = LABEL.match(line)
    return found.group(1).strip().lower() if found else None


def principle_heading(title: str) -> str | None:
    """A heading that names a principle (and only that), e.g. `Have Backbone; Disagree and Commit`."""
    words = normalise(title).split()
    if not words or len(words) > 7:
        return None
    try:
        return match_principle(title)
    except PrincipleError:
        return None


def find_loop_date(text: str) -> date | None:
    """The date the note gives for the loop: an explicit `Loop date:` wins, then the date on the line
    that most looks like the loop's schedule ("scheduled for …"), earliest such line on a tie."""
    best: tuple[int, int, date] | None = None
    for index, line in enumerate(text.splitlines()):
        lowered = line.lower()
        for day in dates_in(line):
            score = (
                10 * ("loop date" in lowered)
                + 3 * ("loop" in lowered)
                + 2 * ("scheduled" in lowered)
                + ("interview" in lowered)
                - 3 * ("culture" in lowered)
            )
            if best is None or (score, -index) > (best[0], best[1]):
                best = (score, -index, day)
    return best[2] if best else None


def dates_in(line: str) -> list[date]:
    found = []
    for year, month, day in ISO_DATE.findall(line):
        found.append((int(year), int(month), int(day)))
    for month_name, day, year in WORDY_DATE.findall(line):
        if month_name.lower() in MONTHS:
            found.append((int(year), MONTHS[month_name.lower()], int(day)))
    for day, month_name, year in DAY_FIRST_DATE.findall(line):
        if month_name.lower() in MONTHS:
            found.append((int(year), MONTHS[month_name.lower()], int(day)))
    valid = []
    for year, month, day in found:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            continue
    return valid


def labelled_blocks(lines: list[str]) -> dict[str, list[str]]:
    """Lines grouped under `Label:` / `**Label**` markers; an inline value is the first item."""
    blocks: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        stripped = line.strip()
        if RULE.match(stripped):
            current = None
            continue
        bold = BOLD_LINE.match(stripped)
        label = LABEL.match(stripped)
        if bold and not LIST_ITEM.match(line):
            current = plain(bold.group(1)).lower().rstrip(":")
            blocks.setdefault(current, [])
        elif (
            label
            and not LIST_ITEM.match(line)
            and label.group(1).strip().lower()
            in ("interviewer", "principles", "principle", "review", "focus", "focus areas", "lps")
        ):
            current = label.group(1).strip().lower()
            blocks.setdefault(current, [])
            if label.group(2):
                blocks[current].append(label.group(2))
        elif current and stripped:
            item = LIST_ITEM.match(line)
            blocks[current].append(item.group(2) if item else stripped)
    return blocks


def read_interview(title: str, lines: list[str]) -> ImportedInterview | None:
    blocks = labelled_blocks(lines)
    names = blocks.get("interviewer") or []
    if not names:
        return None
    name = plain(names[0])[:200]
    raw = blocks.get("principles") or blocks.get("principle") or blocks.get("lps") or []
    principles: list[str] = []
    for item in raw:
        links = WIKI_LINK.findall(item)
        texts = [(alias or target.split("#")[-1]) for target, alias in links] or [plain(item)]
        for typed in texts:
            try:
                principles += parse_principles(typed)
            except PrincipleError as error:
                where = f"{title or 'an interview'} ({name})"
                raise NoteError(f"In {where}, {error}") from None
    if not principles:
        raise NoteError(
            f"{title or 'An interview'} ({name}) lists no principles: add them under “Principles”."
        )
    focus_items = [
        plain(WIKI_LINK.sub("", item))
        for item in blocks.get("review", []) + blocks.get("focus", []) + blocks.get("focus areas", [])
    ]
    focus = ", ".join(dict.fromkeys(focus_label(item) for item in focus_items if item)) or None
    return ImportedInterview(name, list(dict.fromkeys(principles)), focus[:200] if focus else None)


def focus_label(item: str) -> str:
    try:
        return match_focus(item)
    except InputError:
        return item


def read_questions(lines: list[str]) -> list[str]:
    """Top-level list items under a principle heading; nested items are the candidate's own notes."""
    questions = []
    for line in lines:
        item = LIST_ITEM.match(line.expandtabs(4))
        if not item or len(item.group(1)) >= 2:
            continue
        text = plain(item.group(2))
        if len(text) >= 12 and not text.startswith("!"):
            questions.append(text[:1000])
    return questions


def read_story(number: str, heading_rest: str, lines: list[str], principle: str | None) -> ImportedStory:
    parts: dict[str, list[str]] = {}
    notes: list[str] = []
    principles = [principle] if principle else []
    current: str | None = None
    for line in lines:
        stripped = line.rstrip()
        if RULE.match(stripped):
            continue
        label = LABEL.match(stripped.strip())
        key = label.group(1).strip().lower() if label else None
        if key in ("principles", "principle", "lps"):
            try:
                principles += parse_principles(plain(label.group(2)))  # type: ignore[union-attr]
            except PrincipleError as error:
                raise NoteError(f"In story {number or heading_rest}: {error}") from None
            continue
        if key in STAR_LABELS:
            current = STAR_LABELS[key]
            rest = label.group(2) if label else ""
            parts.setdefault(current, [])
            if rest:
                parts[current].append(rest)
            continue
        if key and len(key.split()) <= 3:
            current = None  # another label ("Lessons:", "Note:") ends the STAR part; it is kept as a note
        (parts.setdefault(current, []) if current else notes).append(stripped)
    body = [line for line in notes if line.strip()]
    title = plain(heading_rest).rstrip(".") or (plain(body[0])[:80] if body else f"Story {number}".strip())
    clean = {name: "\n".join(text).strip() for name, text in parts.items()}
    return ImportedStory(
        title=title[:150],
        principles=list(dict.fromkeys(principles)),
        situation=clean.get("situation", ""),
        task=clean.get("task", ""),
        action=clean.get("action", ""),
        result=clean.get("result", ""),
        metrics=clean.get("metrics", ""),
        notes="\n".join(notes).strip(),
    )
