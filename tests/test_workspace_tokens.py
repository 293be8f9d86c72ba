"""Installed with OAuth in two workspaces, every Slack call carries its own workspace's bot token:
listeners (Bolt's authorize), their jobs (the worker process on PostgreSQL), and the clock; a
rotating token is refreshed before it is used."""

from __future__ import annotations

import time
from datetime import date

from slack_sdk.oauth.installation_store import Bot

from bot.installations import find_team_bot
from bot.pacing import PacedWebClient, Pacer
from bot.workspaces import InstalledWorkspaces
from schedules.jobs import tick
from tests.support.factories import local, make_candidate
from tests.support.fake_slack import FakeSlack
from tests.support.oauth import *  # noqa: F403 - the fixtures (its __all__)
from tests.support.oauth import (
    TEAM_A,
    TEAM_B,
    Installing,
    calls_since,
)

USERS = {TEAM_A: "U0AAAAAAA1", TEAM_B: "U0BBBBBBB1"}
LOOP = date(2026, 12, 16)
NOT_SLACK_API = {"response_url", "oauth.v2.access", "file_download", "file_upload"}


def api_calls(fake: FakeSlack, mark: int) -> list[tuple[str, str | None]]:
    return [(c.method, fake.token_of(c)) for c in calls_since(fake, mark) if c.method not in NOT_SLACK_API]


def test_two_workspaces_each_call_carries_its_own_token(installed: Installing) -> None:
    app, fake = installed.app, installed.app.fake
    tokens = {team: installed.install(team) for team in (TEAM_A, TEAM_B)}
    assert tokens[TEAM_A] != tokens[TEAM_B]
    for team, user in USERS.items():
        fake.add_user(user, tz="America/New_York", name=f"casey-{team[-1].lower()}")

    for team, user in USERS.items():
        # A command: acknowledged at once, its work done by a job (the worker, on PostgreSQL).
        mark = len(fake.calls)
        assert "days to your loop" in app.prep(f"loop {LOOP}", user=user, team=team)
        app.prep("interview add Natesh: backbone, earn trust", user=user, team=team)
        job_calls = api_calls(fake, mark)
        assert ("users.info", tokens[team]) in job_calls, job_calls
        assert {token for _, token in job_calls} == {tokens[team]}

        # A listener's own call: the interview modal opens on the request's client.
        mark = len(fake.calls)
        assert app.command("interview add", user=user, team=team).status == 200
        fake.wait_for(lambda f, m=mark: any(c.method == "views.open" for c in f.calls[m:]))
        app.driver.settle()
        assert api_calls(fake, mark) == [("views.open", tokens[team])]

        # An event: the Home tab, published by its job.
        mark = len(fake.calls)
        opened = {"type": "app_home_opened", "user": user, "tab": "home", "channel": "D0HOME0001"}
        assert app.event(opened, team=team).status == 200
        home = api_calls(fake, mark)
        assert ("views.publish", tokens[team]) in home
        assert {token for _, token in home} == {tokens[team]}

    # The clock: one tick delivers both workspaces' morning questions, each on its own token.
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    mark = len(fake.calls)
    report = tick(installed.clock_deps())
    app.driver.settle()
    assert report.claimed == 2
    opened_by_team = {
        team: fake.api_conversations_open({"users": user})["channel"]["id"] for team, user in USERS.items()
    }
    posts = [c for c in calls_since(fake, mark) if c.method == "chat.postMessage"]
    assert sorted(c.params["channel"] for c in posts) == sorted(opened_by_team.values())
    for post in posts:
        team = next(t for t, channel in opened_by_team.items() if channel == post.params["channel"])
        assert fake.token_of(post) == tokens[team]
    for call in calls_since(fake, mark):
        if call.method == "conversations.open":
            team = next(t for t, user in USERS.items() if user == call.params["users"])
            assert fake.token_of(call) == tokens[team]
    assert {token for _, token in api_calls(fake, mark)} == set(tokens.values())


