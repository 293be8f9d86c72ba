"""Getting prompt rows to Slack exactly once: claim, commit, post, mark.

A row moves pending → sending → sent. The move to `sending` is a compare-and-set, so two clocks
never post the same row. A row left in `sending` by a clock that died is checked against the
conversation's history (every post carries its prompt id in message metadata) before it is sent
again: found means sent, not found means pending.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from slack_sdk.errors import SlackApiError
from sqlalchemy import Update, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from bot.deps import Deps
from bot.models import Candidate, Prompt, Reviewer
from bot.plan import local_today

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # a post, retries included, finishes well within this
MAX_ATTEMPTS = 6
STALE_CHANNEL_ERRORS = {"channel_not_found", "is_archived", "not_in_channel", "cannot_dm_bot"}


@dataclass(frozen=True)
class Outcome:
    prompt_id: int
    status: str  # sent | retry | failed | missed | taken | unknown


def prep_members(candidate_user: str, reviewers: list[str]) -> list[str]:
    return [candidate_user, *sorted(reviewers)]


@dataclass(frozen=True)
class Taken:
    """A row this caller won, with what posting it needs."""

    candidate_id: int
    payload: dict[str, Any]
    members: list[str]
    channel: str | None  # the cached prep conversation, if it still has the right members


def take(deps: Deps, prompt_id: int, now: datetime) -> Taken | Outcome:
    """Compare-and-set pending → sending, and read what posting needs, in one transaction."""
    with deps.sessions.begin() as session:
        won = changed_one(
            session,
            update(Prompt)
            .where(Prompt.id == prompt_id, Prompt.status == "pending")
            .values(status="sending", claimed_at=now, attempts=Prompt.attempts + 1),
        )
        if not won:
            return Outcome(prompt_id, "taken")
        row = session.get_one(Prompt, prompt_id)
        candidate = session.get_one(Candidate, row.candidate_id)
        if local_today(row.created_at, candidate.tz) < local_today(now, candidate.tz):
            # A message is for the day it was written: a day late it would only confuse.
            row.status = "missed"
            return Outcome(prompt_id, "missed")
        reviewers = list(
            session.scalars(select(Reviewer.user_id).where(Reviewer.candidate_id == candidate.id))
        )
        members = prep_members(candidate.user_id, reviewers)
        cached = candidate.prep_channel_id if candidate.prep_channel_members == ",".join(members) else None
        row.channel_id = cached
        return Taken(candidate.id, row.payload or {}, members, cached)


def changed_one(session: Session, statement: Update) -> bool:
    """Run a conditional UPDATE; True when it matched exactly one row (the caller won the race)."""
    result = cast(CursorResult[Any], session.execute(statement))
    return result.rowcount == 1


def open_channel(deps: Deps, prompt_id: int, taken: Taken) -> str:
    """The prep conversation (a group DM with the reviewers, or the 1:1 DM), opened and cached."""
    channel = str(deps.slack.conversations_open(users=",".join(taken.members))["channel"]["id"])
    with deps.sessions.begin() as session:
        candidate = session.get_one(Candidate, taken.candidate_id)
        candidate.prep_channel_id, candidate.prep_channel_members = channel, ",".join(taken.members)
        session.execute(update(Prompt).where(Prompt.id == prompt_id).values(channel_id=channel))
    return channel


def deliver(deps: Deps, prompt_id: int) -> Outcome:
    """Post one row. Warm (channel cached): two transactions and one Slack call."""
    now = deps.clock.now()
    taken = take(deps, prompt_id, now)
    if isinstance(taken, Outcome):
        return taken
    try:
        channel = taken.channel or open_channel(deps, prompt_id, taken)
    except Exception as error:  # nothing was posted; one candidate's failure stays theirs
        return give_back(deps, prompt_id, taken.candidate_id, error)
    try:
        response = post(deps, channel, prompt_id, taken.payload)
    except Exception as error:  # the post may or may not have landed
        return settle_unknown(deps, taken.candidate_id, prompt_id, channel, error, now)
    mark_sent(deps, prompt_id, channel, str(response["ts"]), now)
    return Outcome(prompt_id, "sent")


def settle_unknown(
    deps: Deps, candidate_id: int, prompt_id: int, channel: str, error: Exception, now: datetime
) -> Outcome:
    """A failed post. Slack's own refusal means nothing was posted: try again next tick. A timeout,
    a dropped connection or a 5xx may hide a message that landed: if the conversation shows it, it
    is sent; if not, the row stays `sending` until the lease runs out and is checked again then,
    when any request still in flight has long finished."""
    if definitely_refused(error):
        return give_back(deps, prompt_id, candidate_id, error)
    try:
        ts = find_posted(deps, channel, prompt_id)
    except Exception:  # Slack is unreachable: the lease check will ask again
        ts = None
    if ts:
        mark_sent(deps, prompt_id, channel, ts, now)
        return Outcome(prompt_id, "sent")
    logger.warning(
        "prompt %s: outcome of the post unknown (%s); checking again after the lease",
        prompt_id,
        type(error).__name__,
    )
    return Outcome(prompt_id, "unknown")


def definitely_refused(error: Exception) -> bool:
    """Slack answered, and said no (ok=false, or still rate limited after every retry)."""
    return isinstance(error, SlackApiError) and error.response.status_code in (200, 429)


def post(deps: Deps, channel: str, prompt_id: int, payload: dict[str, Any]) -> Any:
    return deps.slack.chat_postMessage(
        channel=channel,
        text=payload.get("text", ""),
        blocks=payload.get("blocks"),
        # The prompt's id travels with the message: how a restarted clock finds what it already sent.
        metadata={"event_type": "loop_coach_prompt", "event_payload": {"prompt_id": prompt_id}},
        unfurl_links=False,
        unfurl_media=False,
    )


def mark_sent(deps: Deps, prompt_id: int, channel: str, ts: str, now: datetime) -> None:
    with deps.sessions.begin() as session:
        session.execute(
            update(Prompt)
            .where(Prompt.id == prompt_id)
            .values(status="sent", channel_id=channel, message_ts=ts, sent_at=now)
        )


def give_back(deps: Deps, prompt_id: int, candidate_id: int, error: Exception) -> Outcome:
    """The post failed for certain (Slack said no, or never answered): let a later tick try again."""
    reason = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
    logger.warning("prompt %s not delivered (%s); will retry", prompt_id, reason)
    with deps.sessions.begin() as session:
        row = session.get_one(Prompt, prompt_id)
        row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
        row.channel_id = None
        if reason in STALE_CHANNEL_ERRORS:
            candidate = session.get_one(Candidate, candidate_id)
            candidate.prep_channel_id = candidate.prep_channel_members = None
        return Outcome(prompt_id, "failed" if row.status == "failed" else "retry")


def pending_ids(deps: Deps) -> list[int]:
    with deps.sessions.begin() as session:
        return list(session.scalars(select(Prompt.id).where(Prompt.status == "pending").order_by(Prompt.id)))


def reconcile_abandoned(deps: Deps, now: datetime) -> int:
    """Rows a dead clock left in `sending`: sent if Slack has them, otherwise pending again."""
    with deps.sessions.begin() as session:
        stale = session.execute(
            select(Prompt.id, Prompt.channel_id, Prompt.claimed_at).where(
                Prompt.status == "sending", Prompt.claimed_at < now - LEASE
            )
        ).all()
    recovered = 0
    for prompt_id, channel, claimed_at in stale:
        with deps.sessions.begin() as session:
            won = changed_one(
                session,
                update(Prompt)
                .where(Prompt.id == prompt_id, Prompt.status == "sending", Prompt.claimed_at == claimed_at)
                .values(claimed_at=now),
            )
        if not won:
            continue
        ts = find_posted(deps, channel, prompt_id) if channel else None
        with deps.sessions.begin() as session:
            if ts:
                session.execute(
                    update(Prompt)
                    .where(Prompt.id == prompt_id)
                    .values(status="sent", message_ts=ts, sent_at=claimed_at)
                )
            else:
                session.execute(update(Prompt).where(Prompt.id == prompt_id).values(status="pending"))
        recovered += 1
    return recovered


def find_posted(deps: Deps, channel: str, prompt_id: int) -> str | None:
    # The newest hundred top-level messages: a prep conversation holds a few a day (answers and
    # feedback live in threads), and a lease expires within minutes.
    response = deps.slack.conversations_history(channel=channel, include_all_metadata=True, limit=100)
    messages: list[dict[str, Any]] = response.get("messages", [])
    for message in messages:
        payload = (message.get("metadata") or {}).get("event_payload") or {}
        if payload.get("prompt_id") == prompt_id:
            return str(message["ts"])
    return None
