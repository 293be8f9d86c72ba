"""1️⃣–5️⃣ reactions from reviewers on answers are ratings; anyone else's are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.blocks.coaching import story_offer
from bot.deps import Deps
from bot.services import answers
from handlers.background import later


def register(app: App) -> None:
    app.event("reaction_added")(on_reaction_added)
    app.event("reaction_removed")(on_reaction_removed)


def target(event: dict[str, Any]) -> tuple[str, str, str, str] | None:
    item = event.get("item") or {}
    if item.get("type") != "message" or event.get("reaction") not in answers.REACTION_SCORES:
        return None
    if not (item.get("channel") and item.get("ts") and event.get("user")):
        return None
    return item["channel"], item["ts"], event["user"], event["reaction"]


def on_reaction_added(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    found = target(event)
    if found is None:
        return
    later(context, body, rate, context.team_id or "", *found)


def on_reaction_removed(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    found = target(event)
    if found is None:
        return
    later(context, body, unrate, context.team_id or "", *found)


def rate(deps: Deps, team: str, channel: str, ts: str, user: str, reaction: str) -> None:
    """`team`: the workspace the reaction came from; only an answer in that workspace is rated.
    A 4 or 5 may bring the answer's "Save as story" offer (once per answer)."""
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        change = answers.rate(session, team=team, channel=channel, ts=ts, user=user, reaction=reaction, now=now)
        offer = answers.offer_on_rating(session, change, now=now)
    if offer is not None:
        offer_story(deps, offer)


def offer_story(deps: Deps, offer: answers.StoryOffer) -> None:
    """Post "Save as story" in the answer's thread; if Slack refuses, the offer may come again."""
    posted_ts = None
    try:
        posted = deps.slack.chat_postMessage(
            channel=offer.channel, thread_ts=offer.thread_ts, **story_offer(offer.score, offer.answer_id)
        )
        posted_ts = str(posted["ts"])
    finally:
        with deps.sessions.begin() as session:
            answers.story_offered(session, offer.answer_id, posted_ts)


def unrate(deps: Deps, team: str, channel: str, ts: str, user: str, reaction: str) -> None:
    with deps.sessions.begin() as session:
        answers.unrate(session, team=team, channel=channel, ts=ts, user=user, reaction=reaction)
