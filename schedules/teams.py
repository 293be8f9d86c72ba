"""The clock works a workspace at a time: each with its own bot's client (bot/workspaces.py)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from bot.deps import Deps
from bot.workspaces import NotInstalled

logger = logging.getLogger(__name__)


def grouped(rows: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    """(prompt id, workspace) rows as each workspace's ids, in the order given."""
    teams: dict[str, list[int]] = defaultdict(list)
    for prompt_id, team in rows:
        teams[team].append(prompt_id)
    return dict(teams)


def team_deps(deps: Deps, team: str) -> Deps | None:
    """deps on the workspace's client; None (its rows wait) if it has no installation now, which
    lasts only until its uninstall has purged them."""
    try:
        return deps.for_team(team)
    except NotInstalled:
        logger.warning("workspace %s has no installation; its messages wait", team)
        return None
