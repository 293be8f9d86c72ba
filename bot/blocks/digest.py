"""The weekly digests (the candidate's, each reviewer's) and the two gentle nudges, as messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.blocks.kit import clip, context, escape, header, message, section
from bot.blocks.words import mention, mentions, names, plural, rating
from bot.digest import Digest, Unrated
from bot.plan import local_today, short_date

QUESTION_CLIP = 120
LEGEND = "1️⃣ needs work · 2️⃣ · 3️⃣ · 4️⃣ · 5️⃣ ready for the loop"


def digest_message(digest: Digest, countdown: str, *, reviewers: bool) -> dict[str, Any]:
    week = f"{short_date(digest.first_day)} – {short_date(digest.last_day)}"
    if digest.answers:
        topics = ", ".join(f"{topic} {count}" for topic, count in digest.by_topic)
        answered = f"*{plural(digest.answers, 'answer')}* this week: {topics}."
    else:
        answered = "*No answers this week.* Even one a day, out loud, moves the needle."
    lines = [answered]
    if digest.ratings:
        rated = f"Average rating *{rating(digest.average)}* from {plural(digest.ratings, 'rating')}"
        if digest.last_week_average is not None:
            rated += f" (the week before: {rating(digest.last_week_average)})"
        lines.append(rated + ".")
    if digest.unrated:
        told = (
            "I've reminded your reviewers"
            if reviewers
            else "invite a reviewer with `/prep reviewer add @name`"
        )
        lines.append(f"{plural(digest.unrated, 'answer')} still waiting for a rating; {told}.")
    if digest.improved:
        moved = ", ".join(f"{i.principle} {i.before} → {i.after}" for i in digest.improved)
        lines.append(f"Improved: {moved} (readiness, 0–100).")
    if digest.practise_next:
        lines.append(f"Practise next: *{names(digest.practise_next)}*.")
    blocks = [
        header("Your week of practice"),
        context(f"{week} · {countdown}"),
        section("\n".join(f"• {line}" for line in lines)),
        context(
            "`/prep progress` draws the chart · `/prep history` lists every answer · `/prep digest` sets the day"
        ),
    ]
    text = f"Your week of practice ({week}, {countdown}):\n" + "\n".join(lines).replace("*", "")
    return message(text, blocks)


def reviewer_digest_message(candidate: str, waiting: Sequence[Unrated], tz: str | None) -> dict[str, Any]:
    verb = "is" if len(waiting) == 1 else "are"
    intro = (
        f"{plural(len(waiting), 'answer')} from {mention(candidate)} {verb} waiting for your rating. "
        f"React on each answer, in its thread in your group DM with {mention(candidate)} and me: {LEGEND}."
    )
    items = [
        f"• {short_date(local_today(a.answered_at, tz))} · *{a.topic}* — _{escape(clip(' '.join(a.question.split()), QUESTION_CLIP))}_"
        for a in waiting
    ]
    text = intro + "\n" + "\n".join(item.replace("*", "").replace("_", "") for item in items)
    return message(text, [section(intro), section("\n".join(items))])


def evening_nudge_message(candidate: str, topic: str) -> dict[str, Any]:
    text = (
        f"{mention(candidate)} a gentle nudge: this morning's *{topic}* question is still open. "
        "Two minutes out loud, then your answer in its thread. No time today? Tomorrow brings the next one."
    )
    return message(text.replace("*", ""), [section(text)])


def rating_nudge_message(
    reviewers: Sequence[str], candidate: str, topic: str, answered: str
) -> dict[str, Any]:
    text = (
        f"{mentions(reviewers)}: {mention(candidate)}'s answer on *{topic}* from {answered} is waiting for a "
        f"rating. React on it in the question's thread: {LEGEND}. A line of feedback there helps too."
    )
    return message(text.replace("*", ""), [section(text)])
