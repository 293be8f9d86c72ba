"""Day one of a candidate, through the real HTTP endpoint with signed requests."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.conftest import CANDIDATE, Harness
from tests.support.fake_slack import BOT_USER_ID, TEAM_ID
from tests.support.payloads import block_action, view_submission
from tests.support.snapshot import snapshot

REVIEWER = "U0REVIEW01"
OTHER = "U0OTHER001"


def setup_loop(app: Harness) -> None:
    app.fake.add_user(REVIEWER, name="maria")
    assert "15 days to your loop" in app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: backbone, earn trust of others, hire & develop")
    app.prep(
        "interview add Keesha: learn & be curious, invent and simplify at 2026-12-15 14:30 focus product"
    )
    app.prep(f"reviewer add <@{REVIEWER}|maria>")


def test_day_one_end_to_end(app: Harness) -> None:
    reply = app.prep("loop 2026-12-16")
    assert reply.startswith("Your loop is on Wednesday 16 December 2026: 15 days to your loop.")
    assert "Next question: Tue 1 Dec at 09:00" in reply

    added = app.prep("interview add Natesh: backbone, Earn Trust of Others, hire & develop")
    assert added == (
        "Added interview 1: Natesh, Wed 16 Dec (loop day) — Have Backbone; Disagree and Commit, "
        "Earn Trust, Hire and Develop the Best."
    )
    added = app.prep("interview add Ayan: highest standards, Are Right, A Lot focus system design")
    assert "Insist on the Highest Standards, Are Right, A Lot · focus System Design" in added

    app.fake.add_user(REVIEWER, name="maria")
    assert f"<@{REVIEWER}> is now a reviewer" in app.prep(f"reviewer add <@{REVIEWER}|maria>")

    listed = app.prep("interviews")
    assert (
        "1. Wed 16 Dec (loop day) — Natesh — Have Backbone; Disagree and Commit, Earn Trust, Hire and Develop the Best"
        in listed
    )
    assert (
        "2. Wed 16 Dec (loop day) — Ayan — Insist on the Highest Standards, Are Right, A Lot · focus System Design"
        in listed
    )

    status = app.prep("status")
    assert "15 days to your loop — Wednesday 16 December 2026" in status
    assert "Next interview: Natesh, Wed 16 Dec (loop day)" in status
    assert f"Reviewers: <@{REVIEWER}>" in status
    assert "Daily question at 09:00 (America/New_York), next Tue 1 Dec at 09:00" in status
    assert "Have Backbone; Disagree and Commit — 0 answers · — · 0 stories" in status
    assert "No story yet for: Have Backbone; Disagree and Commit, Earn Trust" in status
    assert app.fake.responses()[-1].params["blocks"], "status is Block Kit too"


def test_time_zone_is_asked_once_and_refreshed_on_user_change(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    app.prep("interviews")
    assert len(app.fake.calls_to("users.info")) == 1
    assert "(America/New_York)" in app.prep("status")

    app.event({"type": "user_change", "user": {"id": CANDIDATE, "team_id": TEAM_ID, "tz": "Asia/Tokyo"}})
    status = app.prep("status")
    assert "(Asia/Tokyo)" in status
    # 12:00 UTC is 21:00 in Tokyo: today's 09:00 has passed, so the next question is tomorrow's.
    assert "next Wed 2 Dec at 09:00" in status
    assert len(app.fake.calls_to("users.info")) == 1


def test_a_new_reviewer_gets_an_intro_dm(app: Harness) -> None:
    app.fake.add_user(REVIEWER)
    app.prep(f"reviewer add <@{REVIEWER}>")
    opened = app.fake.calls_to("conversations.open")
    assert [call.params["users"] for call in opened] == [REVIEWER]
    intro = app.fake.posts()[-1]
    assert intro.params["channel"] == app.fake.conversations[(REVIEWER,)]
    assert f"<@{CANDIDATE}> invited you" in intro.params["text"]
    assert "5️⃣" in intro.params["text"]
    # Adding them again is not a new invitation.
    assert "already reviewing" in app.prep(f"reviewer add <@{REVIEWER}>")
    assert len(app.fake.posts()) == 1


def test_reviewers_list_and_remove(app: Harness) -> None:
    assert "No reviewers yet" in app.prep("reviewers")
    app.prep(f"reviewer add <@{REVIEWER}|maria> <@{OTHER}>")
    assert app.prep("reviewers") == f"Your reviewers: <@{REVIEWER}>, <@{OTHER}>."
    assert "no longer reviewing" in app.prep(f"reviewer remove <@{OTHER}>")
    assert app.prep("reviewers") == f"Your reviewers: <@{REVIEWER}>."


def test_interview_remove_renumbers(app: Harness) -> None:
    setup_loop(app)
    listed = app.prep("interviews")
    assert listed.index("Keesha") < listed.index("Natesh")  # Keesha's day comes first
    assert (
        app.prep("interview remove 1")
        == "Removed interview 1: Keesha (Learn and Be Curious, Invent and Simplify)."
    )
    assert "1. Wed 16 Dec (loop day) — Natesh" in app.prep("interviews")


def test_time_pause_resume_skip(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    # It is 07:00 in New York: 07:30 today is still ahead, 06:30 is not.
    assert app.prep("time 07:30") == (
        "Daily questions now come at 07:30 (America/New_York). Next question: Tue 1 Dec at 07:30 (your time)."
    )
    assert "Next question: Wed 2 Dec at 06:30" in app.prep("time 06:30")
    assert "Paused" in app.prep("pause")
    assert "paused" in app.prep("status")
    assert "Next question: Wed 2 Dec at 06:30" in app.prep("resume")
    app.prep("time 10:00")
    assert app.prep("skip") == "Skipped today's question. Next question: Wed 2 Dec at 10:00 (your time)."
    assert "nothing to skip" in app.prep("skip")


BAD_INPUTS = [
    ("loop 2026-13-45", "2026-13-45 is not a date on the calendar"),
    ("loop 2026-02-30", "2026-02-30 is not a date on the calendar"),
    ("loop 2026-11-01", "2026-11-01 is in the past"),
    ("time 25:00", "25:00 is not a time of day"),
    ("interview add Natesh backbone, earn trust", "Put a colon after the interviewer's name"),
    ("interview add Natesh: backbone, teamwork", "“teamwork” is not a Leadership Principle I know"),
    ("interview add Natesh: ownership at 2026-11-02 10:00", "2026-11-02 is in the past"),
    ("reviewer add maria", "“maria” is not a mention of a person"),
    (f"reviewer add <@{CANDIDATE}|casey>", "You can't review your own answers"),
    (f"reviewer add <@{BOT_USER_ID}>", "I'm already in the conversation"),
    ("interview remove 9", "There is no interview 9: you have 2, numbered 1 to 2"),
    ("interview remove two", "“two” is not a number"),
    ("stories teamwork", "“teamwork” is not a Leadership Principle I know"),
]


@pytest.mark.parametrize(("text", "says"), BAD_INPUTS)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(app: Harness, text: str, says: str) -> None:
    setup_loop(app)
    before = snapshot(app.deps.engine)
    posts_before = len(app.fake.posts())
    reply = app.prep(text)
    assert says in reply
    assert "\n" not in reply
    assert snapshot(app.deps.engine) == before
    assert len(app.fake.posts()) == posts_before


def test_candidates_never_see_or_change_each_other(app: Harness) -> None:
    setup_loop(app)
    other_team = "T0ELSEWHRE"
    app.fake.add_user(OTHER, tz="Europe/Berlin")
    # Same workspace, another person: an empty loop of their own.
    assert "No interviews yet" in app.prep("interviews", user=OTHER)
    assert "No reviewers yet" in app.prep("reviewers", user=OTHER)
    assert "no loop date yet" in app.prep("loop", user=OTHER)
    assert "There are no interviews to remove yet" in app.prep("interview remove 1", user=OTHER)
    assert "wasn't a reviewer" in app.prep(f"reviewer remove <@{REVIEWER}>", user=OTHER)
    # The same user id in another workspace is another candidate.
    assert "No interviews yet" in app.prep("interviews", team=other_team)
    app.prep("loop 2026-12-20", team=other_team)
    app.prep("interview add Zed: frugality", team=other_team)
    # The first candidate's loop is untouched.
    listed = app.prep("interviews")
    assert "Natesh" in listed and "Keesha" in listed and "Zed" not in listed
    assert f"Your reviewers: <@{REVIEWER}>." == app.prep("reviewers")
    assert "16 December 2026" in app.prep("loop")


def test_app_home_publishes_the_dashboard(app: Harness) -> None:
    setup_loop(app)
    app.event({"type": "app_home_opened", "user": CANDIDATE, "channel": "D0HOME0001", "tab": "home"})
    published = app.fake.calls_to("views.publish")[-1]
    assert published.params["user_id"] == CANDIDATE
    view = published.json_param("view")
    text = json.dumps(view)
    assert view["type"] == "home"
    assert "15 days to your loop" in text and "Natesh" in text and REVIEWER in text
    assert "Learn and Be Curious" in text
    assert {"open_interview_form", "open_story_form", "ask_question_now"} <= {
        element["action_id"]
        for block in view["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    }


def test_app_home_for_a_stranger_invites_them_to_start(app: Harness) -> None:
    app.event({"type": "app_home_opened", "user": OTHER, "channel": "D0HOME0002", "tab": "home"})
    view = app.fake.calls_to("views.publish")[-1].json_param("view")
    assert "/prep loop YYYY-MM-DD" in json.dumps(view)
    assert snapshot(app.deps.engine)["candidates"] == []


def test_interview_form_opens_validates_and_saves(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    app.command("interview add")
    opened = app.fake.calls_to("views.open")[-1]
    assert opened.json_param("view")["callback_id"] == "interview_form"

    empty = app.driver.post_form(view_submission("interview_form", {}, user=CANDIDATE))
    assert empty.status == 200
    assert set(empty.json()["errors"]) == {"interviewer", "principles"}

    values = {
        "interviewer": {"value": {"type": "plain_text_input", "value": "David Christian"}},
        "principles": {
            "value": {
                "type": "multi_static_select",
                "selected_options": [{"value": "Think Big"}, {"value": "Dive Deep"}],
            }
        },
        "day": {"value": {"type": "datepicker", "selected_date": "2026-12-14"}},
        "time": {"value": {"type": "timepicker", "selected_time": "11:00"}},
        "focus": {"value": {"type": "static_select", "selected_option": {"value": "Operational Excellence"}}},
    }
    saved = app.driver.post_form(view_submission("interview_form", values, user=CANDIDATE))
    assert saved.status == 200 and saved.body in (b"", b"{}")
    confirmation = app.fake.posts()[-1]
    assert (
        "Added interview 1: David Christian, Mon 14 Dec at 11:00 — Think Big, Dive Deep"
        in confirmation.params["text"]
    )
    assert "focus Operational Excellence" in app.prep("interviews")

    past = dict(values, day={"value": {"type": "datepicker", "selected_date": "2026-11-14"}})
    refused = app.driver.post_form(view_submission("interview_form", past, user=CANDIDATE))
    assert "in the past" in refused.json()["errors"]["day"]


def test_home_button_opens_the_interview_form(app: Harness) -> None:
    app.driver.post_form(
        block_action(
            {"action_id": "open_interview_form"}, user=CANDIDATE, view={"id": "VHOME", "type": "home"}
        )
    )
    assert app.fake.calls_to("views.open")[-1].json_param("view")["callback_id"] == "interview_form"


def test_the_countdown_moves_with_the_clock(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    app.clock.advance(timedelta(days=14))
    assert "1 day to your loop" in app.prep("loop")
    app.clock.advance(timedelta(days=1))
    assert app.prep("loop").startswith("Your loop is today, Wednesday 16 December 2026.")
