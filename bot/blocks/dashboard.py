"""`/prep status` and the App Home tab: the same dashboard, with buttons on Home."""

from __future__ import annotations

from typing import Any

from bot.blocks.kit import Block, actions, button, clip, context, divider, header, message, section
from bot.blocks.replies import interview_line
from bot.blocks.words import clock, interview_when, mentions, names, plural, rating, when
from bot.plan import long_date
from bot.services.status import Dashboard

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
    if loop.paused:
        schedule += ", paused"
    elif loop.next_prompt_local:
        schedule += f", next {when(loop.next_prompt_local)}"
    lines.append(schedule)
    lines.append(
        f"Reviewers: {mentions(board.reviewers)}"
        if board.reviewers
        else "Reviewers: none yet (`/prep reviewer add @name`)"
    )
    return lines


def progress_lines(board: Dashboard) -> list[str]:
    return [
        f"*{row.principle}* — {plural(row.answers, 'answer')} · {rating(row.average)} · {plural(row.stories, 'story', 'stories')}"
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
        lines.append(f"*{answer.topic}* — {clip(answer.question, 120)} · {rated}")
        lines += [f"      💬 <@{reviewer}>: {clip(text, 200)}" for reviewer, text in answer.feedback]
    return lines


def gap_lines(board: Dashboard) -> list[str]:
    gaps = []
    if board.progress and board.without_story:
        gaps.append(f"No story yet for: {names(board.without_story)}")
    if board.progress and board.without_answer:
        gaps.append(f"Not practised yet: {names(board.without_answer)}")
    return gaps


def dashboard_blocks(board: Dashboard) -> list[Block]:
    facts = dashboard_lines(board)
    blocks: list[Block] = [header("Your loop prep"), section(f"*{facts[0]}*"), section("\n".join(facts[1:]))]
    if board.progress:
        blocks += [divider(), section("*Principles of your loop*\n" + "\n".join(progress_lines(board)))]
        gaps = gap_lines(board)
        if gaps:
            blocks.append(context(*(f"⚠️ {gap}" for gap in gaps)))
    if board.recent:
        blocks += [divider(), section("*Recent answers*\n" + "\n".join(recent_lines(board)))]
    return blocks


def status_message(board: Dashboard) -> dict[str, Any]:
    text_lines = (
        dashboard_lines(board)
        + [line.replace("*", "") for line in progress_lines(board) + recent_lines(board)]
        + gap_lines(board)
    )
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
