"""Events that keep our cache true: a changed profile may mean a new time zone."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.services.candidates import Who, find_candidate, remember_timezone
from handlers.people import deps_of


def register(app: App) -> None:
    app.event("user_change")(on_user_change)


def on_user_change(event: dict[str, Any], context: BoltContext) -> None:
    user = event.get("user") or {}
    tz = user.get("tz")
    if not user.get("id") or not tz:
        return
    deps = deps_of(context)
    who = Who(team_id=user.get("team_id") or context.team_id or "", user_id=user["id"])
    with deps.sessions.begin() as session:
        if find_candidate(session, who) is not None:
            remember_timezone(session, who, tz, now=deps.clock.now())
