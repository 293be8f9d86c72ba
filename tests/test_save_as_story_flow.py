""" "Save as story" end to end: offered once (on a clean check, or when a reviewer's 4–5 arrives), only
the candidate can use it, the modal opens pre-filled from the answer, and the story keeps its parts."""

from __future__ import annotations

import json
import time
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from bot.models import Answer, Story
from schedules.jobs import tick
from tests.conftest import CANDIDATE, SIGNING_SECRET, Harness
from tests.support.app_server import http_request
from tests.support.factories import local
from tests.support.payloads import block_action, view_submission
from tests.support.sample_answers import CLEAN, WE_ONLY
from tests.support.signing import signed_headers
from tests.test_answers_flow import Thread, message, reaction, twice

REVIEWER, SECOND_REVIEWER = "U0REVIEW01", "U0REVIEW02"
QUESTION = "Tell me about a time you delivered an important project under a tight deadline."


def first_prompt(app: Harness) -> Thread:
    for reviewer in (REVIEWER, SECOND_REVIEWER):
        app.fake.add_user(reviewer)
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: deliver results")
    app.prep(f"question add deliver results: {QUESTION}")
    app.prep(f"reviewer add <@{REVIEWER}> <@{SECOND_REVIEWER}>")
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    assert tick(app.deps).sent == 1
    channel = app.fake.posts()[-1].params["channel"]
    return Thread(channel, app.fake.history[channel][-1]["ts"])


def thread_posts(app: Harness, thread: Thread) -> list[Any]:
    return [c for c in app.fake.posts() if c.params.get("thread_ts") == thread.ts]


def offered_answer(post: Any) -> int | None:
    for block in post.json_param("blocks") or []:
        for element in block.get("elements", []):
            if element.get("action_id") == "save_as_story":
                return int(element["value"])
    return None


def press(app: Harness, answer_id: int, user: str) -> str:
    """Press the button as `user`; returns the press's trigger_id."""
    fields = block_action(
        {"action_id": "save_as_story", "value": str(answer_id)},
        user=user,
        response_url=app.fake.response_url("press"),
        channel="G00000002",
    )
    app.driver.post_form(fields)
    return str(json.loads(fields["payload"])["trigger_id"])


def initial_values(view: dict[str, Any]) -> dict[str, Any]:
    """What submitting the opened modal untouched would send back."""
    values: dict[str, Any] = {}
    for block in view["blocks"]:
        element = block["element"]
        if element["type"] == "multi_static_select":
            chosen = element.get("initial_options", [])
            values[block["block_id"]] = {"value": {"type": element["type"], "selected_options": chosen}}
        else:
            values[block["block_id"]] = {
                "value": {"type": element["type"], "value": element.get("initial_value")}
            }
    return values


def stories(app: Harness) -> list[Story]:
    with app.deps.sessions.begin() as session:
        return list(session.scalars(select(Story).order_by(Story.id)))


