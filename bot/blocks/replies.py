"""One-line and list replies to `/prep` commands."""

from __future__ import annotations

from typing import Any

from bot.blocks.kit import button, header, message, section
from bot.blocks.words import interview_when, mention, mentions, names, when
from bot.plan import long_date
from bot.services.interviews import InterviewRow
from bot.services.loop import LoopView, Skipped
from bot.services.reviewers import ReviewerChange


def next_question(view: LoopView) -> str:
    if view.paused:
        return "Daily questions are paused; `/prep resume` starts them again."
    if view.next_prompt_local is None:
        return ""
    return f"Next question: {when(view.next_prompt_local)} (your time)."


def loop_reply(view: LoopView, *, just_set: bool = False) -> str:
    if view.loop_date is None:
        return "You have no loop date yet. Set it with `/prep loop YYYY-MM-DD`, like `/prep loop 2026-12-16`."
    if view.countdown == "Your loop is today":
        first = f"Your loop is today, {long_date(view.loop_date)}. Good luck — you've prepared for this."
    else:
        first = f"Your loop is on {long_date(view.loop_date)}: {view.countdown.lower()}."
    extra = next_question(view)
    if just_set and not view.paused:
        extra += " `/prep question` sends one right now."
    return f"{first} {extra}".strip()


def interview_added(row: InterviewRow) -> str:
    focus = f" · focus {row.focus}" if row.focus else ""
    return (
        f"Added interview {row.number}: {row.interviewer}, {interview_when(row.day, row.at, row.on_loop_day)}"
        f" — {names(row.principles)}{focus}."
    )


def interview_line(row: InterviewRow) -> str:
    focus = f" · focus {row.focus}" if row.focus else ""
    return (
        f"{row.number}. {interview_when(row.day, row.at, row.on_loop_day)} — {row.interviewer} — "
        f"{names(row.principles)}{focus}"
    )


def interviews_message(rows: list[InterviewRow]) -> dict[str, Any]:
    if not rows:
        return {
            "text": "No interviews yet. Add one with `/prep interview add NAME: P1, P2[, P3]`, "
            "like `/prep interview add Natesh: backbone, earn trust`."
        }
    lines = [interview_line(row) for row in rows]
    return message(
        "Your interviews:\n" + "\n".join(lines),
        [
            header("Your interviews"),
            section("\n".join(lines)),
            section("_Remove one with `/prep interview remove N`._"),
        ],
    )


def interview_removed(row: InterviewRow) -> str:
    return f"Removed interview {row.number}: {row.interviewer} ({names(row.principles)})."


def reviewers_added(change: ReviewerChange) -> str:
    parts = []
    if change.changed:
        who = mentions(change.changed)
        verb = "is now a reviewer" if len(change.changed) == 1 else "are now reviewers"
        parts.append(
            f"{who} {verb}: they'll see each daily question and your answers, and rate them 1️⃣–5️⃣. "
            "I've sent them a short intro."
        )
    if change.unchanged:
        parts.append(f"{mentions(change.unchanged)} already reviewing.")
    return " ".join(parts)


def reviewers_removed(change: ReviewerChange) -> str:
    parts = []
    if change.changed:
        parts.append(f"{mentions(change.changed)} no longer reviewing; new questions go to the others.")
    if change.unchanged:
        parts.append(f"{mentions(change.unchanged)} wasn't a reviewer, so nothing changed for them.")
    return " ".join(parts)


def reviewers_list(user_ids: tuple[str, ...]) -> str:
    if not user_ids:
        return (
            "No reviewers yet. Invite a peer with `/prep reviewer add @name`: they'll rate your answers 1️⃣–5️⃣."
        )
    return f"Your reviewers: {mentions(user_ids)}."


def time_set(view: LoopView, at_text: str) -> str:
    return f"Daily questions now come at {at_text} ({view.tz or 'UTC'}). {next_question(view)}".strip()


def paused() -> str:
    return "Paused: no daily questions until `/prep resume`. Your loop, interviews and stories are kept."


def resumed(view: LoopView) -> str:
    if view.loop_date is None:
        return "Resumed. Questions start once you set your loop date: `/prep loop YYYY-MM-DD`."
    return f"Resumed. {next_question(view)}"


def skipped(result: Skipped) -> str:
    if result.already_sent:
        return f"Today's question has already gone out, so there is nothing to skip. {next_question(result.view)}"
    return f"Skipped today's question. {next_question(result.view)}"


STOP_REVIEWING = "stop_reviewing"  # the intro's button; its value is the candidate's user id


def intro_for_reviewer(candidate_id: str) -> dict[str, Any]:
    text = (
        f"{mention(candidate_id)} invited you to review their interview practice with Loop Coach. "
        "Each morning they get one behavioral question in a group DM with you and me. When they answer "
        "in the thread, rate the answer by reacting 1️⃣ (needs work) to 5️⃣ (ready for the loop), and "
        "reply in the thread with feedback. Ratings tell them where to practise more."
    )
    leaving = "Not for you? Stop reviewing here, or any time with `/prep leave`; they'll be told."
    return {
        "text": f"{text} {leaving}",
        "blocks": [
            section(text),
            section(leaving, button("Stop reviewing", STOP_REVIEWING, value=candidate_id)),
        ],
    }


def left_review(candidate_ids: tuple[str, ...]) -> str:
    return (
        f"You no longer review {mentions(candidate_ids)}'s interview prep, and I've let them know. "
        "New questions won't come to you; your past ratings stay with their answers."
    )


def reviewer_left(reviewer_id: str) -> str:
    return (
        f"{mention(reviewer_id)} stopped reviewing your interview prep, so new questions no longer go to them. "
        "`/prep reviewers` shows who still reviews; `/prep reviewer add @name` invites someone else."
    )
