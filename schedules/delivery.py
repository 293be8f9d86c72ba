"""Getting prompt rows to Slack exactly once: take, post, record, a chunk of rows at a time.

A row moves pending → sending → sent. Taking is a compare-and-set (UPDATE … WHERE status =
'pending' RETURNING id), so two clocks never post the same row. Each post carries its prompt id in
message metadata. A row left `sending` (its clock died, or a post timed out) is checked against
the conversation's history once its lease has run out: found means sent, not found means pending.
The conversation is opened again if need be: conversations.open with the same people returns the
same conversation.

A chunk is taken in one transaction and recorded in another, so a warm delivery costs a fraction
of a database round trip per prompt and one Slack call.

A row with `due_at` (a reminder before an interview, a debrief after it) waits, pending, until that
instant: `sendable` is the one rule for what may go out now, and both `pending_ids` (what a tick
looks for) and `take` (the compare-and-set) use it. Every tick looks for due rows, so nothing else
needs to wake the clock for them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.errors import SlackApiError
from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from bot import metrics
from bot.deps import Deps
from bot.models import Candidate, Prompt, Reviewer
from bot.plan import local_today
from bot.services.due_checks import route

logger = logging.getLogger(__name__)

CHUNK = 25
LEASE = timedelta(minutes=5)  # a post, retries included, finishes well within this
MAX_ATTEMPTS = 6
STALE_CHANNEL_ERRORS = {"channel_not_found", "is_archived", "not_in_channel", "cannot_dm_bot"}


@dataclass(frozen=True)
class Outcome:
    prompt_id: int
    status: str  # sent | retry | failed | missed | dropped | taken | later | unknown


def sendable(now: datetime) -> ColumnElement[bool]:
    """What may be sent at `now`: pending, and due (no `due_at`, or `due_at` reached)."""
    return and_(Prompt.status == "pending", or_(Prompt.due_at.is_(None), Prompt.due_at <= now))


@dataclass
class Job:
    """A row this clock has taken, what posting it needs, and what became of it."""

    prompt_id: int
    candidate_id: int
    payload: dict[str, Any]
    members: list[str]
    channel: str | None
    opened: bool = False
    status: str = "unknown"
    ts: str | None = None
    error: Exception | None = None
    prep: bool = True  # to the prep conversation (whose id the candidate caches)


def prep_members(candidate_user: str, reviewers: list[str]) -> list[str]:
    return [candidate_user, *sorted(reviewers)]


def deliver(deps: Deps, prompt_id: int) -> Outcome:
    return deliver_chunk(deps, [prompt_id])[0]


def deliver_chunk(deps: Deps, prompt_ids: Sequence[int]) -> list[Outcome]:
    now = deps.clock.now()
    jobs, settled = take(deps, prompt_ids, now)
    opened: dict[str, str] = {}
    for job in jobs:
        attempt(deps, job, opened)
    record(deps, jobs, now)
    return settled + [Outcome(job.prompt_id, job.status) for job in jobs]


def take(deps: Deps, prompt_ids: Sequence[int], now: datetime) -> tuple[list[Job], list[Outcome]]:
    """Compare-and-set the rows to `sending`, and read what posting them needs, in one transaction."""
    with deps.sessions.begin() as session:
        won = set(
            session.scalars(
                update(Prompt)
                .where(Prompt.id.in_(prompt_ids), sendable(now))
                .values(status="sending", claimed_at=now, attempts=Prompt.attempts + 1)
                .returning(Prompt.id)
            )
        )
        lost = [pid for pid in prompt_ids if pid not in won]
        later = set(
            session.scalars(select(Prompt.id).where(Prompt.id.in_(lost), Prompt.status == "pending"))
            if lost
            else ()
        )
        settled = [Outcome(pid, "later" if pid in later else "taken") for pid in lost]
        if not won:
            return [], settled
        rows = session.scalars(select(Prompt).where(Prompt.id.in_(won)).order_by(Prompt.id)).all()
        candidates = {
            c.id: c
            for c in session.scalars(
                select(Candidate).where(Candidate.id.in_({row.candidate_id for row in rows}))
            )
        }
        reviewers: dict[int, list[str]] = {cid: [] for cid in candidates}
        for cid, user in session.execute(
            select(Reviewer.candidate_id, Reviewer.user_id).where(Reviewer.candidate_id.in_(candidates))
        ):
            reviewers[cid].append(user)
        jobs = []
        for row in rows:
            candidate = candidates[row.candidate_id]
            if local_today(row.due_at or row.created_at, candidate.tz) < local_today(now, candidate.tz):
                # A message is for the day it was due: a day late it would only confuse.
                row.status = "missed"
                settled.append(Outcome(row.id, "missed"))
                continue
            way = route(session, row, candidate, now=now)  # a follow-up, looked at again now it is due
            if way.drop:
                row.status = "dropped"
                settled.append(Outcome(row.id, "dropped"))
                continue
            if way.payload is not None:
                row.payload = way.payload
            members = list(way.members or prep_members(candidate.user_id, reviewers[candidate.id]))
            cached = way.channel or (
                candidate.prep_channel_id if candidate.prep_channel_members == ",".join(members) else None
            )
            jobs.append(
                Job(row.id, candidate.id, row.payload or {}, members, cached, prep=way.members is None)
            )
        return jobs, settled


def attempt(deps: Deps, job: Job, opened: dict[str, str]) -> None:
    """The Slack side of one job; never raises. `opened` shares conversations opened in this chunk."""
    key = ",".join(job.members)
    try:
        if job.channel is None:
            job.channel = opened.get(key) or str(deps.slack.conversations_open(users=key)["channel"]["id"])
            job.opened, opened[key] = True, job.channel
    except Exception as error:  # nothing was posted; one candidate's failure stays theirs
        job.status, job.error = "retry", error
        return
    try:
        job.ts = str(post(deps, job.channel, job.prompt_id, job.payload)["ts"])
        job.status = "sent"
        metrics.PROMPTS_SENT.inc()
    except Exception as error:  # the post may or may not have landed
        settle_unknown(deps, job, error)


def settle_unknown(deps: Deps, job: Job, error: Exception) -> None:
    """A failed post. Slack's own refusal means nothing was posted: try again next tick. A timeout,
    a dropped connection or a 5xx may hide a message that landed: if the conversation shows it, it
    is sent; if not, the row stays `sending` until the lease runs out and is checked again then,
    when any request still in flight has long finished."""
    job.error = error
    if definitely_refused(error):
        job.status = "retry"
        return
    try:
        job.ts = find_posted(deps, job.channel or "", job.prompt_id)
    except Exception:  # Slack is unreachable: the lease check will ask again
        job.ts = None
    if job.ts:
        job.status = "sent"
    else:
        job.status = "unknown"
        logger.warning(
            "prompt %s: outcome of the post unknown (%s); checking again after the lease",
            job.prompt_id,
            type(error).__name__,
        )


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


def record(deps: Deps, jobs: list[Job], now: datetime) -> None:
    """Every job's outcome, and the conversations opened, in one transaction."""
    if not jobs:
        return
    with deps.sessions.begin() as session:
        sent = [j for j in jobs if j.status == "sent"]
        if sent:
            session.execute(
                update(Prompt),
                [
                    {
                        "id": j.prompt_id,
                        "status": "sent",
                        "channel_id": j.channel,
                        "message_ts": j.ts,
                        "sent_at": now,
                    }
                    for j in sent
                ],
            )
        unknown = [j for j in jobs if j.status == "unknown"]
        if unknown:
            session.execute(update(Prompt), [{"id": j.prompt_id, "channel_id": j.channel} for j in unknown])
        for job in jobs:
            if job.opened and job.prep and job.status in ("sent", "unknown"):
                session.execute(
                    update(Candidate)
                    .where(Candidate.id == job.candidate_id)
                    .values(prep_channel_id=job.channel, prep_channel_members=",".join(job.members))
                )
            elif job.status == "retry":
                give_back(session, job)