def test_the_clock_paces_each_workspace_in_its_own_buckets(installed: Installing) -> None:
    tokens = {team: installed.install(team) for team in (TEAM_A, TEAM_B)}
    workspaces = installed.app.deps.workspaces
    assert isinstance(workspaces, InstalledWorkspaces)
    # The clock's deps, as `python -m schedules` builds them: with a pacer.
    paced = InstalledWorkspaces(
        workspaces.store, workspaces.rotator, api_url=installed.app.fake.api_url, pacer=Pacer()
    )
    clients = {team: paced.client(team) for team in tokens}
    assert all(isinstance(client, PacedWebClient) for client in clients.values())
    assert {team: client.team for team, client in clients.items()} == {TEAM_A: TEAM_A, TEAM_B: TEAM_B}  # type: ignore[attr-defined]
    assert {team: client.token for team, client in clients.items()} == tokens
    assert paced.client(TEAM_A) is clients[TEAM_A], "one client per token, kept"


def expiring(installed: Installing, team: str, *, seconds: int) -> Bot:
    """Install with a rotating token, then make it expire in `seconds`."""
    installed.install(team, rotating=True)
    workspaces = installed.app.deps.workspaces
    assert isinstance(workspaces, InstalledWorkspaces)
    bot = find_team_bot(workspaces.store, team)
    assert bot is not None and bot.bot_refresh_token
    bot.bot_token_expires_at = int(time.time()) + seconds
    workspaces.store.save_bot(bot)  # the same row (same installed_at), updated in place
    assert installed.installation_rows(team)["slack_bots"] == 1
    return bot


def refreshes(fake: FakeSlack, mark: int) -> list[str]:
    return [
        str(c.params.get("refresh_token"))
        for c in calls_since(fake, mark)
        if c.method == "oauth.v2.access" and c.params.get("grant_type") == "refresh_token"
    ]


def test_an_expiring_token_is_refreshed_before_a_request_uses_it(installed: Installing) -> None:
    app, fake = installed.app, installed.app.fake
    old = expiring(installed, TEAM_A, seconds=60)  # inside Bolt's two-hour window
    mark = len(fake.calls)
    assert "days to your loop" in app.prep(f"loop {LOOP}", user=USERS[TEAM_A], team=TEAM_A)
    assert refreshes(fake, mark) == [old.bot_refresh_token], "refreshed once, with the stored refresh token"
    workspaces = app.deps.workspaces
    assert isinstance(workspaces, InstalledWorkspaces)
    stored = find_team_bot(workspaces.store, TEAM_A)
    assert stored is not None and stored.bot_token != old.bot_token
    assert stored.bot_token_expires_at and stored.bot_token_expires_at > time.time() + 3600
    assert installed.installation_rows(TEAM_A)["slack_bots"] == 1, "the refreshed token replaced the old one"
    used = {token for _, token in api_calls(fake, mark)}
    assert used == {stored.bot_token}, "every call after the refresh carries the new token"


def test_an_expiring_token_is_refreshed_before_the_clock_uses_it(installed: Installing) -> None:
    app, fake = installed.app, installed.app.fake
    old = expiring(installed, TEAM_B, seconds=30)
    make_candidate(
        app.deps, USERS[TEAM_B], loop_date=LOOP, interviews_spec=[("Natesh", "backbone")], team=TEAM_B
    )
    app.clock.set(local(date(2026, 12, 1), 9, 0))
    mark = len(fake.calls)
    tick(installed.clock_deps())
    app.driver.settle()
    assert refreshes(fake, mark)[:1] == [old.bot_refresh_token]
    posts = [c for c in calls_since(fake, mark) if c.method == "chat.postMessage"]
    assert len(posts) == 1
    assert fake.token_of(posts[0]) not in (old.bot_token, None)


def test_a_token_far_from_expiry_is_not_refreshed(installed: Installing) -> None:
    app, fake = installed.app, installed.app.fake
    expiring(installed, TEAM_A, seconds=6 * 3600)
    mark = len(fake.calls)
    app.prep(f"loop {LOOP}", user=USERS[TEAM_A], team=TEAM_A)
    assert refreshes(fake, mark) == []
