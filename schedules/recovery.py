"""Rows a dead clock or worker left `sending`: after the lease, Slack's history says what happened.

A row is `sending` while its post is in flight. If its process died, the row stays so; once its
lease has run out (any request then in flight has long finished), the conversation is read: the
prompt's id travels in the message's metadata, so found means sent, and not found means pending
again. Each row is settled on its own, a bounded number a tick, beside the tick's new work: one
conversation Slack cannot show stops nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update

from bot.deps import Deps
from bot.models import Candidate, Prompt, Reviewer
from bot.services.digests_nudges import own_members
from schedules.delivery import LEASE, find_posted, prep_members
from schedules.teams import grouped, team_deps

logger = logging.getLogger(__name__)

RECOVER_LIMIT = 500  # abandoned rows settled per tick; the rest wait a minute, new work goes on


def abandoned(deps: Deps, now: datetime, limit: int = RECOVER_LIMIT) -> list[tuple[int, str]]:
    """(prompt id, workspace) of rows left `sending` past their lease, oldest first, at most `limit`."""
    with deps.sessions.begin() as session:
        rows = session.execute(
            select(Prompt.id, Candidate.team_id)
            .join(Candidate, Candidate.id == Prompt.candidate_id)
            .where(Prompt.status == "sending", Prompt.claimed_at < now - LEASE)
            .order_by(Prompt.claimed_at)
            .limit(limit)
        ).all()
    return [(int(prompt_id), str(team)) for prompt_id, team in rows]


def reconcile_abandoned(deps: Deps, now: datetime) -> list[tuple[int, str]]:
    """Every abandoned row (up to RECOVER_LIMIT a tick): sent if Slack has it, else pending again.
    Returns (id, workspace) of the rows made pending again, to be sent now. Each workspace's
    conversations are read with its own bot's client."""
    unsent: list[tuple[int, str]] = []
    for team, ids in grouped(abandoned(deps, now)).items():
        bound = team_deps(deps, team)
        if bound is not None:
            unsent += [(prompt_id, team) for prompt_id in recover(bound, ids, now)]
    return unsent


def recover(deps: Deps, prompt_ids: Sequence[int], now: datetime) -> list[int]:
    """Settle each row on its own: one that Slack cannot answer for stays for a later tick.
    Returns the rows Slack does not have, now pending again."""
    unsent = []
    for prompt_id in prompt_ids:
        try:
            if recover_one(deps, prompt_id, now) == "pending":
                unsent.append(prompt_id)
        except Exception as error:  # this row's trouble is this row's: the others go on
            logger.warning(
                "prompt %s: could not check the conversation (%s); later", prompt_id, type(error).__name__
            )
    return unsent


def recover_one(deps: Deps, prompt_id: int, now: datetime) -> str | None:
    """ "sent" or "pending" once settled; None if the row was not (or no longer) abandoned."""
    with deps.sessions.begin() as session:
        row = session.execute(
            select(Prompt.candidate_id, Prompt.channel_id, Prompt.claimed_at).where(
                Prompt.id == prompt_id, Prompt.status == "sending", Prompt.claimed_at < now - LEASE
            )
        ).one_or_none()
        if row is None:
            return None  # settled meanwhile
        candidate_id, channel, claimed_at = row
        # Take the row for another lease: another clock or worker leaves it alone meanwhile.
        won = session.scalar(
            update(Prompt)
            .where(Prompt.id == prompt_id, Prompt.status == "sending", Prompt.claimed_at == claimed_at)
            .values(claimed_at=now)
            .returning(Prompt.id)
        )
        if won is None:
            return None
        members = None
        if channel is None:
            candidate = session.get_one(Candidate, candidate_id)
            reviewers = list(
                session.scalars(select(Reviewer.user_id).where(Reviewer.candidate_id == candidate_id))
            )
            own = own_members(session.get_one(Prompt, prompt_id))  # a reviewer's digest: their DM
            members = ",".join(own or prep_members(candidate.user_id, reviewers))
    if channel is None:
        channel = str(deps.slack.conversations_open(users=members)["channel"]["id"])
    ts = find_posted(deps, channel, prompt_id)
    with deps.sessions.begin() as session:
        values = (
            {"status": "sent", "channel_id": channel, "message_ts": ts, "sent_at": claimed_at}
            if ts
            else {"status": "pending", "channel_id": None, "claimed_at": None}
        )
        session.execute(update(Prompt).where(Prompt.id == prompt_id).values(**values))
    if not ts:
        logger.info("prompt %s was not in the conversation: sending it again", prompt_id)
    return "sent" if ts else "pending"
