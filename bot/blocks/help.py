"""`/prep help`: what Loop Coach does and every command, with an example each."""

from __future__ import annotations

from typing import Any

from bot.blocks.kit import context, divider, header, message, section
from bot.catalogue import SECTIONS

INTRO = (
    "Loop Coach gets you ready for a behavioral interview loop. Every morning it asks one question "
    "aimed at your next interviewer's Leadership Principles; answer in the thread, your reviewers rate "
    "the answer with 1️⃣–5️⃣, and your STAR stories and the countdown keep you on track."
)


def help_message() -> dict[str, Any]:
    blocks = [header("Loop Coach — /prep"), section(INTRO)]
    lines = [INTRO, ""]
    for title, commands in SECTIONS:
        blocks.append(divider())
        rows = []
        for command in commands:
            rows.append(f"`/prep {command.usage}` — {command.does}\n      e.g. `{command.example}`")
            lines.append(f"/prep {command.usage} — {command.does}")
        blocks.append(section(f"*{title}*\n" + "\n".join(rows)))
    blocks.append(
        context("Principles can be typed loosely: `backbone`, `disagree & commit`, `earn trust of others`.")
    )
    return message("\n".join(lines), blocks)
