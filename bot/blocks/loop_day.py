"""The loop-day messages: the kit (the morning's cheat sheet), the reminder before each interview,
the one-tap debrief after it, and the wrap-up the morning after. Pure.

Each returns {"text", "blocks"}; the text fallback carries the same facts as the blocks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot.answer_check.findings import FIX, LABEL, Finding
from bot.blocks.forms import FormErrors, modal, read_text, text_input
from bot.blocks.kit import Block, actions, button, clip, context, divider, escape, header, message, section
from bot.blocks.stories import planned_line
from bot.blocks.words import clock, names, plural, rating
from bot.services.kit import DebriefFact, InterviewCard, Kit, Move

DEBRIEF_HOW = "debrief_how_"  # + 1..5: how it went
DEBRIEF_QUESTIONS = "debrief_questions"
DEBRIEF_FORM = "debrief_form"
HOW = {1: "😣", 2: "😕", 3: "😐", 4: "🙂", 5: "😄"}
NOTE_CHARS = 900


def card_heading(card: InterviewCard) -> str:
    when = f"{clock(card.at.time())} · " if card.at else ""
    focus = f" · focus {card.focus}" if card.focus else ""
    return f"{when}{card.interviewer}{focus}"


def card_lines(card: InterviewCard) -> list[str]:
    lines = [f"Principles: {names(card.principles)}"]
    lines += [f"• {planned_line(story, with_gist=True)}" for story in card.stories]
    lines += [f"⚠️ Watch: {line}" for line in card.watch]
    return lines


def habit_line(codes: Sequence[str]) -> str:
    fixes = []
    for code in codes[:2]:
        try:
            finding = Finding(code)
        except ValueError:
            continue
        fixes.append(f"{LABEL[finding].lower()} ({FIX[finding]})")
    return "In every interview, watch for: " + "; ".join(fixes) if fixes else ""


def kit_message(loop_day: str, kit: Kit) -> dict[str, Any]:
    intro = f"Your loop is today, {loop_day}. One story per principle, none told twice. You've got this."
    blocks: list[Block] = [header("Loop day cheat sheet"), section(intro)]
    lines = ["Loop day cheat sheet", intro]
    habit = habit_line(kit.habits)
    if habit:
        blocks.append(context(f"🎯 {habit}"))
        lines.append(habit)
    for card in kit.cards:
        body = card_lines(card)
        blocks += [divider(), section(f"*{escape(card_heading(card))}*\n" + "\n".join(body))]
        lines += [card_heading(card), *body]
    if kit.lacking:
        note = f"No story of its own for: {names(kit.lacking)}. Lead with a recent example and the numbers."
        blocks.append(context(f"⚠️ {note}"))
        lines.append(note)
    if not kit.cards:
        note = "No interviews were added, so there is nothing to plan. Good luck today!"
        blocks.append(section(note))
        lines.append(note)
    for kept in kit.notes:
        said = clip(kept.text.strip(), NOTE_CHARS)
        blocks += [divider(), section(f"*{escape(kept.title)}*\n{said}")]
        lines += [kept.title, said]
    return message("\n".join(lines), blocks)


def reminder_message(card: InterviewCard) -> dict[str, Any]:
    title = f"In 30 minutes: {card.interviewer}" + (f" at {clock(card.at.time())}" if card.at else "")
    body = card_lines(card)
    blocks: list[Block] = [header(f"⏰ {title}"), section("\n".join(body))]
    blocks.append(context("Breathe, smile, say “I”, and end each story with its number."))
    return message("\n".join([f"⏰ {title}", *body]), blocks)


def debrief_message(interviewer: str, how: int | None = None, questions: str = "") -> dict[str, Any]:
    """The one-tap debrief, and the same message once answered (the choice shown, still changeable)."""
    ask = f"How did it go with {interviewer}? Which questions were you asked?"
    buttons = [
        button(
            f"{HOW[score]} {score}",
            f"{DEBRIEF_HOW}{score}",
            value=str(score),
            style="primary" if how == score else None,
        )
        for score in HOW
    ]
    blocks: list[Block] = [
        header(f"Debrief: {interviewer}"),
        section(ask),
        actions(*buttons, block_id="debrief_how"),
        actions(button("📝 Questions asked", DEBRIEF_QUESTIONS), block_id="debrief_questions"),
    ]
    lines = [f"Debrief: {interviewer}", ask]
    if how is not None:
        said = f"How it went: {HOW[how]} {how}/5"
        blocks.append(context(said))
        lines.append(said)
    if questions.strip():
        noted = f"Questions you noted: {clip(questions.strip(), 1500)}"
        blocks.append(section(noted))
        lines.append(noted)
    else:
        hint = "Tap a face for how it went, and 📝 to note the questions: they go into tomorrow's wrap-up."
        blocks.append(context(hint))
        lines.append(hint)
    return message("\n".join(lines), blocks)


def move_line(move: Move) -> str:
    if move.first is None:
        return f"{move.principle}: not practised · {move.last}/100 now"
    change = move.last - move.first
    return f"{move.principle}: {move.first} → {move.last}/100 ({'+' if change >= 0 else ''}{change})"


def debrief_line(debrief: DebriefFact) -> str:
    how = f" ({HOW[debrief.how_it_went]} {debrief.how_it_went}/5)" if debrief.how_it_went else ""
    asked = " ".join(debrief.questions.split()) or "no questions noted"
    return f"{debrief.interviewer}{how}: {clip(asked, 600)}"


def wrap_up_message(
    answers: int,
    ratings: int,
    average: float | None,
    stories: int,
    moves: Sequence[Move] = (),
    debriefs: Sequence[DebriefFact] = (),
) -> dict[str, Any]:
    summary = (
        f"You practised {plural(answers, 'answer')}, your reviewers gave {plural(ratings, 'rating')} "
        f"(average {rating(average)}), and your bank holds {plural(stories, 'story', 'stories')}."
    )
    closing = (
        "That's it for daily questions: I'll stay quiet now. Your stories stay here for next time; "
        "`/prep loop YYYY-MM-DD` starts a new countdown."
    )
    blocks: list[Block] = [header("Your loop is done"), section(summary)]
    lines = ["Your loop is done.", summary]
    if moves:
        moved = [move_line(move) for move in moves]
        blocks.append(
            section("*How your readiness moved over the prep*\n" + "\n".join(f"• {m}" for m in moved))
        )
        lines += ["How your readiness moved over the prep:", *moved]
    if debriefs:
        asked = [debrief_line(debrief) for debrief in debriefs]
        blocks.append(section("*The questions you were asked*\n" + "\n".join(f"• {a}" for a in asked)))
        lines += ["The questions you were asked:", *asked]
    blocks.append(section(closing))
    lines.append(closing)
    return message("\n".join(lines), blocks)


QUESTIONS_LIMIT = 3000


def debrief_form(interviewer: str, questions: str, prompt_id: int) -> dict[str, Any]:
    blocks = [
        text_input(
            "questions",
            "Questions you were asked",
            multiline=True,
            max_length=QUESTIONS_LIMIT,
            initial=questions,
            placeholder="Tell me about a time you disagreed with your manager…",
        )
    ]
    metadata = json.dumps({"prompt_id": prompt_id})
    return modal(DEBRIEF_FORM, f"Debrief: {interviewer}"[:24], "Save", blocks, private_metadata=metadata)


def read_debrief_form(values: dict[str, Any]) -> str:
    text = read_text(values, "questions")
    if not text:
        raise FormErrors({"questions": "Write the questions you remember, one a line."})
    return text


def prompt_id_of(private_metadata: str) -> int | None:
    try:
        value = json.loads(private_metadata or "{}").get("prompt_id")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
