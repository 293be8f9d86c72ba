"""The morning messages: the daily question, readiness summaries, the cheat sheet, the wrap-up.

Each returns {"text", "blocks"}; the text fallback carries the same facts as the blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.answer_check.findings import LABEL, Finding
from bot.blocks.kit import Block, context, divider, header, message, section
from bot.blocks.words import names, plural, rating
from bot.questions.bank import SYSTEM_DESIGN_METHOD
from bot.readiness import Level
from bot.services.status import PrincipleProgress

RATING_LEGEND = "Reviewers: react on the answer 1️⃣ needs work · 2️⃣ · 3️⃣ · 4️⃣ · 5️⃣ ready for the loop"
HOW_TO_ANSWER = (
    "Answer in this thread, as you would out loud: Situation, Task, Action, Result — about 2–3 minutes "
    "spoken (300–450 words). Say “I”, and end with a number."
)


@dataclass(frozen=True)
class StoryHint:
    title: str
    principles: tuple[str, ...]


@dataclass(frozen=True)
class SecondTry:
    """What the weak answer a redo follows was given: the candidate sees what to fix."""

    rating: float | None
    check_score: int | None
    findings: tuple[str, ...] = ()


def finding_words(codes: Sequence[str]) -> str:
    """Stored finding codes in the answer check's own words ("too short, no result")."""
    words = []
    for code in codes:
        try:
            label = LABEL[Finding(code)]
        except ValueError:  # a code from a newer or older check
            label = code.replace("_", " ")
        words.append(label[:1].lower() + label[1:])
    return ", ".join(words)


def second_try_line(before: SecondTry) -> str:
    verdict = []
    if before.rating is not None:
        verdict.append(f"rated {rating(before.rating)}")
    if before.check_score is not None:
        verdict.append(f"answer check {before.check_score}/5")
    if before.findings:
        verdict.append(finding_words(before.findings))
    last = f" Last time: {' · '.join(verdict)}." if verdict else ""
    return f"🔁 Second try at this question.{last} Tell it again, fixing that."


@dataclass(frozen=True)
class QuestionPrompt:
    topic: str
    is_focus: bool
    question: str
    interviewer: str | None
    interview_number: int | None
    interview_when: str | None
    countdown: str
    stories: tuple[StoryHint, ...] = ()
    extra: bool = False
    second_try: SecondTry | None = None


def question_message(prompt: QuestionPrompt) -> dict[str, Any]:
    title = f"{prompt.topic} drill" if prompt.is_focus else prompt.topic
    if prompt.interviewer:
        aim = f"For {prompt.interviewer} (interview {prompt.interview_number}, {prompt.interview_when})"
    else:
        aim = "General practice (add interviews with `/prep interview add` to aim questions)"
    facts = f"{aim} · {prompt.countdown}"
    question = prompt.question
    if prompt.topic == "System Design":
        question = f"{question}\n{SYSTEM_DESIGN_METHOD}"
    heading = ("Extra: " if prompt.extra else "") + ("Second try: " if prompt.second_try else "") + title
    blocks: list[Block] = [header(heading), section(f"*{question}*"), context(facts)]
    lines = [f"{title} — {facts}", f"Q: {question}"]
    if prompt.second_try:
        note = second_try_line(prompt.second_try)
        blocks.append(context(note))
        lines.append(note)
    blocks += [section(HOW_TO_ANSWER), context(RATING_LEGEND)]
    lines += [HOW_TO_ANSWER, RATING_LEGEND]
    if prompt.stories:
        listed = "\n".join(f"• {story.title} ({names(story.principles)})" for story in prompt.stories)
        blocks.append(section(f"*Stories you could tell*\n{listed}"))
        lines.append("Stories you could tell: " + "; ".join(story.title for story in prompt.stories))
    elif not prompt.is_focus:
        hint = f"No story tagged {prompt.topic} yet: `/prep story add` saves one."
        blocks.append(context(hint))
        lines.append(hint)
    return message("\n".join(lines), blocks)


def progress_text(rows: Sequence[PrincipleProgress]) -> list[str]:
    return [
        f"{row.principle} — readiness {row.readiness}/100 ({row.level}) · {plural(row.answers, 'answer')} · "
        f"{rating(row.average)} · {plural(row.stories, 'story', 'stories')}"
        for row in rows
    ]


def practise_line(coming: Sequence[str]) -> str:
    """What the next questions will be about: the plan's own picks, so the summary and the questions agree."""
    if len(coming) == 1:
        return f"Practise next: {coming[0]} (today's question)"
    return f"Practise next: {coming[0]} (today's question), then {names(coming[1:])}"


def readiness_message(
    days: int, countdown: str, rows: Sequence[PrincipleProgress], coming: Sequence[str] = ()
) -> dict[str, Any]:
    title = "One week to go" if days == 7 else "Tomorrow is your loop"
    intro = (
        f"{countdown}. Here is where you stand on each principle of your loop."
        if days == 7
        else f"{countdown}. A last look before the day; tomorrow morning you get a cheat sheet per interview."
    )
    lines = progress_text(rows)
    weak = [row.principle for row in rows if row.level in (Level.WEAK, Level.NOT_STARTED)]
    no_story = [row.principle for row in rows if row.stories == 0]
    notes = []
    if weak:
        notes.append(f"Weak or not practised: {names(weak)}")
    if coming:
        notes.append(practise_line(coming))
    if no_story:
        notes.append(f"No story yet for: {names(no_story)}")
    if not rows:
        notes.append("No interviews yet: add them with `/prep interview add` to see a readiness check.")
    blocks: list[Block] = [header(title), section(intro)]
    if lines:
        blocks.append(section("\n".join(f"• {line}" for line in lines)))
    if notes:
        blocks.append(context(*(f"⚠️ {note}" for note in notes)))
    return message("\n".join([title, intro, *lines, *notes]), blocks)


@dataclass(frozen=True)
class CheatSheetEntry:
    heading: str
    lines: tuple[str, ...]


def cheat_sheet_message(
    loop_day: str, entries: Sequence[CheatSheetEntry], lacking: Sequence[str]
) -> dict[str, Any]:
    intro = f"Your loop is today, {loop_day}. One story per principle, none told twice. You've got this."
    blocks: list[Block] = [header("Loop day cheat sheet"), section(intro)]
    lines = ["Loop day cheat sheet", intro]
    for entry in entries:
        blocks += [divider(), section(f"*{entry.heading}*\n" + "\n".join(entry.lines))]
        lines += [entry.heading, *entry.lines]
    if lacking:
        note = f"No story of its own for: {names(lacking)}. Lead with a recent example and the numbers."
        blocks.append(context(f"⚠️ {note}"))
        lines.append(note)
    if not entries:
        note = "No interviews were added, so there is nothing to plan. Good luck today!"
        blocks.append(section(note))
        lines.append(note)
    return message("\n".join(lines), blocks)


def wrap_up_message(answers: int, ratings: int, average: float | None, stories: int) -> dict[str, Any]:
    summary = (
        f"You practised {plural(answers, 'answer')}, your reviewers gave {plural(ratings, 'rating')} "
        f"(average {rating(average)}), and your bank holds {plural(stories, 'story', 'stories')}."
    )
    closing = (
        "That's it for daily questions: I'll stay quiet now. Your stories stay here for next time; "
        "`/prep loop YYYY-MM-DD` starts a new countdown."
    )
    blocks = [header("Your loop is done"), section(summary), section(closing)]
    return message(f"Your loop is done. {summary} {closing}", blocks)
