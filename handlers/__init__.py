"""Slack listeners, grouped by surface. Each module has register(app)."""

from __future__ import annotations

from slack_bolt import App


def register_all(app: App) -> None:
    from handlers import commands

    commands.register(app)
