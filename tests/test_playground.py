"""The playground without a browser: page actions in, what Slack would send out to the real app,
and the workspace the page shows. SQLite only, as the playground itself."""

from __future__ import annotations

import base64
import http.client
import json
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.playground import page_server
from bot.playground.cast import CANDIDATE
from bot.playground.chat_actions import mentions
from bot.playground.manifest import FALLBACK, app_commands
from bot.playground.run import Playground, start
from bot.playground.saved import beside

ALEX, MARIA = CANDIDATE.id, "U0PLAYMARI"
NEW_YORK = "America/New_York"
SAMPLE_NOTE = Path(__file__).parent / "fixtures" / "sample-prep-note.md"


@pytest.fixture
def playground(tmp_path: Path) -> Iterator[Playground]:
    running = start(database_url=f"sqlite:///{tmp_path / 'try.db'}", day=date(2026, 12, 1), where=NEW_YORK)
    yield running
    running.stop()


def call(
    playground: Playground, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    port = playground.world.requests.port
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json", **(headers or {})}
    data = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=data, headers=sent)
    response = connection.getresponse()
    raw = response.read()
    connection.close()
    try:
        return response.status, json.loads(raw)
    except ValueError:
        return response.status, raw


def act(playground: Playground, action: str, /, **body: Any) -> dict[str, Any]:
    body.setdefault("as", ALEX)
    status, answer = call(playground, "POST", f"/try/api/{action}", body)
    assert status == 200, answer
    return dict(answer)


def state(playground: Playground) -> dict[str, Any]:
    status, answer = call(playground, "GET", "/try/api/state")
    assert status == 200
    return dict(answer)


def dm(playground: Playground, user: str = ALEX) -> str:
    return playground.world.slack.open_conversation((user,))


def prep(playground: Playground, text: str, user: str = ALEX) -> str:
    """`/prep TEXT` typed in the person's DM with the app; the reply only they see."""
    before = len(playground.world.slack.ephemeral)
    act(playground, "send", channel=dm(playground, user), text=f"/prep {text}", **{"as": user})
    replies = playground.world.slack.ephemeral[before:]
    assert replies, f"/prep {text} got no answer"
    assert all(r["for_user"] == user for r in replies)
    return "\n".join(r["text"] for r in replies)


def bot_messages(playground: Playground, channel: str) -> list[dict[str, Any]]:
    return [m for m in playground.world.slack.history[channel] if m.get("bot_id")]


def morning_question(playground: Playground) -> tuple[str, dict[str, Any]]:
    prep(playground, "loop 2026-12-16")
    prep(playground, "interview add Natesh: backbone, earn trust")
    prep(playground, "reviewer add @maria")
    moved = act(playground, "clock", to="morning")
    assert "sent 1 message" in moved["notice"]
    group = playground.world.slack.conversations[(ALEX, MARIA)]
    return group, bot_messages(playground, group)[-1]


def test_a_slash_command_reaches_the_real_app_and_only_its_author_sees_the_reply(
    playground: Playground,
) -> None:
    reply = prep(playground, "loop 2026-12-16")
    assert "15 days to your loop" in reply
    shown = state(playground)
    assert [m["for_user"] for m in shown["ephemeral"]] == [ALEX]
    assert shown["ephemeral"][0]["in_reply_to"] == "/prep loop 2026-12-16"


def test_next_morning_runs_the_tick_at_the_prompt_time_in_the_persons_zone(playground: Playground) -> None:
    _, question = morning_question(playground)
    nine_in_new_york = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    assert playground.world.clock.now() == nine_in_new_york
    assert float(question["ts"]) == nine_in_new_york.timestamp()  # messages carry the simulated time
    assert question["blocks"][0]["type"] == "header"
    assert all(block.get("block_id") for block in question["blocks"])  # as Slack stores them
    assert state(playground)["now"]["label"] == "Wed 2 Dec 2026 · 09:00"


