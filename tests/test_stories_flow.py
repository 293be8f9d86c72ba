"""The story bank through the real HTTP endpoint: the modal, the list, Edit and Delete."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.models import Story
from tests.conftest import CANDIDATE, Harness
from tests.support.payloads import block_action, view_submission
from tests.support.snapshot import snapshot

OTHER = "U0OTHER001"


def form_values(
    title: str = "Cut checkout latency",
    principles: tuple[str, ...] = ("Dive Deep", "Deliver Results"),
    **texts: str,
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": {"value": {"type": "plain_text_input", "value": title}},
        "principles": {
            "value": {"type": "multi_static_select", "selected_options": [{"value": p} for p in principles]}
        },
    }
    for name in ("situation", "task", "action", "result", "metrics", "notes"):
        values[name] = {"value": {"type": "plain_text_input", "value": texts.get(name)}}
    return values


def submit(app: Harness, values: dict[str, Any], *, user: str = CANDIDATE, metadata: str = ""):
    return app.driver.post_form(view_submission("story_form", values, user=user, private_metadata=metadata))


def stories_in_db(app: Harness) -> list[Story]:
    with app.deps.sessions.begin() as session:
        return list(session.query(Story).order_by(Story.id))


def test_story_add_opens_the_modal_with_the_title(app: Harness) -> None:
    app.command("story add Cut checkout latency")
    view = app.fake.calls_to("views.open")[-1].json_param("view")
    assert view["callback_id"] == "story_form"
    blocks = {block["block_id"]: block for block in view["blocks"]}
    assert blocks["title"]["element"]["initial_value"] == "Cut checkout latency"
    assert {"title", "principles", "situation", "task", "action", "result", "metrics", "notes"} <= set(blocks)
    assert len(blocks["principles"]["element"]["options"]) == 16


def test_submitting_saves_the_story_and_the_list_shows_it(app: Harness) -> None:
    result = submit(
        app, form_values(situation="Checkout timed out for 8% of buyers.", result="p99 fell 80%.")
    )
    assert result.status == 200 and result.body in (b"", b"{}")
    [story] = stories_in_db(app)
    assert story.title == "Cut checkout latency" and story.principles == ["Dive Deep", "Deliver Results"]
    assert story.situation == "Checkout timed out for 8% of buyers."
    assert "Saved “Cut checkout latency” (Dive Deep, Deliver Results)" in app.fake.posts()[-1].params["text"]

    app.command("stories")
    listed = app.fake.responses()[-1].params
    assert "Cut checkout latency (Dive Deep, Deliver Results)" in listed["text"]
    buttons = [e for b in listed["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"]) for b in buttons] == [
        ("edit_story", str(story.id)),
        ("delete_story", str(story.id)),
    ]
    assert buttons[1]["confirm"]["confirm"]["text"] == "Delete"

    app.command("stories dive")
    assert "Stories for Dive Deep (1)" in str(app.fake.responses()[-1].params["blocks"])
    app.command("stories frugality")
    assert app.fake.last_response_text().startswith("No stories tagged Frugality yet.")
    assert "Dive Deep — 0 answers · — · 1 story" not in app.prep("status")  # no interviews, no progress rows
    app.prep("interview add Ayan: dive deep, frugality")
    status = app.prep("status")
    assert "Dive Deep — 0 answers · — · 1 story" in status and "No story yet for: Frugality" in status


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        (form_values(title=""), {"title"}),
        (form_values(principles=()), {"principles"}),
        (form_values(title="", principles=()), {"title", "principles"}),
        (form_values(situation="x" * 3001), {"situation"}),
        (form_values(title="t" * 151, notes="n" * 3001), {"title", "notes"}),
    ],
)
def test_invalid_stories_are_answered_inside_the_modal_and_nothing_is_saved(
    app: Harness, values: dict[str, Any], errors: set[str]
) -> None:
    before = snapshot(app.deps.engine)
    result = submit(app, values)
    assert result.status == 200
    body = result.json()
    assert body["response_action"] == "errors" and set(body["errors"]) == errors
    assert snapshot(app.deps.engine) == before
    assert app.fake.posts() == []


def test_edit_opens_the_filled_modal_and_saves_changes(app: Harness) -> None:
    submit(app, form_values(action="I profiled the tax calls."))
    [story] = stories_in_db(app)
    app.driver.post_form(
        block_action(
            {"action_id": "edit_story", "value": str(story.id)},
            user=CANDIDATE,
            response_url=app.fake.response_url(),
        )
    )
    view = app.fake.calls_to("views.open")[-1].json_param("view")
    blocks = {block["block_id"]: block for block in view["blocks"]}
    assert blocks["action"]["element"]["initial_value"] == "I profiled the tax calls."
    assert [o["value"] for o in blocks["principles"]["element"]["initial_options"]] == [
        "Dive Deep",
        "Deliver Results",
    ]
    submit(
        app,
        form_values(title="Checkout, rescued", principles=("Dive Deep",)),
        metadata=view["private_metadata"],
    )
    [edited] = stories_in_db(app)
    assert (edited.id, edited.title, edited.principles) == (story.id, "Checkout, rescued", ["Dive Deep"])


def test_delete_removes_the_story_and_replaces_the_list(app: Harness) -> None:
    submit(app, form_values(title="First"))
    submit(app, form_values(title="Second"))
    first = stories_in_db(app)[0]
    app.driver.post_form(
        block_action(
            {"action_id": "delete_story", "value": str(first.id)},
            user=CANDIDATE,
            response_url=app.fake.response_url(),
        )
    )
    assert [s.title for s in stories_in_db(app)] == ["Second"]
    reply = app.fake.responses()[-1].params
    assert reply["replace_original"] is True and reply["text"].startswith("Deleted “First”.")
    assert "Second" in reply["text"]


def test_nobody_edits_or_deletes_another_candidates_story(app: Harness) -> None:
    submit(app, form_values(title="Mine"))
    [mine] = stories_in_db(app)
    before = snapshot(app.deps.engine)
    app.driver.post_form(
        block_action(
            {"action_id": "delete_story", "value": str(mine.id)},
            user=OTHER,
            response_url=app.fake.response_url(),
        )
    )
    assert "not in your bank" in app.fake.last_response_text()
    submit(app, form_values(title="Hijacked"), user=OTHER, metadata=json.dumps({"story_id": mine.id}))
    app.driver.post_form(
        block_action(
            {"action_id": "edit_story", "value": str(mine.id)},
            user=OTHER,
            response_url=app.fake.response_url(),
        )
    )
    assert [s.title for s in stories_in_db(app)] == ["Mine"]
    assert snapshot(app.deps.engine)["stories"] == before["stories"]
    assert "not in your bank" in app.fake.last_response_text()


def test_the_list_plans_stories_onto_interviews(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    app.prep("interview add Natesh: dive deep, ownership")
    app.prep("interview add Keesha: dive deep")
    submit(app, form_values(title="Checkout", principles=("Dive Deep",)))
    submit(app, form_values(title="Billing", principles=("Dive Deep", "Ownership")))
    app.command("stories")
    text = app.fake.last_response_text()
    assert "Plan for your loop:" in text
    assert "Natesh — Dive Deep: “Checkout”; Ownership: “Billing”" in text
    assert "Keesha — Dive Deep: “Checkout” (also planned for Natesh)" in text


def test_the_home_button_opens_the_story_form(app: Harness) -> None:
    app.driver.post_form(
        block_action({"action_id": "open_story_form"}, user=CANDIDATE, view={"id": "VHOME", "type": "home"})
    )
    assert app.fake.calls_to("views.open")[-1].json_param("view")["callback_id"] == "story_form"
