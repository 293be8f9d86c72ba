"""What `/prep export` and `/prep delete` show: the confirmation modal and the replies. Pure."""

from __future__ import annotations

from typing import Any

from bot.blocks.forms import modal
from bot.blocks.kit import context, section
from bot.blocks.words import plural
from bot.services.erase import Erased

DELETE_FORM = "delete_data_confirm"

NOTHING_TO_EXPORT = (
    "Loop Coach holds nothing of yours in this workspace, so there is nothing to export. "
    "`/prep loop YYYY-MM-DD` starts your prep."
)
EXPORT_SENT = (
    "I've sent your data to our DM: a Markdown file with your loop, answers, checks, ratings, feedback "
    "and stories, and a CSV of your answers."
)
EXPORT_COMMENT = (
    "Your Loop Coach data: the Markdown file has your loop plan, every answer with its question, "
    "check, ratings and feedback, and your stories; the CSV has your answers, one per row."
)
WHAT_GOES = (
    "• your loop date, interviews, daily question time and reviewers\n"
    "• every question sent to you, your answers, their checks, and your reviewers' ratings and feedback\n"
    "• your stories and your own questions"
)


def delete_form() -> dict[str, Any]:
    blocks = [
        section("*Delete everything Loop Coach holds about you?*\nThis removes, for good:\n" + WHAT_GOES),
        section(
            "Daily questions stop. Nothing can be restored afterwards: `/prep export` first if you "
            "want a copy. Messages already in Slack stay where they are."
        ),
        context(
            "Ratings you gave as someone else's reviewer belong to their prep and stay with it; "
            "they can remove you with `/prep reviewer remove`."
        ),
    ]
    view = modal(DELETE_FORM, "Delete your data", "Delete everything", blocks)
    view["close"]["text"] = "Keep my data"
    return view


def erased_message(erased: Erased) -> str:
    if erased.candidates == 0:
        return "Loop Coach holds nothing of yours in this workspace: there was nothing to delete."
    kept = [
        plural(erased.rows.get("answers", 0), "answer"),
        plural(erased.rows.get("stories", 0), "story", "stories"),
        plural(erased.rows.get("interviews", 0), "interview"),
        plural(erased.rows.get("reviewers", 0), "reviewer"),
    ]
    return (
        f"Done: I deleted everything I held about you ({', '.join(kept)}, with their ratings and "
        "feedback). No more daily questions. `/prep loop YYYY-MM-DD` starts again from scratch."
    )
