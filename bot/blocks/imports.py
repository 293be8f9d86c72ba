"""What an import says back: what was read, and what changed."""

from __future__ import annotations

from bot.blocks.words import plural
from bot.parsing import quote
from bot.plan import long_date
from bot.services.importing import ImportSummary, Tally


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