def give_back(session: Session, job: Job) -> None:
    """The post failed for certain (Slack said no, or never answered): let a later tick try again."""
    error = job.error
    reason = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
    logger.warning("prompt %s not delivered (%s); will retry", job.prompt_id, reason)
    row = session.get_one(Prompt, job.prompt_id)
    row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
    row.channel_id = None
    row.claimed_at = None  # in no job now: the next tick queues it again
    job.status = "failed" if row.status == "failed" else "retry"
    if reason in STALE_CHANNEL_ERRORS:
        candidate = session.get_one(Candidate, job.candidate_id)
        candidate.prep_channel_id = candidate.prep_channel_members = None


def pending_rows(deps: Deps, now: datetime | None = None) -> list[tuple[int, str]]:
    """(id, workspace) of the rows a tick should deliver now: pending and due."""
    at = now or deps.clock.now()
    with deps.sessions.begin() as session:
        rows = session.execute(
            select(Prompt.id, Candidate.team_id)
            .join(Candidate, Candidate.id == Prompt.candidate_id)
            .where(sendable(at))
            .order_by(Prompt.id)
        ).all()
    return [(int(prompt_id), str(team)) for prompt_id, team in rows]


def due_later(deps: Deps, now: datetime | None = None) -> tuple[int, datetime | None]:
    """How many pending rows wait for their `due_at`, and the soonest of those instants."""
    at = now or deps.clock.now()
    with deps.sessions.begin() as session:
        count, soonest = session.execute(
            select(func.count(Prompt.id), func.min(Prompt.due_at)).where(
                Prompt.status == "pending", Prompt.due_at > at
            )
        ).one()
    return int(count), soonest


def chunks(ids: Sequence[int], size: int = CHUNK) -> list[list[int]]:
    return [list(ids[start : start + size]) for start in range(0, len(ids), size)]


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