def test_an_answer_in_the_thread_is_checked_and_the_reviewers_rating_counts(playground: Playground) -> None:
    group, question = morning_question(playground)
    act(playground, "send", channel=group, thread_ts=question["ts"], text="I led it and cut costs by 30%.")
    thread = [m for m in playground.world.slack.history[group] if m.get("thread_ts") == question["ts"]]
    answer, check = thread[0], thread[1]
    assert answer["user"] == ALEX and answer["reactions"][0]["users"] == ["UBOTLOOP1"]  # acknowledged
    assert check.get("bot_id") and check["text"]

    act(playground, "react", channel=group, ts=answer["ts"], name="four", on=True, **{"as": MARIA})
    act(playground, "send", channel=group, thread_ts=question["ts"], text="Say more.", **{"as": MARIA})
    assert "4.0/5" in prep(playground, "status")

    act(playground, "react", channel=group, ts=answer["ts"], name="four", on=False, **{"as": MARIA})
    assert "4.0/5" not in prep(playground, "status")


def test_a_modal_shows_the_apps_errors_inside_and_closes_once_saved(playground: Playground) -> None:
    prep_text = "/prep story add"
    act(playground, "send", channel=dm(playground), text=prep_text)
    [modal] = state(playground)["modals"][ALEX]
    assert modal["type"] == "modal" and modal["submit"]

    refused = act(playground, "submit", view_id=modal["id"], values={})
    assert refused["outcome"] == "errors"
    [still_open] = state(playground)["modals"][ALEX]
    assert "title" in still_open["errors"]

    values = {
        "title": {"value": {"type": "plain_text_input", "value": "Payments rewrite"}},
        "principles": {
            "value": {
                "type": "multi_static_select",
                "selected_options": [
                    {"text": {"type": "plain_text", "text": "Ownership"}, "value": "Ownership"}
                ],
            }
        },
    }
    assert act(playground, "submit", view_id=modal["id"], values=values)["outcome"] == "closed"
    assert state(playground)["modals"][ALEX] == []
    assert "Payments rewrite" in bot_messages(playground, dm(playground))[-1]["text"]


def test_opening_the_home_tab_has_the_app_publish_it(playground: Playground) -> None:
    prep(playground, "loop 2026-12-16")
    act(playground, "tab", tab="home")
    home = state(playground)["homes"][ALEX]
    assert home["type"] == "home" and home["blocks"]
    button = next(b for b in home["blocks"] if b["type"] == "actions")["elements"][0]
    block = next(b for b in home["blocks"] if b["type"] == "actions")
    act(
        playground,
        "click",
        source={"view_id": home["id"]},
        block_id=block["block_id"],
        action_id=button["action_id"],
    )
    assert state(playground)["modals"][ALEX], "the Home tab's first button opens a form"


