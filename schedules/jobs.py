"""The clock's jobs: plain functions of (deps), idempotent by construction."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.deps import Deps

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TickReport:
    sent: int = 0
    failed: int = 0


def tick(deps: Deps) -> TickReport:
    """One minute's work. Nothing is due yet: the daily prompt arrives with its own change."""
    now = deps.clock.now()
    logger.debug("tick at %s", now.isoformat())
    return TickReport()
