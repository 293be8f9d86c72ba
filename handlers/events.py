"""Events that keep our cache true: a changed profile may mean a new time zone."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps
from bot.services.candidates import Who, find_candidate, remember_timezone
from handlers.background import later


def register(app: App) -> None:
    app.event("user_change")(on_user_change)


def on_user_change(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    user = event.get("user") or {}
    tz = user.get("tz")
    if not user.get("id") or not tz:
        return
    # Keyed by the workspace the event came from, never by what the profile in it claims.
    later(context, body, refresh_timezone, Who(team_id=context.team_id or "", user_id=user["id"]), tz)


def refresh_timezone(deps: Deps, who: Who, tz: str) -> None:
    with deps.sessions.begin() as session:
        if find_candidate(session, who) is not None:
            remember_timezone(session, who, tz, now=deps.clock.now())
