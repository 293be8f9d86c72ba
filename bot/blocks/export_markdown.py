"""A candidate's export as a Markdown document. Pure.

What people typed can hold anything, Markdown included: every such text is escaped so that it
shows as written and cannot reshape the document (a line of "# …" in an answer stays text).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, tzinfo

from bot.plan import zone as local_zone
from bot.principles import PRINCIPLES
from bot.services.export import AnswerRecord, CandidateExport, GivenFeedback, StoryRecord

# Characters that start or end inline Markdown (or HTML and entities) wherever they stand.
INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What makes a line a heading, list item, quote or rule when it comes first on the line.
BLOCK_START = re.compile(r"^([+\-=])|^(\d+)([.)])")

Names = Mapping[str, str]


def export_markdown(export: CandidateExport, names: Names | None = None) -> str:
    person = _namer(names or {})
    zone = local_zone(export.tz)
    lines = [
        f"# Loop Coach export for {person(export.user_id)}",
        "",
        f"Workspace {inline(export.team_id)} · exported {_stamp(export.exported_at, zone)} · "
        f"times in {inline(export.tz or 'UTC')}",
        "",
    ]
    lines += _loop_section(export, person)
    lines += _answers_section(export, person, zone)
    lines += _stories_section(export.stories)
    lines += _questions_section(export, zone)
    return "\n".join(lines).rstrip() + "\n"


def _loop_section(export: CandidateExport, person: Callable[[str], str]) -> list[str]:
    loop = _day(export.loop_date) if export.loop_date else "not set"
    state = " (paused)" if export.paused else ""
    reviewers = ", ".join(person(r) for r in export.reviewers) or "none"
    lines = [
        "## Your loop",
        "",
        f"- Loop date: {loop}",
        f"- Daily question at {export.prompt_time:%H:%M}{state}",
        f"- Reviewers: {reviewers}",
        f"- Using Loop Coach since {export.joined_at:%Y-%m-%d}",
        "",
        "### Interviews",
        "",
    ]
    if not export.interviews:
        lines += ["No interviews yet.", ""]
    planned = dict(enumerate(export.plan))
    for index, row in enumerate(export.interviews):
        when = _day(row.day) if row.day else "on the loop day"
        if row.at is not None:
            when += f" at {row.at:%H:%M}"
        focus = f" · focus {inline(row.focus)}" if row.focus else ""
        lines.append(
            f"- Interview {row.number}: {inline(row.interviewer)} — {when} — "
            f"{', '.join(row.principles)}{focus}"
        )
        plan = planned.get(index)
        for slot in plan.stories if plan else ():
            story = f"“{inline(slot.story)}”" if slot.story else "no story yet"
            repeat = f" (also told to {inline(slot.also_for)})" if slot.also_for else ""
            lines.append(f"  - story for {slot.principle}: {story}{repeat}")
    return [*lines, ""]


def _answers_section(export: CandidateExport, person: Callable[[str], str], zone: tzinfo) -> list[str]:
    lines = ["## Answers", ""]
    if not export.answers:
        lines += ["No answers yet.", ""]
    for topic, answers in _by_topic(export.answers):
        lines += [f"### {inline(topic)}", ""]
        for answer in answers:
            lines += _answer(answer, person, zone)
    if export.unattached:
        lines += ["### Feedback on questions you had not answered", ""]
        for question, note in export.unattached:
            lines += [f"**{inline(question) or 'A question'}**", "", *_feedback(note, person, zone), ""]
    return lines


def _answer(answer: AnswerRecord, person: Callable[[str], str], zone: tzinfo) -> list[str]:
    edited = f", edited {_stamp(answer.edited_at, zone)}" if answer.edited_at else ""
    lines = [
        f"#### {_stamp(answer.answered_at, zone)}{edited}",
        "",
        f"**Question:** {inline(answer.question) or '(not recorded)'}",
        "",
        *quoted(answer.text),
        "",
        *_check(answer.check),
        "",
    ]
    follow_up = answer.follow_up
    if follow_up is not None:
        lines += [f"**Follow-up:** {inline(follow_up.question.replace('*', ''))}", ""]
        if follow_up.reply is None:
            lines += ["Not answered yet.", ""]
        else:
            assert follow_up.replied_at is not None
            lines += [f"Answered {_stamp(follow_up.replied_at, zone)}:", "", *quoted(follow_up.reply), ""]
            lines += [*_check(follow_up.check), ""]
    if answer.ratings:
        scores = ", ".join(f"{r.score}/5 from {person(r.reviewer)}" for r in answer.ratings)
        lines += [f"**Ratings:** {scores} · average {answer.average:.1f}/5", ""]
    else:
        lines += ["**Ratings:** none yet", ""]
    for note in answer.feedback:
        lines += [*_feedback(note, person, zone), ""]
    return lines


def _check(check: str) -> list[str]:
    """The answer check is our own Slack text: its *bold* marks go, its lines become a list."""
    lines = [line.strip().lstrip("•").strip().replace("*", "") for line in check.splitlines()]
    return [f"- {inline(line)}" for line in lines if line]


def _feedback(note: GivenFeedback, person: Callable[[str], str], zone: tzinfo) -> list[str]:
    return [f"**Feedback from {person(note.reviewer)}** ({_stamp(note.at, zone)}):", "", *quoted(note.text)]


def _stories_section(stories: Iterable[StoryRecord]) -> list[str]:
    lines = ["## Stories", ""]
    told = list(stories)
    if not told:
        lines += ["No stories yet.", ""]
    for story in told:
        lines += [
            f"### {inline(story.title)}",
            "",
            f"Principles: {', '.join(story.principles) or 'none'}",
            "",
        ]
        for label, text in (
            ("Situation", story.situation),
            ("Task", story.task),
            ("Action", story.action),
            ("Result", story.result),
            ("Metrics", story.metrics),
            ("Notes", story.notes),
        ):
            if text.strip():
                lines += [f"**{label}**", "", *quoted(text), ""]
    return lines


def _questions_section(export: CandidateExport, zone: tzinfo) -> list[str]:
    if not export.questions:
        return []
    lines = ["## Your own questions", ""]
    for question in export.questions:
        lines.append(
            f"- {inline(question.topic)}: {inline(question.text)} (added {_stamp(question.added_at, zone)})"
        )
    return [*lines, ""]


def _by_topic(answers: Iterable[AnswerRecord]) -> list[tuple[str, list[AnswerRecord]]]:
    """Principles in their canonical order, then focus areas and the rest alphabetically."""
    grouped: dict[str, list[AnswerRecord]] = {}
    for answer in answers:
        grouped.setdefault(answer.topic, []).append(answer)
    rank = {name: index for index, name in enumerate(PRINCIPLES)}
    order = sorted(grouped, key=lambda topic: (rank.get(topic, len(rank)), topic))
    return [(topic, sorted(grouped[topic], key=lambda a: a.answered_at)) for topic in order]


def inline(text: str) -> str:
    """One line of someone's text, shown literally: whitespace flattened, markup escaped."""
    flat = " ".join(text.split())
    return _guard_line(INLINE.sub(r"\\\1", flat))


def quoted(text: str) -> list[str]:
    """Someone's multi-line text as a block quote, line breaks kept, markup escaped."""
    lines = text.strip().splitlines() or [""]
    out = []
    for line in lines:
        escaped = _guard_line(INLINE.sub(r"\\\1", line.strip()))
        out.append(f"> {escaped}  " if escaped else ">")
    out[-1] = out[-1].rstrip()
    return out


def _guard_line(line: str) -> str:
    return BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


def _namer(names: Names) -> Callable[[str], str]:
    def person(user_id: str) -> str:
        name = names.get(user_id)
        return f"{inline(name)} ({inline(user_id)})" if name else inline(user_id)

    return person


def _stamp(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def _day(day: date) -> str:
    return f"{day:%Y-%m-%d} ({day:%A})"
