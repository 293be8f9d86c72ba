"""`/prep history [PRINCIPLE]`: answers by date, paged with buttons, through the real HTTP endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.blocks.history import NEWER, OLDER, PageRequest
from bot.models import Prompt
from tests.conftest import BOT_TOKEN, CANDIDATE, Harness
from tests.support.factories import local
from tests.support.fake_progress import FakeSlackWithPermalinks
from tests.support.fake_slack import Call
from tests.support.payloads import block_action
from tests.support.practice import FIRST_DAY, GOOD, REVIEWER, WEAK, play, set_up


@pytest.fixture
def fake_slack() -> Iterator[FakeSlackWithPermalinks]:
    fake = FakeSlackWithPermalinks(token=BOT_TOKEN).start()
    fake.add_user(CANDIDATE, tz="America/New_York", name="casey")
    yield fake
    fake.stop()


def asked(app: Harness) -> list[Prompt]:
    """The daily questions sent, oldest first."""
    with app.deps.sessions.begin() as session:
        return list(session.query(Prompt).filter(Prompt.kind == "question").order_by(Prompt.id))


def blocks_text(call: Call) -> str:
    return json.dumps(call.json_param("blocks"), ensure_ascii=False)


def buttons(call: Call) -> dict[str, dict[str, Any]]:
    found = {}
    for block in call.json_param("blocks"):
        if block["type"] == "actions":
            found.update({element["action_id"]: element for element in block["elements"]})
    return found


def press(app: Harness, button: dict[str, Any], *, user: str = CANDIDATE) -> None:
    fields = block_action(
        {"action_id": button["action_id"], "value": button["value"]},
        user=user,
        response_url=app.fake.response_url("history"),
        channel="D0CMDCHAN",
    )
    assert app.driver.post_form(fields).status == 200


def test_history_pages_through_answers_newest_first(app: Harness) -> None:
    set_up(app)
    played = play(app, [(GOOD, 5), (WEAK, 1), (GOOD, 4), (GOOD, None), (GOOD, 3), (WEAK, 2), (GOOD, 5)])
    app.clock.set(local(FIRST_DAY.replace(day=7), 20, 0))

    app.prep("history")
    first = app.fake.responses()[-1]
    text = first.params["text"]
    assert text.startswith("Your answers — Page 1 of 2 · 7 answers, newest first")
    lines = text.splitlines()[1:]
    assert len(lines) == 5
    assert [line.split(" · ")[0] for line in lines] == [
        "Mon 7 Dec",
        "Sun 6 Dec",
        "Sat 5 Dec",
        "Fri 4 Dec",
        "Thu 3 Dec",
    ]
    newest = played[-1]
    link = app.fake.permalink(newest.channel, newest.answer_ts)
    assert f"<{link}|open the thread>" in blocks_text(first)
    assert "rated 5.0/5 by 1 reviewer" in lines[0] and "check " in lines[0]
    assert "not rated yet" in lines[3]
    redo_days = {f"{p.local_date:%a} {p.local_date.day} Dec" for p in asked(app) if p.redo_of is not None}
    assert redo_days, "a 1/5 answer was asked again"
    for line in lines:
        assert ("🔁 second try" in line) == (line.split(" · ")[0] in redo_days)
    assert "check 1/5 (too short" in lines[1]
    assert set(buttons(first)) == {OLDER}
    assert len(app.fake.calls_to("chat.getPermalink")) == 5

    press(app, buttons(first)[OLDER])
    second = app.fake.responses()[-1]
    assert second.params["replace_original"] is True
    assert second.params["text"].startswith("Your answers — Page 2 of 2 · 7 answers")
    assert [line.split(" · ")[0] for line in second.params["text"].splitlines()[1:]] == [
        "Wed 2 Dec",
        "Tue 1 Dec",
    ]
    assert set(buttons(second)) == {NEWER}

    press(app, buttons(second)[NEWER])
    assert app.fake.responses()[-1].params["text"] == text


def test_someone_elses_page_button_does_nothing(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 5)] * 6)
    app.prep("history")
    older = buttons(app.fake.responses()[-1])[OLDER]
    before = len(app.fake.responses())
    press(app, older, user=REVIEWER)
    forged = dict(older, value=PageRequest(REVIEWER, None, 1).encode())
    press(app, forged)  # the candidate pressing a button made out for someone else
    press(app, dict(older, value="not json"))
    assert len(app.fake.responses()) == before


def test_history_of_one_principle_and_of_none(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 5), (WEAK, 1), (GOOD, 4), (GOOD, 5), (GOOD, 4), (GOOD, 5)])
    principles = [p.principle for p in asked(app)]
    first = principles[0]
    assert first is not None and len(set(principles)) > 1
    shown = app.prep(f"history {first.lower()}")
    count = principles.count(first)
    assert shown.startswith(f"Your answers on {first} — Page 1 of 1 · {count} answer")
    assert len(shown.splitlines()) == 1 + count
    assert all(f" · {first}" in line for line in shown.splitlines()[1:])
    assert not buttons(app.fake.responses()[-1])
    assert app.prep("history frugality").startswith("No answers on Frugality yet.")
    refused = app.prep("history funday")
    assert refused.startswith("“funday” is not a Leadership Principle I know.")


def test_a_thread_slack_cannot_link_is_listed_without_a_link(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 5)])
    app.fake.refuse("chat.getPermalink", "message_not_found")
    app.prep("history")
    shown = app.fake.responses()[-1]
    assert "1 answer, newest first" in shown.params["text"]
    assert "open the thread" not in blocks_text(shown)
