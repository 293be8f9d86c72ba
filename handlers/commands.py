"""The `/prep` slash command: ack, parse, run the use case, reply."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.blocks.help import help_message
from handlers.reply import respond, respond_text


def register(app: App) -> None:
    app.command("/prep")(on_prep)


def on_prep(ack: Ack, body: dict[str, Any]) -> None:
    ack()
    text = (body.get("text") or "").strip()
    if text in ("", "help"):
        respond(body, help_message())
        return
    respond_text(body, f"`/prep {text}` is not available yet. Try `/prep help`.")
