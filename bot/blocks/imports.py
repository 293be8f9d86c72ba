"""What an import says: the preview of a shared note with Import / Cancel, and what changed."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot.blocks.kit import actions, button, clip, context, escape, header, message, section
from bot.blocks.words import names, plural
from bot.importer import ImportedNote
from bot.parsing import quote
from bot.plan import long_date
from bot.services.importing import ImportSummary, Tally
from bot.services.pending_imports import Preview

IMPORT_NOTE = "import_note"
CANCEL_IMPORT = "cancel_import"
PICK_LOOP_DATE = "import_loop_date"
LOOP_DATE_BLOCK = "import_loop_date"
SAMPLES = 3
LISTED = 6


def tally(count: Tally, singular: str, plural_form: str | None = None) -> str:
    parts = [f"{count.new} new"] if count.new else []
    if count.updated:
        parts.append(f"{count.updated} updated")
    if count.unchanged:
        parts.append(f"{count.unchanged} already here")
    return f"{plural(count.total, singular, plural_form)} ({', '.join(parts) or 'none'})"


def import_summary(name: str, summary: ImportSummary) -> str:
    if summary.loop_date is None:
        loop = "no loop date found"
    else:
        loop = f"loop date {long_date(summary.loop_date)}"
        if summary.loop_passed:
            loop += " (already past: set your coming loop with `/prep loop YYYY-MM-DD`)"
    lines = [
        f"Imported {quote(name)}: {loop}; {tally(summary.interviews, 'interview')}; "
        f"{tally(summary.questions, 'question')}; {tally(summary.stories, 'story', 'stories')}."
    ]
    if not summary.changed_anything:
        lines.append("Nothing changed: everything in this note was already here.")
    return " ".join(lines)


def preview_message(name: str, preview: Preview) -> dict[str, Any]:
    note, summary = preview.note, preview.summary
    counts = (
        f"{tally(summary.interviews, 'interview')}, {tally(summary.questions, 'question')}, "
        f"{tally(summary.stories, 'story', 'stories')}"
    )
    text = f"Import {quote(name)}? I read {counts}. Nothing is saved until you press Import."
    blocks = [header(f"Import {quote(name)[1:-1]}?"), section(loop_line(note, preview))]
    if preview.loop_passed:
        blocks.append(
            {
                "type": "actions",
                "block_id": LOOP_DATE_BLOCK,
                "elements": [
                    {
                        "type": "datepicker",
                        "action_id": PICK_LOOP_DATE,
                        "placeholder": {"type": "plain_text", "text": "Your coming loop date"},
                    }
                ],
            }
        )
    if note.interviews:
        listed = [
            f"• {escape(i.interviewer)}: {names(i.principles)}" + (f" ({escape(i.focus)})" if i.focus else "")
            for i in note.interviews[:LISTED]
        ]
        more = len(note.interviews) - LISTED
        blocks.append(
            section(
                f"*{tally(summary.interviews, 'interview').capitalize()}*\n"
                + "\n".join(listed)
                + (f"\n… and {more} more" if more > 0 else "")
            )
        )
    if note.questions:
        by_principle = Counter(q.principle or q.focus or "No principle" for q in note.questions)
        per = " · ".join(f"{p} ({n})" for p, n in by_principle.most_common())
        firsts = {q.principle or q.focus: q for q in reversed(note.questions)}  # each part's first question
        samples = "\n".join(
            f"> {escape(clip(q.text, 150))}" for q in list(reversed(firsts.values()))[:SAMPLES]
        )
        blocks.append(section(f"*{tally(summary.questions, 'question').capitalize()}*\n{per}\n{samples}"))
    if note.stories:
        listed = [
            f"• {escape(s.title)}" + (f" ({names(s.principles)})" if s.principles else "")
            for s in note.stories[:LISTED]
        ]
        more = len(note.stories) - LISTED
        blocks.append(
            section(
                f"*{tally(summary.stories, 'story', 'stories').capitalize()}*\n"
                + "\n".join(listed)
                + (f"\n… and {more} more" if more > 0 else "")
            )
        )
    blocks.append(
        context("Nothing is saved until you press *Import*. Importing the same note again changes nothing.")
    )
    blocks.append(
        actions(
            button("Import", IMPORT_NOTE, str(preview.pending_id), style="primary"),
            button("Cancel", CANCEL_IMPORT, str(preview.pending_id)),
        )
    )
    return message(text, blocks)


def loop_line(note: ImportedNote, preview: Preview) -> str:
    if note.loop_date is None:
        return "*Loop date*: none in this note (set it with `/prep loop YYYY-MM-DD`)."
    if preview.loop_passed:
        return (
            f"*Loop date*: the note says {long_date(note.loop_date)}, which has passed. "
            "Pick your coming loop date below before you press Import, or import without it "
            "and set it later with `/prep loop YYYY-MM-DD`."
        )
    change = "" if preview.summary.loop_changed else " (already set)"
    return f"*Loop date*: {long_date(note.loop_date)}{change}."


def imported_message(name: str, summary: ImportSummary) -> dict[str, Any]:
    text = import_summary(name, summary)
    return message(text, [section(text)])


def cancelled_message(name: str) -> dict[str, Any]:
    text = f"Cancelled: nothing from {quote(name)} was imported."
    return message(text, [section(text)])


def past_date_message(picked: str) -> str:
    return f"{picked} has passed too: pick the date of your coming loop, then press Import again."
