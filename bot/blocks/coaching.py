"""What the bot says in an answer's thread: the check (with "Save as story" when the answer earns
it), the interviewer's follow-up, the brief check of the reply, and the offer after a good rating."""

from __future__ import annotations

from typing import Any

from bot.answer_check import AnswerCheck, check_text
from bot.blocks.kit import Block, actions, button, context, message, section
from bot.follow_up import FollowUpQuestion
from bot.follow_up_check import FollowUpCheck, follow_up_check_text

SAVE_AS_STORY = "save_as_story"
FOLLOW_UP_HINT = "Reply in this thread to answer it, as you would out loud: two or three sentences."
OFFER_HINT = "Only the person who answered can save it; the form comes pre-filled from the answer."


def save_button(answer_id: int) -> Block:
    return actions(
        button("💾 Save as story", SAVE_AS_STORY, value=str(answer_id), style="primary"),
        block_id=f"story-offer-{answer_id}",
    )


def check_reply(check: AnswerCheck, offer_for: int | None = None) -> dict[str, Any]:
    """The answer check; with `offer_for` (the answer's id), a "Save as story" button under it."""
    text = check_text(check)
    blocks: list[Block] = [section(text)]
    if offer_for is not None:
        blocks += [save_button(offer_for), context(OFFER_HINT)]
        text += "\n💾 A clean answer: “Save as story” keeps it for your loop."
    return message(text, blocks)


def follow_up_message(question: FollowUpQuestion) -> dict[str, Any]:
    heading = f"🎤 *Follow-up:* {question.text}"
    return message(
        f"🎤 Follow-up: {question.text}\n{FOLLOW_UP_HINT}", [section(heading), context(FOLLOW_UP_HINT)]
    )


def follow_up_check_reply(check: FollowUpCheck) -> dict[str, Any]:
    text = follow_up_check_text(check)
    return message(text, [section(text)])


def story_offer(score: int, answer_id: int) -> dict[str, Any]:
    text = f"Rated {score}/5: that answer is worth keeping. Save it as a story for your loop?"
    return message(text, [section(text), save_button(answer_id), context(OFFER_HINT)])
