"""Slack listeners, grouped by surface. Each module has register(app)."""

from __future__ import annotations

from slack_bolt import App


def register_all(app: App) -> None:
    from handlers import (
        commands,
        data,
        debriefs,
        events,
        home,
        imports,
        messages,
        progress,
        reactions,
        reviewing,
        stories,
        uninstall,
        views,
    )

    commands.register(app)
    home.register(app)
    views.register(app)
    events.register(app)
    messages.register(app)
    reactions.register(app)
    reviewing.register(app)
    stories.register(app)
    debriefs.register(app)
    imports.register(app)
    data.register(app)
    uninstall.register(app)
    progress.register(app)
