"""The clock's one job, a tick: plain functions of deps, idempotent by construction.

1. Claim the candidates whose next prompt is due (PostgreSQL: FOR UPDATE SKIP LOCKED, so clocks
   share the work), write their morning's rows, move their next instant on, commit.
2. Recover rows a dead clock left half-sent.
3. Deliver every pending row, several at a time; one candidate's failure stays theirs.
"""

from __future__ import annotations

import logging
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from bot.deps import Deps
from bot.models import Candidate, ProcessedEvent
from bot.services.morning import plan_mornings
from schedules.delivery import deliver, pending_ids, reconcile_abandoned

logger = logging.getLogger(__name__)

CLAIM_BATCH = 200
DELIVERY_WORKERS = 8
EVENT_MEMORY = timedelta(days=3)  # Slack retries within minutes; three days is ample


@dataclass(frozen=True)
class TickReport:
    claimed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def sent(self) -> int:
        return self.outcomes.get("sent", 0)

    @property
    def failed(self) -> int:
        return self.outcomes.get("failed", 0) + self.outcomes.get("retry", 0)


def tick(deps: Deps, *, workers: int = DELIVERY_WORKERS) -> TickReport:
    now = deps.clock.now()
    claimed = claim_due(deps, now)
    reconcile_abandoned(deps, now)
    outcomes = deliver_all(deps, pending_ids(deps), workers)
    forget_old_events(deps, now)
    report = TickReport(claimed=claimed, outcomes=dict(outcomes))
    if claimed or outcomes:
        logger.info("tick %s: %d claimed, outcomes %s", now.isoformat(), claimed, dict(outcomes))
    return report


def claim_due(deps: Deps, now: datetime, batch: int = CLAIM_BATCH) -> int:
    """Write the rows of every due candidate, a batch per transaction. Returns candidates claimed."""
    total = 0
    while True:
        with deps.sessions.begin() as session:
            due = session.scalars(
                select(Candidate)
                .where(Candidate.next_prompt_at <= now)
                .order_by(Candidate.next_prompt_at)
                .limit(batch)
                .with_for_update(skip_locked=True)
            ).all()
            plan_mornings(session, due, now=now)
        if not due:
            return total
        total += len(due)


def deliver_all(deps: Deps, prompt_ids: list[int], workers: int) -> Counter[str]:
    if not prompt_ids:
        return Counter()
    with ThreadPoolExecutor(
        max_workers=max(1, min(workers, len(prompt_ids))), thread_name_prefix="deliver"
    ) as pool:
        return Counter(outcome.status for outcome in pool.map(lambda pid: deliver(deps, pid), prompt_ids))


def forget_old_events(deps: Deps, now: datetime) -> None:
    with deps.sessions.begin() as session:
        session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < now - EVENT_MEMORY))
