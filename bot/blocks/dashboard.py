"""`/prep status` and the App Home tab: the same dashboard, with buttons on Home."""

from __future__ import annotations

from typing import Any

from bot.blocks.kit import Block, actions, button, clip, context, divider, escape, header, message, section
from bot.blocks.replies import interview_line
from bot.blocks.words import clock, interview_when, mentions, names, plural, rating, when
from bot.plan import long_date, short_date
from bot.services.status import Dashboard, Verdict
from bot.weekdays import ALL_DAYS, describe

OPEN_INTERVIEW_FORM = "open_interview_form"
OPEN_STORY_FORM = "open_story_form"
ASK_QUESTION_NOW = "ask_question_now"


def dashboard_lines(board: Dashboard) -> list[str]:
    """The facts of the dashboard, one per line: the text fallback and the tests read these."""
    loop = board.loop
    lines = [
        f"{loop.countdown} — {long_date(loop.loop_date)}"
        if loop.loop_date
        else "No loop date yet: set it with `/prep loop YYYY-MM-DD`."
    ]
    if board.next_interview:
        nxt = board.next_interview
        focus = f" · focus {nxt.focus}" if nxt.focus else ""
        lines.append(
            f"Next interview: {nxt.interviewer}, {interview_when(nxt.day, nxt.at, nxt.on_loop_day)}"
            f" — {names(nxt.principles)}{focus}"
        )
    elif not board.interviews:
        lines.append("No interviews yet: add one with `/prep interview add NAME: P1, P2`.")
    schedule = f"Daily question at {clock(board.prompt_time)} ({board.tz or 'UTC'})"
    if loop.days != ALL_DAYS:
        schedule += f", {describe(loop.days)}"
    if loop.paused:
        schedule += f", paused until {short_date(loop.paused_until)}" if loop.paused_until else ", paused"
    elif loop.next_prompt_local:
        schedule += f", next {when(loop.next_prompt_local)}"
    lines.append(schedule)
    if board.role:
        lines.append(f"Role: {escape(board.role)} (`/prep role` to change)")
    lines.append(
        f"Reviewers: {mentions(board.reviewers)}"
        if board.reviewers
        else "Reviewers: none yet (`/prep reviewer add @name`)"
    )
    return lines


def progress_lines(board: Dashboard) -> list[str]:
    return [
        f"*{row.principle}* — {plural(row.answers, 'answer')} · {rating(row.average)} · "
        f"{plural(row.stories, 'story', 'stories')} · readiness {row.readiness}/100 ({row.level})"
        for row in board.progress
    ]


def recent_lines(board: Dashboard) -> list[str]:
    lines = []
    for answer in board.recent:
        rated = (
            f"{rating(answer.average)} from {plural(answer.ratings, 'rating')}"
            if answer.ratings
            else "not rated yet"
        )
        checked = f" · check {answer.check_score}/5" if answer.check_score is not None else ""
        lines.append(f"*{answer.topic}* — {clip(answer.question, 120)} · {rated}{checked}")
        if answer.follow_up:
            replied = (
                f"answered, check {answer.follow_up_score}/5"
                if answer.follow_up_score is not None
                else "not answered yet"
            )
            lines.append(f"    ↳ follow-up: {clip(answer.follow_up, 100)} · {replied}")
    return lines


def verdict_text(verdict: Verdict | None) -> str:
    if verdict is None:
        return "not answered yet"
    parts = [rating(verdict.rating) if verdict.rating is not None else "not rated"]
    if verdict.check_score is not None:
        parts.append(f"check {verdict.check_score}/5")
    return " · ".join(parts)


def redo_lines(board: Dashboard) -> list[str]:
    """Before → after for each second try: the rating and the answer check's score."""
    lines = []
    for redo in board.redos:
        before, after = redo.before, redo.after
        change = f"{rating(before.rating)} → {rating(after.rating) if after else '…'}"
        checks = ""
        if before.check_score is not None or (after and after.check_score is not None):
            after_check = after.check_score if after and after.check_score is not None else "…"
            checks = f" · check {before.check_score if before.check_score is not None else '—'}/5 → {after_check}/5"
        waiting = "" if after else " (second try not answered yet)"
        lines.append(f"🔁 *{redo.topic}* — rated {change}{checks}{waiting} · {clip(redo.question, 100)}")
    return lines


def feedback_lines(board: Dashboard) -> list[str]:
    return [f"*{note.topic}* · 💬 <@{note.reviewer}>: {clip(note.text, 200)}" for note in board.feedback]


def gap_lines(board: Dashboard) -> list[str]:
    gaps = []
    if board.progress and board.weak:
        gaps.append(f"Weak: {names(board.weak)} — each comes back soon as a second try")
    if board.progress and board.without_story:
        gaps.append(f"No story yet for: {names(board.without_story)}")
    if board.progress and board.without_answer:
        gaps.append(f"Not practised yet: {names(board.without_answer)}")
    return gaps


SECTIONS = (
    ("Second tries", redo_lines),
    ("Recent answers", recent_lines),
    ("Reviewers' feedback", feedback_lines),
)


def dashboard_blocks(board: Dashboard) -> list[Block]:
    facts = dashboard_lines(board)
    blocks: list[Block] = [header("Your loop prep"), section(f"*{facts[0]}*"), section("\n".join(facts[1:]))]
    if board.progress:
        blocks += [divider(), section("*Principles of your loop*\n" + "\n".join(progress_lines(board)))]
        gaps = gap_lines(board)
        if gaps:
            blocks.append(context(*(f"⚠️ {gap}" for gap in gaps)))
    for title, lines_of in SECTIONS:
        lines = lines_of(board)
        if lines:
            blocks += [divider(), section(f"*{title}*\n" + "\n".join(lines))]
    return blocks


def status_message(board: Dashboard) -> dict[str, Any]:
    listed = progress_lines(board)
    for title, lines_of in SECTIONS:
        lines = lines_of(board)
        listed += [f"{title}:", *lines] if lines else []
    text_lines = dashboard_lines(board) + [line.replace("*", "") for line in listed] + gap_lines(board)
    return message("\n".join(text_lines), dashboard_blocks(board))


def home_view(board: Dashboard | None) -> dict[str, Any]:
    buttons = actions(
        button("Add interview", OPEN_INTERVIEW_FORM, style="primary"),
        button("Add story", OPEN_STORY_FORM),
        button("Ask me a question now", ASK_QUESTION_NOW),
        block_id="home_actions",
    )
    if board is None:
        blocks = [
            header("Loop Coach"),
            section(
                "I'll get you ready for your interview loop: one question a day aimed at your next interviewer, "
                "answers rated by your peers, and your STAR stories in one place.\n"
                "Start with `/prep loop YYYY-MM-DD`, then `/prep interview add NAME: P1, P2`."
            ),
            buttons,
        ]
    else:
        blocks = dashboard_blocks(board)
        if board.interviews:
            listed = "\n".join(interview_line(row) for row in board.interviews)
            blocks += [divider(), section(f"*Your interviews*\n{listed}")]
        blocks += [divider(), buttons]
    return {"type": "home", "blocks": blocks}
