"""The composition root: settings in, one frozen bundle of collaborators out."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.clock import Clock, SystemClock
from bot.db import Sessions, create_db_engine, session_factory
from bot.job_queue import JobQueue, queue_for
from bot.pacing import Pacer
from bot.settings import Settings
from bot.slack_client import web_client


@dataclass(frozen=True)
class Deps:
    settings: Settings
    engine: Engine
    sessions: Sessions
    clock: Clock
    slack: WebClient
    queue: JobQueue  # where listeners' and the clock's jobs go (bot/job_queue.py)


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
    return Deps(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        clock=clock or SystemClock(),
        slack=web_client(settings.slack_bot_token.get_secret_value(), settings.slack_api_url, pacer=pacer),
        queue=queue or queue_for(settings.database_url),
    )
