"""The clock's one job, a tick: plain functions of deps, idempotent by construction.

1. Recover rows a dead clock left half-sent.
2. Claim the candidates whose next prompt is due (PostgreSQL: FOR UPDATE SKIP LOCKED, so clocks
   share the work), write their morning's rows, move their next instant on, commit, a batch at a
   time.
3. Meanwhile deliver every pending row, several at a time; one candidate's failure stays theirs.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.deps import Deps
from bot.job_journal import forget_before
from bot.models import Candidate
from bot.services.morning import plan_mornings
from schedules.delivery import chunks, deliver_chunk, pending_ids, reconcile_abandoned

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
    """Deliveries start as soon as the first batch of claims commits, while the next is planned."""
    now = deps.clock.now()
    reconcile_abandoned(deps, now)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="deliver") as pool:
        futures = [pool.submit(deliver_chunk, deps, chunk) for chunk in chunks(pending_ids(deps))]
        claimed = 0
        for candidates, prompt_ids in claim_batches(deps, now):
            claimed += candidates
            futures += [pool.submit(deliver_chunk, deps, chunk) for chunk in chunks(prompt_ids)]
        outcomes = Counter(outcome.status for future in futures for outcome in future.result())
    forget_old_events(deps, now)
    report = TickReport(claimed=claimed, outcomes=dict(outcomes))
    if claimed or outcomes:
        logger.info("tick %s: %d claimed, outcomes %s", now.isoformat(), claimed, dict(outcomes))
    return report


def claim_batches(deps: Deps, now: datetime, batch: int = CLAIM_BATCH) -> Iterator[tuple[int, list[int]]]:
    """Claim due candidates a batch per transaction (SKIP LOCKED lets other clocks take the rest),
    write their mornings, commit; yield (candidates claimed, new prompt ids) after each commit."""
    while True:
        with deps.sessions.begin() as session:
            due = session.scalars(
                select(Candidate)
                .where(Candidate.next_prompt_at <= now)
                .order_by(Candidate.next_prompt_at)
                .limit(batch)
                .with_for_update(skip_locked=True)
            ).all()
            rows = plan_mornings(session, due, now=now)
            prompt_ids = [row.id for row in rows]
        if not due:
            return
        yield len(due), prompt_ids


def forget_old_events(deps: Deps, now: datetime) -> None:
    with deps.sessions.begin() as session:
        forget_before(session, now - EVENT_MEMORY)
