"""Answers in threads, feedback, ratings by reaction: through the real HTTP endpoint, every event twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bot.models import Answer, Feedback, Rating
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local
from tests.support.fake_slack import BOT_ID, BOT_USER_ID
from tests.support.snapshot import snapshot

REVIEWER = "U0REVIEW01"
STRANGER = "U0STRANGE1"
ANSWER = (
    "At my last job our checkout timed out for 8% of customers. I was responsible for payments. "
    "I dug into traces and proposed caching tax rates. As a result latency fell from 2.4 s to 300 ms."
)


@dataclass
class Thread:
    channel: str
    ts: str


def posted_prompt(app: Harness) -> Thread:
    app.fake.add_user(REVIEWER)
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone, earn trust")
    app.prep(f"reviewer add <@{REVIEWER}>")
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    assert tick(app.deps).sent == 1
    prompt = app.fake.posts()[-1]
    channel = prompt.params["channel"]
    return Thread(channel, app.fake.history[channel][-1]["ts"])


def message(thread: Thread, user: str, text: str, ts: str, **extra) -> dict:
    return {
        "type": "message",
        "channel": thread.channel,
        "channel_type": "mpim",
        "user": user,
        "text": text,
        "ts": ts,
        "thread_ts": thread.ts,
        "event_ts": ts,
        **extra,
    }


def reaction(kind: str, thread: Thread, user: str, name: str, ts: str) -> dict:
    return {
        "type": kind,
        "user": user,
        "reaction": name,
        "item_user": CANDIDATE,
        "item": {"type": "message", "channel": thread.channel, "ts": ts},
        "event_ts": "1790000999.000100",
    }


def twice(app: Harness, event: dict, event_id: str) -> None:
    """Deliver an event, then Slack's retry of it (same id, X-Slack-Retry-Num), then a stray duplicate."""
    assert app.event(dict(event), event_id=event_id).status == 200
    retry = app.event(
        dict(event),
        event_id=event_id,
        extra_headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    assert retry.status == 200
    app.event(dict(event), event_id=event_id + "dup")


def test_answer_check_rating_and_retries_end_to_end(app: Harness) -> None:
    thread = posted_prompt(app)
    answer_ts = "1790000100.000200"

    twice(app, message(thread, CANDIDATE, ANSWER, answer_ts), "EvAnswer1")
    assert [c.params["name"] for c in app.fake.calls_to("reactions.add")] == ["memo"]
    assert app.fake.calls_to("reactions.add")[0].params["timestamp"] == answer_ts
    checks, follow_up = [c for c in app.fake.posts() if c.params.get("thread_ts") == thread.ts]
    assert checks.params["text"].startswith("📝 Answer check:")
    assert "STAR S ✓ T ✓ A ✓ R ✓" in checks.params["text"]
    assert follow_up.params["text"].startswith("🎤 Follow-up:"), "one follow-up, after the check"

    twice(app, reaction("reaction_added", thread, REVIEWER, "four", answer_ts), "EvFour1")
    status = app.prep("status")
    assert "Have Backbone; Disagree and Commit — 1 answer · 4.0/5 · 0 stories" in status

    # The candidate's own five and a stranger's one are not ratings.
    twice(app, reaction("reaction_added", thread, CANDIDATE, "five", answer_ts), "EvSelf5")
    twice(app, reaction("reaction_added", thread, STRANGER, "one", answer_ts), "EvStranger1")
    assert "1 answer · 4.0/5" in app.prep("status")

    # Latest wins.
    twice(app, reaction("reaction_added", thread, REVIEWER, "two", answer_ts), "EvTwo1")
    assert "1 answer · 2.0/5" in app.prep("status")
    # Taking back an earlier reaction is not taking back the rating; taking back the current one is.
    twice(app, reaction("reaction_removed", thread, REVIEWER, "four", answer_ts), "EvUnFour1")
    assert "1 answer · 2.0/5" in app.prep("status")
    twice(app, reaction("reaction_removed", thread, REVIEWER, "two", answer_ts), "EvUnTwo1")
    assert "1 answer · — · 0 stories" in app.prep("status")
    assert len(app.fake.calls_to("reactions.add")) == 1


def test_feedback_is_kept_with_the_answer_and_shown(app: Harness) -> None:
    thread = posted_prompt(app)
    twice(app, message(thread, CANDIDATE, ANSWER, "1790000100.000200"), "EvA")
    twice(app, message(thread, REVIEWER, "Lead with the 8% sooner.", "1790000100.000300"), "EvF")
    twice(app, message(thread, STRANGER, "Nice!", "1790000100.000400"), "EvS")
    with app.deps.sessions.begin() as session:
        [feedback] = session.query(Feedback).all()
        [answer] = session.query(Answer).all()
        assert feedback.answer_id == answer.id and feedback.reviewer_user_id == REVIEWER
    status = app.prep("status")
    assert f"💬 <@{REVIEWER}>: Lead with the 8% sooner." in status
    assert "Nice!" not in status


def test_an_edit_updates_the_answer_and_its_check(app: Harness) -> None:
    thread = posted_prompt(app)
    ts = "1790000100.000200"
    twice(app, message(thread, CANDIDATE, "We did it.", ts), "EvA")
    check, _follow_up = [m for m in app.fake.history[thread.channel] if m.get("thread_ts") == thread.ts]
    edited = {
        "type": "message",
        "subtype": "message_changed",
        "channel": thread.channel,
        "channel_type": "mpim",
        "ts": "1790000100.000900",
        "event_ts": "1790000100.000900",
        "hidden": True,
        "message": {"type": "message", "user": CANDIDATE, "text": ANSWER, "ts": ts, "thread_ts": thread.ts},
        "previous_message": {"type": "message", "user": CANDIDATE, "text": "We did it.", "ts": ts},
    }
    twice(app, edited, "EvEdit")
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).one().text == ANSWER
    updates = app.fake.calls_to("chat.update")
    assert "STAR S ✓ T ✓ A ✓ R ✓" in updates[0].params["text"]
    assert updates[0].params["ts"] == check["ts"], "the bot's own check reply is the one updated"
    # the follow-up aimed at the first text's gap ("we") follows the edited answer's, or stays
    assert all(u.params["ts"] in (check["ts"], _follow_up["ts"]) for u in updates) and len(updates) <= 2


