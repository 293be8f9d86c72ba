"""Leaving a workspace: `app_uninstalled` and `tokens_revoked` remove its tokens and its data.

Slack sends both events when an app is removed, in either order, and may deliver each more than
once: every delivery does the whole job, and a job that finds nothing left does nothing. Bolt
hands these two events over without calling auth.test (the token is already dead).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext

from bot.deps import Deps
from bot.revocation import Revocation, revocation_of
from bot.services.erase import purge_workspace
from handlers.background import later

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.event("app_uninstalled")(on_revoked)
    app.event("tokens_revoked")(on_revoked)


def on_revoked(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    team_id = context.team_id or str(body.get("team_id") or "")
    if not team_id:
        logger.warning("a %s event came without a workspace id; nothing to remove", event.get("type"))
        return
    later(context, body, leave_workspace, team_id, context.enterprise_id, dict(event))


def leave_workspace(deps: Deps, team_id: str, enterprise_id: str | None, event: dict[str, Any]) -> None:
    revocation = revocation_of(event, team_id=team_id, enterprise_id=enterprise_id)
    forget_installation(deps, revocation)
    if not revocation.ends_the_workspace:
        return  # only some people's own tokens: the bot still serves the workspace
    with deps.sessions.begin() as session:
        purged = purge_workspace(session, team_id)
    logger.info(
        "left workspace %s (%s): removed %d candidates, %d rows in all",
        team_id,
        event.get("type"),
        purged.candidates,
        purged.total,
    )


def forget_installation(deps: Deps, revocation: Revocation) -> None:
    """Delete the stored tokens the revocation names (bot/workspaces.py): none in single-token
    mode; installed with OAuth, the workspace's installation and bot rows, or a revoked user's."""
    deps.workspaces.forget(revocation)
