"""The composition root: settings in, one frozen bundle of collaborators out."""

from __future__ import annotations

from dataclasses import dataclass, replace

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.clock import Clock, SystemClock
from bot.db import Sessions, create_db_engine, session_factory
from bot.job_queue import JobQueue, queue_for
from bot.pacing import Pacer
from bot.settings import Settings
from bot.workspaces import NoWorkspace, OneWorkspace, Workspaces, workspaces_for


@dataclass(frozen=True)
class Deps:
    settings: Settings
    engine: Engine
    sessions: Sessions
    clock: Clock
    # The Slack client of the workspace this work is for. With one bot token, always that token's;
    # installed with OAuth, none (NoWorkspace) until a listener's request or a job's team binds it.
    slack: WebClient
    queue: JobQueue  # where listeners' and the clock's jobs go (bot/job_queue.py)
    workspaces: Workspaces  # each workspace's client (bot/workspaces.py)

    def slack_for(self, team_id: str) -> WebClient:
        """The client of a workspace's own bot (NotInstalled if it has none). With one bot token,
        `slack` itself, whatever it was replaced with (the clock's paced client, a test's)."""
        if isinstance(self.workspaces, OneWorkspace):
            return self.slack
        return self.workspaces.client(team_id)

    def for_team(self, team_id: str) -> Deps:
        """These deps, with `slack` the client of this workspace."""
        client = self.slack_for(team_id)
        return self if client is self.slack else replace(self, slack=client)


def build_deps(
    settings: Settings,
    *,
    clock: Clock | None = None,
    engine: Engine | None = None,
    pacer: Pacer | None = None,
    queue: JobQueue | None = None,
) -> Deps:
    """`pacer`: the clock paces its Slack calls to Slack's limits; the web process answers people."""
    engine = engine or create_db_engine(settings.database_url)
    workspaces = workspaces_for(settings, engine, pacer)
    return Deps(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        clock=clock or SystemClock(),
        slack=workspaces.slack if isinstance(workspaces, OneWorkspace) else NoWorkspace(),
        queue=queue or queue_for(settings.database_url),
        workspaces=workspaces,
    )
