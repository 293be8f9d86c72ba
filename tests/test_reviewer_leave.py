"""A reviewer can stop reviewing: `/prep leave [@candidate]` or the intro DM's button (issue 14)."""

from __future__ import annotations

from datetime import date

from bot.models import Candidate, Reviewer
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local
from tests.support.payloads import block_action

REVIEWER = "U0REVIEW01"
SECOND = "U0CAND0002"  # a second candidate the same reviewer reviews
ELSEWHERE = "T0ELSEWHERE"


def reviewed_by_one_reviewer(app: Harness) -> None:
    app.fake.add_user(REVIEWER, name="maria")
    app.fake.add_user(SECOND, name="sam")
    for candidate in (CANDIDATE, SECOND):
        app.prep("loop 2026-12-16", user=candidate)
        app.prep("interview add Natesh: backbone", user=candidate)
        app.prep(f"reviewer add <@{REVIEWER}>", user=candidate)


def reviewers_of(app: Harness) -> dict[str, list[str]]:
    with app.deps.sessions.begin() as session:
        return {
            candidate.user_id: [
                r.user_id for r in session.query(Reviewer).filter_by(candidate_id=candidate.id)
            ]
            for candidate in session.query(Candidate)
        }


def dm_texts(app: Harness, user: str) -> list[str]:
    channel = app.fake.conversations.get((user,))
    return [call.params["text"] for call in app.fake.posts(channel)] if channel else []


def test_leave_with_a_name_leaves_that_candidate_and_tells_them(app: Harness) -> None:
    reviewed_by_one_reviewer(app)
    reply = app.prep(f"leave <@{CANDIDATE}|casey>", user=REVIEWER)
    assert reply.startswith(f"You no longer review <@{CANDIDATE}>'s interview prep")
    assert reviewers_of(app) == {CANDIDATE: [], SECOND: [REVIEWER]}
    [told] = dm_texts(app, CANDIDATE)
    assert told.startswith(f"<@{REVIEWER}> stopped reviewing your interview prep")
    assert dm_texts(app, SECOND) == []


def test_leave_alone_leaves_everyone_and_tells_each(app: Harness) -> None:
    reviewed_by_one_reviewer(app)
    reply = app.prep("leave", user=REVIEWER)
    assert f"<@{CANDIDATE}>, <@{SECOND}>" in reply
    assert reviewers_of(app) == {CANDIDATE: [], SECOND: []}
    assert len(dm_texts(app, CANDIDATE)) == len(dm_texts(app, SECOND)) == 1
    assert "nothing to leave" in app.prep("leave", user=REVIEWER)


def test_the_next_question_no_longer_goes_to_the_reviewer(app: Harness) -> None:
    reviewed_by_one_reviewer(app)
    app.prep(f"leave <@{CANDIDATE}>", user=REVIEWER)
    app.fake.reset_calls()
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    tick(app.deps)
    opened = {
        tuple(sorted(call.params["users"].split(","))) for call in app.fake.calls_to("conversations.open")
    }
    assert (CANDIDATE,) in opened and tuple(sorted((SECOND, REVIEWER))) in opened
    assert not any(CANDIDATE in users and REVIEWER in users for users in opened)


def test_the_intro_button_stops_reviewing_that_candidate(app: Harness) -> None:
    reviewed_by_one_reviewer(app)
    intro = next(
        call
        for call in app.fake.posts(app.fake.conversations[(REVIEWER,)])
        if CANDIDATE in call.params["text"]
    )
    button = next(
        block["accessory"]
        for block in intro.json_param("blocks")
        if block.get("accessory", {}).get("type") == "button"
    )
    assert button["text"]["text"] == "Stop reviewing"

    def press() -> dict[str, str]:
        return block_action(
            {"action_id": button["action_id"], "value": button["value"]},
            user=REVIEWER,
            response_url=app.fake.response_url("intro"),
            channel=app.fake.conversations[(REVIEWER,)],
        )

    assert app.driver.post_form(press()).status == 200
    assert reviewers_of(app) == {CANDIDATE: [], SECOND: [REVIEWER]}
    answer = app.fake.responses()[-1].params
    assert answer["replace_original"] in (True, "true") and "no longer review" in answer["text"]
    assert dm_texts(app, CANDIDATE)[-1].startswith(f"<@{REVIEWER}> stopped reviewing")
    app.driver.post_form(press())  # pressed again: nothing more to do, and said so
    assert "don't review" in app.fake.responses()[-1].params["text"]


def test_leave_changes_nothing_for_someone_who_is_not_a_reviewer(app: Harness) -> None:
    reviewed_by_one_reviewer(app)
    assert "aren't reviewing anyone" in app.prep("leave", user="U0NOBODY01")
    assert "don't review" in app.prep("leave <@U0NOBODY01>", user=REVIEWER)
    assert "is not a mention" in app.prep("leave casey", user=REVIEWER)
    assert reviewers_of(app) == {CANDIDATE: [REVIEWER], SECOND: [REVIEWER]}
    assert "U0NOBODY01" not in reviewers_of(app), "asking to leave does not make anyone a candidate"


def test_leave_from_another_workspace_changes_nothing(app: Harness) -> None:
    reviewed_by_one_reviewer(app)
    assert "aren't reviewing anyone" in app.prep("leave", user=REVIEWER, team=ELSEWHERE)
    assert reviewers_of(app) == {CANDIDATE: [REVIEWER], SECOND: [REVIEWER]}


def test_help_shows_leave(app: Harness) -> None:
    app.prep("help")
    assert "/prep leave [@candidate]" in app.fake.responses()[-1].params["text"]
