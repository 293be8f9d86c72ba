"""Delivery on the queue (PostgreSQL): the clock queues a job per workspace and chunk of rows, and
any number of workers deliver them, each workspace paced to Slack's limits across all workers.

A row is `pending` with `claimed_at` set while a job holds it; a row in no job (given back after
a failure, or whose job was queued over a lease ago) is queued again by the next tick. A row in two
jobs is harmless: taking it is a compare-and-set (schedules/delivery.py), so one job posts it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import or_, select, update

from bot.deps import Deps
from bot.models import Candidate, Prompt
from bot.pacing import Pacer, SharedPacer
from bot.slack_client import paced_for_team
from schedules.delivery import LEASE, chunks, deliver_chunk, sendable
from schedules.recovery import recover

PACE_SCALE_VARIABLE = "LOOP_COACH_PACE_SCALE"  # benchmarks compress Slack's limits in time


def paced(deps: Deps, team: str) -> Deps:
    """deps whose Slack client is the workspace's own bot's, keeping to the workspace's limits,
    shared with every other worker."""
    scale = float(os.environ.get(PACE_SCALE_VARIABLE) or 1.0)
    pacer = (
        SharedPacer.scaled_shared(deps.engine, scale)
        if deps.engine.dialect.name == "postgresql"
        else Pacer.scaled(scale)
    )
    return replace(deps, slack=paced_for_team(deps.slack_for(team), pacer, team))


def deliver_prompts(deps: Deps, team: str, prompt_ids: list[int]) -> None:
    """A delivery job: post these rows of one workspace (the ones still pending), paced."""
    for chunk in chunks(prompt_ids):
        deliver_chunk(paced(deps, team), chunk)


def recover_prompts(deps: Deps, team: str, prompt_ids: list[int]) -> None:
    """A recovery job: settle these abandoned rows of one workspace."""
    client = paced(deps, team)
    unsent = recover(client, prompt_ids, deps.clock.now())
    for chunk in chunks(unsent):
        deliver_chunk(client, chunk)


def unqueued(deps: Deps, now: datetime) -> list[tuple[int, str]]:
    """(id, workspace) of rows due and pending in no delivery job: given back, or queued over a lease
    ago, or due only now (a reminder, a nudge)."""
    with deps.sessions.begin() as session:
        rows = session.execute(
            select(Prompt.id, Candidate.team_id)
            .join(Candidate, Candidate.id == Prompt.candidate_id)
            .where(sendable(now), or_(Prompt.claimed_at.is_(None), Prompt.claimed_at < now - LEASE))
            .order_by(Prompt.id)
        ).all()
    return [(int(prompt_id), str(team)) for prompt_id, team in rows]


def mark_queued(deps: Deps, prompt_ids: Sequence[int], now: datetime) -> None:
    with deps.sessions.begin() as session:
        session.execute(
            update(Prompt).where(Prompt.id.in_(prompt_ids), Prompt.status == "pending").values(claimed_at=now)
        )
