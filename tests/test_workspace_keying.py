"""An event from another workspace carrying a candidate's ids changes nothing (issue 14).

Slack signs these for whichever workspace the app is installed in, so they pass verification: what
keeps a candidate's data theirs is that every lookup is keyed by the event's workspace.
"""

from __future__ import annotations

import pytest

from bot.models import Answer, Candidate, Feedback, Rating
from tests.conftest import CANDIDATE, Harness
from tests.support.snapshot import snapshot
from tests.test_answers_flow import ANSWER, REVIEWER, Thread, message, posted_prompt, reaction

ELSEWHERE = "T0ELSEWHERE"
ANSWER_TS = "1790000100.000200"


def answered(app: Harness) -> Thread:
    thread = posted_prompt(app)
    assert app.event(message(thread, CANDIDATE, ANSWER, ANSWER_TS)).status == 200
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).count() == 1
    return thread


def deleted(thread: Thread, ts: str, author: str) -> dict:
    return {
        "type": "message",
        "subtype": "message_deleted",
        "channel": thread.channel,
        "channel_type": "mpim",
        "ts": "1790000100.000990",
        "deleted_ts": ts,
        "hidden": True,
        "previous_message": {
            "type": "message",
            "user": author,
            "text": "x",
            "ts": ts,
            "thread_ts": thread.ts,
        },
    }


def edited(thread: Thread, ts: str, author: str, text: str) -> dict:
    return {
        "type": "message",
        "subtype": "message_changed",
        "channel": thread.channel,
        "channel_type": "mpim",
        "ts": "1790000100.000900",
        "hidden": True,
        "message": {"type": "message", "user": author, "text": text, "ts": ts, "thread_ts": thread.ts},
    }


def test_an_answer_from_another_workspace_is_not_saved(app: Harness) -> None:
    thread = posted_prompt(app)
    before = snapshot(app.deps.engine)
    assert app.event(message(thread, CANDIDATE, ANSWER, ANSWER_TS), team=ELSEWHERE).status == 200
    assert snapshot(app.deps.engine) == before
    assert app.fake.calls_to("reactions.add") == []


def test_feedback_from_another_workspace_is_not_saved(app: Harness) -> None:
    thread = answered(app)
    app.event(message(thread, REVIEWER, "Looks great", "1790000100.000300"), team=ELSEWHERE)
    with app.deps.sessions.begin() as session:
        assert session.query(Feedback).count() == 0


def test_a_deletion_from_another_workspace_deletes_nothing(app: Harness) -> None:
    thread = answered(app)
    app.event(deleted(thread, ANSWER_TS, CANDIDATE), team=ELSEWHERE)
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).count() == 1
    assert app.fake.calls_to("chat.delete") == []


def test_a_deletion_naming_someone_else_as_author_deletes_nothing(app: Harness) -> None:
    thread = answered(app)
    app.event(deleted(thread, ANSWER_TS, REVIEWER))
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).count() == 1


def test_an_edit_from_another_workspace_changes_nothing(app: Harness) -> None:
    thread = answered(app)
    app.event(edited(thread, ANSWER_TS, CANDIDATE, "Rewritten by someone else"), team=ELSEWHERE)
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).one().text == ANSWER
    assert app.fake.calls_to("chat.update") == []


@pytest.mark.parametrize("kind", ["reaction_added", "reaction_removed"])
def test_a_reaction_from_another_workspace_is_no_rating(app: Harness, kind: str) -> None:
    thread = answered(app)
    if kind == "reaction_removed":
        app.event(reaction("reaction_added", thread, REVIEWER, "four", ANSWER_TS))
    with app.deps.sessions.begin() as session:
        ratings_before = [(r.reviewer_user_id, r.score) for r in session.query(Rating)]
    app.event(
        reaction(kind, thread, REVIEWER, "four" if kind == "reaction_removed" else "one", ANSWER_TS),
        team=ELSEWHERE,
    )
    with app.deps.sessions.begin() as session:
        assert [(r.reviewer_user_id, r.score) for r in session.query(Rating)] == ratings_before


def test_a_profile_change_from_another_workspace_keeps_the_time_zone(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    change = {"type": "user_change", "user": {"id": CANDIDATE, "team_id": "T0LOOPTEAM", "tz": "Asia/Tokyo"}}
    app.event(change, team=ELSEWHERE)
    with app.deps.sessions.begin() as session:
        assert session.query(Candidate).one().tz == "America/New_York"


def test_the_same_events_from_the_candidates_workspace_still_count(app: Harness) -> None:
    thread = answered(app)
    app.event(reaction("reaction_added", thread, REVIEWER, "four", ANSWER_TS))
    app.event(edited(thread, ANSWER_TS, CANDIDATE, ANSWER + " It held."))
    with app.deps.sessions.begin() as session:
        assert [r.score for r in session.query(Rating)] == [4]
        assert session.query(Answer).one().text.endswith("It held.")
    app.event(deleted(thread, ANSWER_TS, CANDIDATE))
    with app.deps.sessions.begin() as session:
        assert session.query(Answer).count() == 0
