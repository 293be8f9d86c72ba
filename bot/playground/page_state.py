"""What the page shows, as one JSON document: the workspace as each person sees it, and the time."""

from __future__ import annotations

from typing import Any

from bot.plan import zone
from bot.playground.cast import CAST
from bot.playground.manifest import app_commands
from bot.playground.web_api import public
from bot.playground.workspace import BOT_ID, BOT_USER_ID, TEAM_ID
from bot.playground.world import World

BOT_NAME = "Loop Coach"


def snapshot(world: World) -> dict[str, Any]:
    seen = world.slack.copy()
    now = world.clock.now().astimezone(zone(world.zone))
    views = seen["views"]
    roles = {person.id: person.role for person in CAST}
    return {
        "version": seen["version"],
        "team": TEAM_ID,
        "now": {
            "iso": now.isoformat(),
            "date": now.date().isoformat(),
            "label": f"{now:%a} {now.day} {now:%b %Y} · {now:%H:%M}",
            "zone": world.zone,
        },
        "bot": {"id": BOT_USER_ID, "bot_id": BOT_ID, "name": BOT_NAME},
        "commands": list(app_commands()),
        "people": [{**user, "role": roles.get(user["id"], "")} for user in seen["users"]],
        "conversations": seen["conversations"],
        "messages": seen["history"],
        "ephemeral": seen["ephemeral"],
        "modals": {
            user: [
                {**public(views[v]), "errors": views[v]["errors"], "trouble": views[v].get("trouble")}
                for v in stack
                if v in views
            ]
            for user, stack in seen["modals"].items()
        },
        "homes": {user: public(views[v]) for user, v in seen["homes"].items() if v in views},
    }
