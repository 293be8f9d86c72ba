"""The morning messages: the daily question and the readiness summaries (the loop day's are in
bot/blocks/loop_day.py).

Each returns {"text", "blocks"}; the text fallback carries the same facts as the blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.answer_check.findings import LABEL, Finding
from bot.blocks.kit import Block, context, header, message, section
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
    gist: str = ""  # the story in one line (bot/story_gist.py), so the prompt reminds, not just names


def hint_line(story: StoryHint) -> str:
    return f"{story.title} — {story.gist}" if story.gist else story.title


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
        listed = "\n".join(f"• {hint_line(story)} ({names(story.principles)})" for story in prompt.stories)
        blocks.append(section(f"*Stories you could tell*\n{listed}"))
        lines.append("Stories you could tell: " + "; ".join(hint_line(story) for story in prompt.stories))
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