def test_a_deleted_answer_takes_its_ratings_and_check_with_it(app: Harness) -> None:
    thread = posted_prompt(app)
    ts = "1790000100.000200"
    twice(app, message(thread, CANDIDATE, ANSWER, ts), "EvA")
    twice(app, reaction("reaction_added", thread, REVIEWER, "five", ts), "EvR")
    deleted = {
        "type": "message",
        "subtype": "message_deleted",
        "channel": thread.channel,
        "channel_type": "mpim",
        "ts": "1790000100.000990",
        "event_ts": "1790000100.000990",
        "deleted_ts": ts,
        "hidden": True,
        "previous_message": {
            "type": "message",
            "user": CANDIDATE,
            "text": ANSWER,
            "ts": ts,
            "thread_ts": thread.ts,
        },
    }
    twice(app, deleted, "EvDel")
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).count() == 0 and session.query(Rating).count() == 0
    # the check, the follow-up and the "Save as story" offer the 5️⃣ brought go with the answer
    assert len(app.fake.calls_to("chat.delete")) == 3
    assert "0 answers · —" in app.prep("status")


@pytest.mark.parametrize(
    "event",
    [
        {"user": BOT_USER_ID, "bot_id": BOT_ID, "text": "a bot reply"},
        {"user": "U0OTHERBOT", "bot_id": "B0OTHERBOT", "subtype": "bot_message", "text": "another bot"},
        {"user": CANDIDATE, "text": "not in a thread", "thread_ts": None},
        {"user": CANDIDATE, "text": "a thread of something else", "thread_ts": "1790000000.123456"},
    ],
)
def test_messages_that_are_not_answers_change_nothing(app: Harness, event: dict) -> None:
    thread = posted_prompt(app)
    before = snapshot(app.deps.engine)
    calls = len(app.fake.calls)
    payload = message(thread, event["user"], event["text"], "1790000100.000500")
    payload.update({k: v for k, v in event.items() if k != "thread_ts"})
    if "thread_ts" in event:
        if event["thread_ts"] is None:
            payload.pop("thread_ts")
        else:
            payload["thread_ts"] = event["thread_ts"]
    app.event(payload)
    assert snapshot(app.deps.engine) == before
    assert len(app.fake.calls) == calls


def test_a_stray_message_in_the_dm_gets_a_hint(app: Harness) -> None:
    app.event(
        {
            "type": "message",
            "channel": "D0CANDDM01",
            "channel_type": "im",
            "user": CANDIDATE,
            "text": "hello?",
            "ts": "1790000100.000600",
        }
    )
    assert "thread under each question" in app.fake.posts()[-1].params["text"]


def test_other_events_delivered_twice_act_once(app: Harness) -> None:
    posted_prompt(app)
    home = {"type": "app_home_opened", "user": CANDIDATE, "channel": "D0HOME0001", "tab": "home"}
    before = len(app.fake.calls_to("views.publish"))
    app.event(dict(home), event_id="EvHome1")
    app.event(dict(home), event_id="EvHome1", extra_headers={"X-Slack-Retry-Num": "2"})
    assert len(app.fake.calls_to("views.publish")) == before + 1
    change = {"type": "user_change", "user": {"id": CANDIDATE, "team_id": "T0LOOPTEAM", "tz": "Europe/Paris"}}
    app.event(dict(change), event_id="EvTz1")
    app.event(dict(change), event_id="EvTz1", extra_headers={"X-Slack-Retry-Num": "1"})
    assert "(Europe/Paris)" in app.prep("status")


def test_ratings_feed_the_spaced_repetition(app: Harness) -> None:
    from bot.services.asking import ask_history
    from bot.services.facts import load_facts

    thread = posted_prompt(app)
    twice(app, message(thread, CANDIDATE, ANSWER, "1790000100.000200"), "EvA")
    twice(app, reaction("reaction_added", thread, REVIEWER, "one", "1790000100.000200"), "EvR")
    with app.deps.sessions.begin() as session:
        from bot.models import Prompt

        prompt = session.query(Prompt).filter(Prompt.question_key.is_not(None)).one()
        history = ask_history(load_facts(session, [prompt.candidate_id])[prompt.candidate_id])
    assert [ask.score for ask in history[prompt.question_key]] == [1.0]
