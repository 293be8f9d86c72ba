"""The interviewer's follow-up end to end: signed events through the real HTTP endpoint, every event
delivered twice, the prompt sent by the real clock tick."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from sqlalchemy import select

from bot.answer_check import check_answer
from bot.blocks.export_csv import answers_csv
from bot.blocks.export_markdown import export_markdown
from bot.follow_up import follow_up_for
from bot.models import Answer, Feedback, FollowUp
from bot.services.candidates import Who
from bot.services.export import export_of
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local
from tests.support.fake_slack import TEAM_ID
from tests.support.sample_answers import WE_ONLY
from tests.test_answers_flow import Thread, message, twice

REVIEWER = "U0REVIEW01"
QUESTION = "Tell me about a time you took ownership of a problem under time pressure."
MINE = (
    "I rewrote the tax lookup myself over two evenings, and I then paired with the on-call engineer "
    "to roll it out behind a flag, one region at a time."
)
THIN = "It was a team effort really."


def first_prompt(app: Harness) -> Thread:
    app.fake.add_user(REVIEWER)
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: ownership, deliver results")
    app.prep(f"question add ownership: {QUESTION}")
    app.prep(f"reviewer add <@{REVIEWER}>")
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    assert tick(app.deps).sent == 1
    channel = app.fake.posts()[-1].params["channel"]
    return Thread(channel, app.fake.history[channel][-1]["ts"])


def in_thread(app: Harness, thread: Thread) -> list[dict]:
    return [m for m in app.fake.history[thread.channel] if m.get("thread_ts") == thread.ts]


def readiness_of(status: str, principle: str) -> int:
    found = re.search(rf"{re.escape(principle)} — .*? readiness (\d+)/100", status)
    assert found, status
    return int(found.group(1))


def follow_ups(app: Harness) -> list[FollowUp]:
    with app.deps.sessions.begin() as session:
        return list(session.scalars(select(FollowUp).order_by(FollowUp.id)))


def answers(app: Harness) -> list[Answer]:
    with app.deps.sessions.begin() as session:
        return list(session.scalars(select(Answer).order_by(Answer.id)))


def edit(thread: Thread, ts: str, old: str, new: str) -> dict:
    return {
        "type": "message",
        "subtype": "message_changed",
        "channel": thread.channel,
        "channel_type": "mpim",
        "ts": "1790000300.000900",
        "event_ts": "1790000300.000900",
        "hidden": True,
        "message": {"type": "message", "user": CANDIDATE, "text": new, "ts": ts, "thread_ts": thread.ts},
        "previous_message": {"type": "message", "user": CANDIDATE, "text": old, "ts": ts},
    }


def deletion(thread: Thread, ts: str) -> dict:
    return {
        "type": "message",
        "subtype": "message_deleted",
        "channel": thread.channel,
        "channel_type": "mpim",
        "ts": "1790000300.000990",
        "event_ts": "1790000300.000990",
        "deleted_ts": ts,
        "hidden": True,
        "previous_message": {
            "type": "message",
            "user": CANDIDATE,
            "text": "x",
            "ts": ts,
            "thread_ts": thread.ts,
        },
    }


def test_the_follow_up_is_asked_answered_kept_with_the_answer_and_counted(app: Harness) -> None:
    thread = first_prompt(app)
    answer_ts, reply_ts = "1790000100.000100", "1790000200.000100"
    twice(app, message(thread, CANDIDATE, WE_ONLY, answer_ts), "EvAnswer")

    check, asked = in_thread(app, thread)
    assert check["text"].startswith("📝 Answer check:")
    expected = follow_up_for(
        check_answer(WE_ONLY, principle="Ownership", question=QUESTION),
        principle="Ownership",
        seed=f"{thread.channel}:{answer_ts}",
    )
    assert expected.aim == "we_not_i"
    assert asked["text"].startswith(f"🎤 Follow-up: {expected.text}")
    before = readiness_of(app.prep("status"), "Ownership")
    assert "↳ follow-up:" in app.prep("status") and "not answered yet" in app.prep("status")

    twice(app, message(thread, CANDIDATE, MINE, reply_ts), "EvReply")
    [answer] = answers(app)  # the reply is no answer of its own
    [follow_up] = follow_ups(app)
    assert follow_up.answer_id == answer.id and follow_up.reply_text == MINE
    assert follow_up.check_score == 5 and follow_up.answered_it
    brief = in_thread(app, thread)[2]
    assert brief["text"].startswith("↳ Follow-up check:") and "✓" in brief["text"] and "5/5" in brief["text"]
    assert len(in_thread(app, thread)) == 3, "one brief check, however often the reply is delivered"
    assert [c.params["timestamp"] for c in app.fake.calls_to("reactions.add")] == [answer_ts, reply_ts]

    status = app.prep("status")
    assert "↳ follow-up:" in status and "answered, check 5/5" in status
    after = readiness_of(status, "Ownership")
    assert after > before, "a good follow-up answer lifts the principle a little"

    # a reviewer's reply in the thread stays feedback on the answer
    twice(app, message(thread, REVIEWER, "Nice: lead with the flag next time.", "1790000250.000100"), "EvFb")
    with app.deps.sessions.begin() as session:
        [feedback] = session.scalars(select(Feedback)).all()
        assert feedback.answer_id == answer.id
    assert follow_ups(app)[0].reply_text == MINE

    # App Home and the export show the follow-up where they show the answer
    app.event({"type": "app_home_opened", "user": CANDIDATE, "channel": "D0HOME0001", "tab": "home"})
    home = str(app.fake.calls_to("views.publish")[-1].json_param("view"))
    assert "↳ follow-up:" in home and "answered, check 5/5" in home
    with app.deps.sessions.begin() as session:
        export = export_of(session, Who(TEAM_ID, CANDIDATE), now=app.clock.now())
    assert export is not None
    markdown = export_markdown(export)
    assert "**Follow-up:**" in markdown and "I rewrote the tax lookup myself" in markdown
    assert "Follow-up check" in markdown
    [row] = csv.DictReader(io.StringIO(answers_csv(export)))
    assert row["follow_up"] == expected.text.replace("*", "") and row["follow_up_answer"] == MINE
    assert row["follow_up_score"] == "5"


def test_follow_up_answers_are_edited_and_deleted_like_answers(app: Harness) -> None:
    thread = first_prompt(app)
    answer_ts, reply_ts = "1790000100.000100", "1790000200.000100"
    twice(app, message(thread, CANDIDATE, WE_ONLY, answer_ts), "EvAnswer")
    twice(app, message(thread, CANDIDATE, MINE, reply_ts), "EvReply")
    good = readiness_of(app.prep("status"), "Ownership")
    brief = in_thread(app, thread)[2]

    twice(app, edit(thread, reply_ts, MINE, THIN), "EvEdit")
    [follow_up] = follow_ups(app)
    assert follow_up.reply_text == THIN and follow_up.check_score == 1 and follow_up.edited_at is not None
    [update] = app.fake.calls_to("chat.update")
    assert update.params["ts"] == brief["ts"] and "✗" in update.params["text"]
    assert readiness_of(app.prep("status"), "Ownership") < good
    assert len(answers(app)) == 1

    twice(app, deletion(thread, reply_ts), "EvDelete")
    [follow_up] = follow_ups(app)
    assert follow_up.reply_ts is None and follow_up.check_score is None
    assert [c.params["ts"] for c in app.fake.calls_to("chat.delete")] == [brief["ts"]]
    assert "not answered yet" in app.prep("status")

    # the follow-up waits again: the next reply answers it; the one after is a new answer
    twice(app, message(thread, CANDIDATE, MINE, "1790000400.000100"), "EvAgain")
    assert follow_ups(app)[0].reply_ts == "1790000400.000100" and len(answers(app)) == 1
    twice(app, message(thread, CANDIDATE, WE_ONLY, "1790000500.000100"), "EvSecond")
    assert len(answers(app)) == 2 and len(follow_ups(app)) == 2, "a second answer gets its own follow-up"

    # deleting an answer takes its check and its follow-up (and the follow-up's check) with it
    deleted_before = len(app.fake.calls_to("chat.delete"))
    twice(app, deletion(thread, answer_ts), "EvDeleteAnswer")
    assert len(answers(app)) == 1 and len(follow_ups(app)) == 1
    assert len(app.fake.calls_to("chat.delete")) == deleted_before + 3


def test_a_reply_before_the_follow_up_was_posted_is_an_answer_of_its_own(app: Harness) -> None:
    thread = first_prompt(app)
    twice(app, message(thread, CANDIDATE, WE_ONLY, "1790000100.000100"), "EvAnswer")
    asked = in_thread(app, thread)[1]
    # Slack orders by ts: a message stamped before the follow-up cannot be its answer
    early = f"{float(asked['ts']) - 0.000001:.6f}"
    twice(app, message(thread, CANDIDATE, MINE, early), "EvEarly")
    assert len(answers(app)) == 2 and follow_ups(app)[0].reply_ts is None