def test_a_clean_answer_offers_save_as_story_and_the_modal_comes_pre_filled(app: Harness) -> None:
    thread = first_prompt(app)
    twice(app, message(thread, CANDIDATE, CLEAN, "1790000100.000100"), "EvClean")
    check = thread_posts(app, thread)[0]
    assert "Clean check" in check.params["text"]
    with app.deps.sessions.begin() as session:
        answer_id = session.scalars(select(Answer.id)).one()
    assert offered_answer(check) == answer_id

    # a reviewer's press is refused, privately, and opens nothing
    press(app, answer_id, REVIEWER)
    assert app.fake.calls_to("views.open") == []
    assert "Only the person who gave this answer" in app.fake.last_response_text()

    trigger = press(app, answer_id, CANDIDATE)
    [opened] = app.fake.calls_to("views.open")
    view = opened.json_param("view")
    assert opened.params["trigger_id"] == trigger
    blocks = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert blocks["title"]["initial_value"] == "Delivered an important project under a tight deadline"
    assert [o["value"] for o in blocks["principles"]["initial_options"]] == ["Deliver Results"]
    assert blocks["situation"]["initial_value"].startswith("At 8base our App Builder launch was slipping")
    assert blocks["task"]["initial_value"].startswith("I was the engineering manager responsible")
    assert blocks["action"]["initial_value"].startswith("First I mapped every open ticket")
    assert blocks["result"]["initial_value"].startswith("As a result we shipped the beta")
    assert "the flaky failures fell from 30 a week to 2" in blocks["metrics"]["initial_value"]
    assert json.loads(view["private_metadata"]) == {"answer_id": answer_id}

    result = app.driver.post_form(
        view_submission(
            "story_form", initial_values(view), user=CANDIDATE, private_metadata=view["private_metadata"]
        )
    )
    assert result.status == 200 and result.body in (b"", b"{}")
    [story] = stories(app)
    assert story.principles == ["Deliver Results"] and story.result.startswith("As a result we shipped")
    assert "180 thousand dollars" in story.metrics
    with app.deps.sessions.begin() as session:
        assert session.get_one(Answer, answer_id).story_id == story.id

    # pressing again edits the saved story rather than making a copy
    press(app, answer_id, CANDIDATE)
    again = app.fake.calls_to("views.open")[-1].json_param("view")
    assert json.loads(again["private_metadata"]) == {"story_id": story.id, "answer_id": answer_id}
    app.driver.post_form(
        view_submission(
            "story_form", initial_values(again), user=CANDIDATE, private_metadata=again["private_metadata"]
        )
    )
    assert len(stories(app)) == 1

    # already offered on the check reply: a reviewer's 5 does not offer it again
    posts = len(thread_posts(app, thread))
    twice(app, reaction("reaction_added", thread, REVIEWER, "five", "1790000100.000100"), "EvFive")
    assert len(thread_posts(app, thread)) == posts

    # the bank and the prompts show the story's gist and numbers, not only its title
    listed = app.prep("stories")
    assert "Delivered an important project under a tight deadline" in listed
    app.prep("question")
    prompt = app.fake.posts()[-1].params["text"]
    assert (
        "Stories you could tell: Delivered an important project under a tight deadline — As a result"
        in prompt
    )


def test_a_weak_answer_is_offered_once_when_a_reviewer_rates_it_four_or_five(app: Harness) -> None:
    thread = first_prompt(app)
    ts = "1790000100.000100"
    twice(app, message(thread, CANDIDATE, WE_ONLY, ts), "EvWeak")
    check, _follow_up = thread_posts(app, thread)
    assert offered_answer(check) is None
    twice(app, reaction("reaction_added", thread, REVIEWER, "three", ts), "EvThree")
    assert len(thread_posts(app, thread)) == 2
    twice(app, reaction("reaction_added", thread, REVIEWER, "four", ts), "EvFour")
    offer = thread_posts(app, thread)[-1]
    assert offer.params["text"].startswith("Rated 4/5") and offered_answer(offer) is not None
    twice(app, reaction("reaction_added", thread, SECOND_REVIEWER, "five", ts), "EvFive")
    twice(app, reaction("reaction_added", thread, REVIEWER, "five", ts), "EvFiveToo")
    assert len(thread_posts(app, thread)) == 3, "offered once"


@pytest.mark.processes  # waits on time: run by the flakiness gate
def test_the_button_acknowledges_before_the_modal_opens(app: Harness) -> None:
    thread = first_prompt(app)
    twice(app, message(thread, CANDIDATE, CLEAN, "1790000100.000100"), "EvClean")
    answer_id = offered_answer(thread_posts(app, thread)[0])
    assert answer_id is not None
    app.fake.stall("views.open", 4.0)
    body = urlencode(block_action({"action_id": "save_as_story", "value": str(answer_id)}, user=CANDIDATE))
    headers = signed_headers(body, SIGNING_SECRET, content_type="application/x-www-form-urlencoded")
    started = time.monotonic()
    answered = http_request(app.port, "POST", "/slack/events", body, headers)
    acknowledged_in = time.monotonic() - started
    app.driver.settle()
    assert answered.status == 200
    assert acknowledged_in < 3.0, "the ack does not wait for views.open"
    assert len(app.fake.calls_to("views.open")) == 1
