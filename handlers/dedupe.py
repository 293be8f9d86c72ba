"""Slack retries events it thinks we missed; each event id is handled once, whatever arrives again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from sqlalchemy.exc import IntegrityError

from bot.models import ProcessedEvent
from handlers.people import deps_of

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    app.middleware(skip_seen_events)


def skip_seen_events(body: dict[str, Any], context: BoltContext, next: Callable[[], BoltResponse]) -> Any:
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not event_id:
        return next()
    deps = deps_of(context)
    try:
        with deps.sessions.begin() as session:
            session.add(
                ProcessedEvent(
                    event_id=str(event_id)[:64],
                    team_id=str(body.get("team_id", ""))[:32],
                    received_at=deps.clock.now(),
                )
            )
    except IntegrityError:
        logger.info("event %s already handled; this delivery is a retry or duplicate", event_id)
        return BoltResponse(status=200, body="")
    return next()