def test_a_note_sent_to_the_apps_dm_is_imported(playground: Playground) -> None:
    content = base64.b64encode(SAMPLE_NOTE.read_bytes()).decode()
    act(playground, "upload", channel=dm(playground), name="sample-prep-note.md", content=content)
    shared, preview = playground.world.slack.history[dm(playground)][-2:]
    assert shared["files"][0]["name"] == "sample-prep-note.md"
    assert preview.get("bot_id")
    assert "Priya" not in prep(playground, "interviews"), "a preview first: nothing saved yet"
    block, button = next(
        (block, element)
        for block in preview["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element.get("text", {}).get("text", "").startswith("Import")
    )
    act(
        playground,
        "click",
        source={"channel": dm(playground), "ts": preview["ts"]},
        block_id=block["block_id"],
        action_id=button["action_id"],
    )
    assert "Priya" in prep(playground, "interviews")


def test_loop_day_needs_a_loop_date_and_says_so(playground: Playground) -> None:
    status, answer = call(playground, "POST", "/try/api/clock", {"as": ALEX, "to": "loop"})
    assert status == 400 and "No loop date yet" in answer["error"]
    prep(playground, "loop 2026-12-16")
    act(playground, "clock", to="loop")
    assert playground.world.clock.now() == datetime(2026, 12, 16, 14, 0, tzinfo=UTC)


def test_the_playground_knows_the_apps_commands_from_its_manifest() -> None:
    manifest = yaml.safe_load((Path(__file__).parents[1] / "manifest.yml").read_text(encoding="utf-8"))
    declared = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert {c["command"] for c in app_commands()} == declared
    assert {c["command"] for c in FALLBACK} == declared  # what it knows without reading the manifest
    assert all(c["usage_hint"] for c in app_commands())


def test_other_commands_get_slacks_own_refusal(playground: Playground) -> None:
    act(playground, "send", channel=dm(playground), text="/remind me tomorrow")
    [refusal] = playground.world.slack.ephemeral
    assert refusal["user"] == "USLACKBOT" and "not a valid command" in refusal["text"]


def test_the_page_api_answers_only_local_json_posts(playground: Playground) -> None:
    assert call(playground, "GET", "/try/api/state", headers={"Host": "evil.example"})[0] == 403
    assert call(playground, "POST", "/try/api/send", b"as=x", {"Content-Type": "text/plain"})[0] == 405
    assert call(playground, "GET", "/try/api/send")[0] == 405
    assert call(playground, "GET", "/try/static/../run.py")[0] == 404
    assert call(playground, "GET", "/try/static/app.js")[0] == 200
    status, answer = call(
        playground, "POST", "/try/api/send", {"as": MARIA, "channel": dm(playground), "text": "hi"}
    )
    assert status == 400 and "your own conversations" in answer["error"]
    status, answer = call(playground, "POST", "/try/api/tab", {"as": "UNOBODY", "tab": "home"})
    assert status == 400 and "nobody" in answer["error"]
    assert call(playground, "POST", "/try/api/send", {"as": ALEX})[0] == 400  # fields missing
    assert call(playground, "GET", "/healthz")[0] == 200  # everything else is the real app
    assert call(playground, "POST", "/slack/events", {"type": "url_verification"})[0] == 401  # unsigned


def test_the_page_is_woken_when_the_workspace_changes(
    playground: Playground, monkeypatch: pytest.MonkeyPatch
) -> None:
    version = state(playground)["version"]
    monkeypatch.setattr(page_server, "LONG_POLL_SECONDS", 0.2)
    assert state_after(playground, version) == version  # nothing happened: the poll just ends
    monkeypatch.setattr(page_server, "LONG_POLL_SECONDS", 30.0)
    woken: list[int] = []
    poller = threading.Thread(target=lambda: woken.append(state_after(playground, version)))
    poller.start()
    prep(playground, "help")
    poller.join(timeout=10)
    assert woken and woken[0] > version


def state_after(playground: Playground, version: int) -> int:
    return int(call(playground, "GET", f"/try/api/state?after={version}")[1]["version"])


def test_a_named_database_keeps_the_slack_side_and_the_time(tmp_path: Path) -> None:
    database = tmp_path / "mine.db"
    options: dict[str, Any] = {"database_url": f"sqlite:///{database}", "where": NEW_YORK}
    first = start(day=date(2026, 12, 1), saved_to=beside(database), **options)
    try:
        group, question = morning_question(first)
    finally:
        first.stop()
    again = start(day=date(2027, 1, 1), saved_to=beside(database), **options)
    try:
        assert again.world.clock.now() == datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
        assert again.world.slack.find_message(group, question["ts"]) is not None
        act(again, "send", channel=group, thread_ts=question["ts"], text="I did it, 20% faster.")
        # the answer, its check and the interviewer's follow-up
        assert len([m for m in again.world.slack.history[group] if m.get("thread_ts")]) == 3
    finally:
        again.stop()


def test_mentions_are_sent_as_slack_sends_them(playground: Playground) -> None:
    world = playground.world
    assert mentions(world, "reviewer add @maria", escaped=True) == f"reviewer add <@{MARIA}|maria>"
    assert mentions(world, "thanks @Maria.", escaped=False) == f"thanks <@{MARIA}>."
    assert mentions(world, "a <b> & @nobody", escaped=False) == "a &lt;b&gt; &amp; @nobody"


def test_next_morning_with_nothing_scheduled_is_tomorrow_at_nine(playground: Playground) -> None:
    moved = act(playground, "clock", to="morning")
    assert "nothing was due" in moved["notice"]
    assert playground.world.clock.now() == datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


def test_a_real_apps_oauth_credentials_in_the_shell_leave_the_playground_on_its_own_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Exported, these would make Settings and Bolt both switch to the OAuth install flow, and
    # every command would be answered "not installed in this workspace".
    monkeypatch.setenv("SLACK_CLIENT_ID", "1234567890.1234567890")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "0123456789abcdef0123456789abcdef")
    running = start(database_url=f"sqlite:///{tmp_path / 'try.db'}", day=date(2026, 12, 1), where=NEW_YORK)
    try:
        assert not running.world.deps.settings.multi_workspace
        assert "loop" in prep(running, "help").lower()
    finally:
        running.stop()
