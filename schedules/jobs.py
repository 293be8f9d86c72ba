"""The clock's one job, a tick: plain functions of deps, idempotent by construction.

1. Settle rows a dead clock or worker left half-sent (schedules/recovery.py), a bounded number,
   beside the new work.
2. Claim the candidates whose next prompt is due (PostgreSQL: FOR UPDATE SKIP LOCKED, so clocks
   share the work), write their morning's rows, move their next instant on, commit, a batch at a
   time.
3. Deliver every pending row. On PostgreSQL the tick queues the deliveries, a job per workspace and
   chunk, and any number of workers post them (schedules/queued.py); otherwise (SQLite, one
   process) the tick posts them itself, several chunks at a time. One row's failure stays its own.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.deps import Deps
from bot.job_journal import forget_before
from bot.models import Candidate
from bot.services.morning import plan_mornings
from handlers.background import delivery_job
from schedules.delivery import Outcome, chunks, deliver_chunk, pending_rows
from schedules.queued import deliver_prompts, mark_queued, recover_prompts, unqueued
from schedules.recovery import abandoned, reconcile_abandoned
from schedules.teams import grouped, team_deps

logger = logging.getLogger(__name__)

CLAIM_BATCH = 200
DELIVERY_WORKERS = 8
EVENT_MEMORY = timedelta(days=3)  # Slack retries within minutes; three days is ample
JOB_SIZE = 100  # rows per delivery job: a few seconds of posting at Slack's pace


@dataclass(frozen=True)
class TickReport:
    claimed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    queued: int = 0  # rows handed to delivery jobs (PostgreSQL); their outcomes come later

    @property
    def sent(self) -> int:
        return self.outcomes.get("sent", 0)

    @property
    def failed(self) -> int:
        return self.outcomes.get("failed", 0) + self.outcomes.get("retry", 0)


def tick(deps: Deps, *, workers: int = DELIVERY_WORKERS) -> TickReport:
    now = deps.clock.now()
    report = tick_on_queue(deps, now) if deps.queue.durable else tick_in_process(deps, now, workers)
    forget_old_events(deps, now)
    if report.claimed or report.outcomes or report.queued:
        logger.info(
            "tick %s: %d claimed, %d queued, outcomes %s",
            now.isoformat(),
            report.claimed,
            report.queued,
            report.outcomes,
        )
    return report


def tick_in_process(deps: Deps, now: datetime, workers: int) -> TickReport:
    """Deliveries start as soon as the first batch of claims commits, while the next is planned.
    Each chunk holds one workspace's rows and goes out on that workspace's client."""
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="deliver") as pool:

        def deliver(rows: Iterable[tuple[int, str]]) -> list[Future[list[Outcome]]]:
            return [
                pool.submit(deliver_team_chunk, deps, team, chunk)
                for team, ids in grouped(rows).items()
                for chunk in chunks(ids)
            ]

        recovery = pool.submit(reconcile_abandoned, deps, now)
        futures = deliver(pending_rows(deps, now))
        claimed = 0
        for candidates, rows in claim_batches(deps, now):
            claimed += candidates
            futures += deliver(rows)
        # Rows a dead clock left unsent, once Slack's history has said so, go out in this tick too.
        futures += deliver(recovery.result())
        outcomes = Counter(outcome.status for future in futures for outcome in future.result())
    return TickReport(claimed=claimed, outcomes=dict(outcomes))


def deliver_team_chunk(deps: Deps, team: str, prompt_ids: list[int]) -> list[Outcome]:
    bound = team_deps(deps, team)
    if bound is None:
        return [Outcome(prompt_id, "retry") for prompt_id in prompt_ids]  # left pending
    return deliver_chunk(bound, prompt_ids)


def tick_on_queue(deps: Deps, now: datetime) -> TickReport:
    """Queue the work; workers do it. A job is saved before its rows are marked queued, so a clock
    killed in between leaves rows queued twice (harmless), never rows in no job."""
    stamp = now.isoformat()
    turns = Turns()
    for team, ids in by_team(abandoned(deps, now)):
        enqueue(deps, recover_prompts, team, ids, f"recover:{team}:{ids[0]}:{stamp}", stamp)
    queued = 0
    for team, ids in by_team(unqueued(deps, now)):
        enqueue(deps, deliver_prompts, team, ids, f"deliver:{team}:{ids[0]}:{stamp}", stamp, turns)
        mark_queued(deps, ids, now)
        queued += len(ids)
    claimed = 0
    for candidates, rows in claim_batches(deps, now):
        claimed += candidates
        for team, ids in by_team(rows):
            enqueue(deps, deliver_prompts, team, ids, f"deliver:{team}:{ids[0]}:{stamp}", stamp, turns)
            mark_queued(deps, ids, now)
            queued += len(ids)
    return TickReport(claimed=claimed, queued=queued)


def by_team(rows: Iterable[tuple[int, str]]) -> Iterator[tuple[str, list[int]]]:
    """Rows grouped by workspace, in jobs of at most JOB_SIZE rows."""
    for team, ids in grouped(rows).items():
        for job in chunks(ids, JOB_SIZE):
            yield team, job


class Turns(Counter[str]):
    """Each workspace's jobs this tick take turns 0, 1, 2 …: workers take lower turns first, so
    with many workspaces each worker works for a different one, at that workspace's own pace."""

    def next(self, team: str) -> int:
        self[team] += 1
        return self[team] - 1


def enqueue(
    deps: Deps, work: object, team: str, ids: list[int], key: str, at: str, turns: Turns | None = None
) -> None:
    turn = turns.next(team) if turns is not None else 0
    deps.queue.enqueue(delivery_job(work=work, args=(team, ids), key=key, at=at, team=team, turn=turn))


def claim_batches(
    deps: Deps, now: datetime, batch: int = CLAIM_BATCH
) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Claim due candidates a batch per transaction (SKIP LOCKED lets other clocks take the rest),
    write their mornings, commit; yield (candidates claimed, new (prompt id, workspace) due now) after
    each."""
    while True:
        with deps.sessions.begin() as session:
            due = session.scalars(
                select(Candidate)
                .where(Candidate.next_prompt_at <= now)
                .order_by(Candidate.next_prompt_at)
                .limit(batch)
                .with_for_update(skip_locked=True, key_share=True)
            ).all()
            teams = {candidate.id: candidate.team_id for candidate in due}
            planned = plan_mornings(session, due, now=now)
            # Rows due later today (a reminder, a nudge) wait for the tick at their instant.
            rows = [(row.id, teams[row.candidate_id]) for row in planned if row.due_at is None or row.due_at <= now]
        if not due:
            return
        yield len(due), rows


def forget_old_events(deps: Deps, now: datetime) -> None:
    with deps.sessions.begin() as session:
        forget_before(session, now - EVENT_MEMORY)
