"""Installing with OAuth: the install page and the redirect, a state that is forged, replayed or
from another browser, a workspace that never installed, uninstalling one workspace, and the
settings that choose the mode."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import yaml
from pydantic import ValidationError
from slack_bolt import BoltRequest
from sqlalchemy import func, select, text

from bot.app import create_app
from bot.deps import Deps
from bot.installations import forget_team
from bot.models import Candidate
from bot.settings import MANIFEST_SCOPES, Settings, describe
from tests.conftest import BOT_TOKEN, CANDIDATE, REPO, SIGNING_SECRET, new_database_url
from tests.support.app_server import http_request
from tests.support.data_seed import every_row, rows_of_candidates, seed_prep, without
from tests.support.fake_slack import FakeSlack
from tests.support.oauth import *  # noqa: F403 - the fixtures (its __all__)
from tests.support.oauth import (
    CLIENT_ID,
    CLIENT_SECRET,
    TEAM_A,
    TEAM_B,
    Installing,
    finish_install,
    get,
    oauth_env,
    start_install,
)
from tests.support.payloads import slash_command
from tests.support.signing import signed_headers
from tests.test_processes import clean_env, free_port, procfile, run, wait_for_health

UNINSTALLED: dict[str, Any] = {"type": "app_uninstalled"}
BOT_REVOKED: dict[str, Any] = {"type": "tokens_revoked", "tokens": {"bot": ["UBOTAAAAA"]}}


# -- the pages ------------------------------------------------------------------------------------
def test_the_install_page_asks_slack_for_the_manifests_scopes_with_a_fresh_state(
    installed: Installing,
) -> None:
    first, second = start_install(installed.app.port), start_install(installed.app.port)
    assert "Add to Slack" in get(installed.app.port, "/slack/install").body
    assert first.query["client_id"] == CLIENT_ID
    assert first.query["scope"].split(",") == list(MANIFEST_SCOPES)
    assert first.state != second.state, "every visit gets its own state"
    assert first.cookie == first.state, "the browser keeps the state it must come back with"
    assert CLIENT_SECRET not in get(installed.app.port, "/slack/install").body


def test_the_redirect_stores_the_installation_and_says_what_to_do_next(installed: Installing) -> None:
    token = installed.install(TEAM_A)
    assert installed.installation_rows(TEAM_A) == {"slack_installations": 1, "slack_bots": 1}
    exchanges = installed.app.fake.calls_to("oauth.v2.access")
    assert [c.params.get("code") for c in exchanges] == [f"code-{TEAM_A}-0"]
    assert token.startswith("xoxb-")


@pytest.mark.parametrize("case", ["forged state", "replayed state", "no cookie", "cookie of another state"])
def test_a_bad_or_replayed_state_is_refused_and_stores_nothing(installed: Installing, case: str) -> None:
    port, fake = installed.app.port, installed.app.fake
    start = start_install(port)
    state, cookie = start.state, start.cookie
    if case == "forged state":
        state = cookie = "0b1d4e7a-forged-state"
    elif case == "replayed state":
        fake.install_code("code-first", TEAM_A)
        assert finish_install(port, code="code-first", state=state, cookie=cookie).status == 200
    elif case == "no cookie":
        cookie = None
    else:
        cookie = start_install(port).state
    fake.install_code("code-second", TEAM_B)
    refused = finish_install(port, code="code-second", state=state, cookie=cookie)
    assert refused.status in (400, 401, 403), refused.body
    assert "was not installed" in refused.body and "/slack/install" in refused.body
    assert installed.installation_rows(TEAM_B) == {"slack_installations": 0, "slack_bots": 0}
    assert "code-second" in fake.codes, "the code was never exchanged"


def test_a_code_slack_refuses_is_a_failure_page(installed: Installing) -> None:
    start = start_install(installed.app.port)
    page = finish_install(installed.app.port, code="never-issued", state=start.state, cookie=start.cookie)
    assert page.status >= 400 and "was not installed" in page.body
    with installed.app.deps.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM slack_bots")).scalar_one() == 0


# -- a workspace without an installation -----------------------------------------------------------
def test_a_command_from_a_workspace_without_installation_gets_the_install_link(installed: Installing) -> None:
    app = installed.app
    installed.install(TEAM_A)
    mark = len(app.fake.calls)
    result = app.command("loop 2026-12-16", team="T0NOTHERE1")
    assert result.status == 200
    message = result.body.decode()
    assert "isn't installed in this workspace" in message
    assert f"http://127.0.0.1:{app.port}/slack/install" in message
    assert app.fake.calls[mark:] == [], "no job, no Slack call"
    with app.deps.sessions.begin() as session:
        assert session.scalar(select(func.count()).select_from(Candidate)) == 0


def test_an_event_from_a_workspace_without_installation_is_acknowledged_and_ignored(
    installed: Installing,
) -> None:
    app = installed.app
    mark = len(app.fake.calls)
    opened = {"type": "app_home_opened", "user": CANDIDATE, "tab": "home", "channel": "D0HOME0001"}
    assert app.event(opened, team="T0NOTHERE1").status == 200
    assert app.fake.calls[mark:] == []


# -- uninstalling ----------------------------------------------------------------------------------
@pytest.mark.parametrize("first", [UNINSTALLED, BOT_REVOKED], ids=["uninstalled-first", "revoked-first"])
def test_uninstall_removes_one_workspaces_installation_and_data(
    installed: Installing, first: dict[str, Any]
) -> None:
    app = installed.app
    installed.install(TEAM_A)
    installed.install(TEAM_B)
    leaving = seed_prep(app.deps, CANDIDATE, team=TEAM_A)
    seed_prep(app.deps, CANDIDATE, team=TEAM_B)
    kept_rows = without(every_row(app.deps.engine), rows_of_candidates(app.deps.engine, [leaving]))

    assert app.event(dict(first), team=TEAM_A).status == 200
    assert installed.installation_rows(TEAM_A) == {"slack_installations": 0, "slack_bots": 0}
    second = BOT_REVOKED if first is UNINSTALLED else UNINSTALLED
    assert app.event(dict(second), team=TEAM_A).status == 200  # the other event, after: nothing left to do
    assert app.event(dict(first), team=TEAM_A).status == 200  # and a duplicate delivery

    assert installed.installation_rows(TEAM_A) == {"slack_installations": 0, "slack_bots": 0}
    assert installed.installation_rows(TEAM_B) == {"slack_installations": 1, "slack_bots": 1}
    after = every_row(app.deps.engine)
    assert not any(TEAM_A in str(row) for rows in after.values() for row in rows)
    after.pop("job_steps", None)
    after.pop("slack_pacing", None)
    for name, rows in after.items():
        assert rows == kept_rows[name], name
    assert "isn't installed" in app.command("status", team=TEAM_A).body.decode()
    assert "isn't installed" not in app.prep("status", team=TEAM_B), "the other workspace is still served"


def test_a_revoked_user_token_leaves_the_bot_installed(installed: Installing) -> None:
    app = installed.app
    installed.install(TEAM_A)
    assert (
        app.event({"type": "tokens_revoked", "tokens": {"oauth": ["UINSTALLER"]}}, team=TEAM_A).status == 200
    )
    assert installed.installation_rows(TEAM_A) == {"slack_installations": 0, "slack_bots": 1}
    assert app.prep("loop 2026-12-16", team=TEAM_A)


# -- settings and the manifest ---------------------------------------------------------------------
def oauth_settings(**values: str) -> Settings:
    return Settings(_env_file=None, slack_signing_secret=SIGNING_SECRET, **values)  # type: ignore[arg-type]


def test_client_id_and_secret_make_the_app_multi_workspace_without_a_bot_token() -> None:
    settings = oauth_settings(slack_client_id=CLIENT_ID, slack_client_secret=CLIENT_SECRET)
    assert settings.multi_workspace and settings.slack_bot_token is None
    assert settings.scopes == MANIFEST_SCOPES
    assert CLIENT_SECRET in settings.secrets(), "the client secret is kept out of the logs"
    chosen = oauth_settings(
        slack_client_id=CLIENT_ID, slack_client_secret=CLIENT_SECRET, slack_scopes="commands, chat:write"
    )
    assert chosen.scopes == ("commands", "chat:write")
    single = oauth_settings(slack_bot_token=BOT_TOKEN)
    assert not single.multi_workspace


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({}, "missing setting SLACK_BOT_TOKEN"),
        ({"slack_client_id": CLIENT_ID}, "missing setting SLACK_CLIENT_SECRET"),
        ({"slack_client_secret": CLIENT_SECRET}, "missing setting SLACK_CLIENT_ID"),
        (
            {"slack_client_id": "your-client-id", "slack_client_secret": CLIENT_SECRET},
            "SLACK_CLIENT_ID is not valid",
        ),
        (
            {"slack_client_id": CLIENT_ID, "slack_client_secret": "<client secret>"},
            "SLACK_CLIENT_SECRET is not valid",
        ),
        (
            {
                "slack_client_id": CLIENT_ID,
                "slack_client_secret": CLIENT_SECRET,
                "slack_app_token": "xapp-1-A-1-abcdef1234",
            },
            "unset SLACK_APP_TOKEN",
        ),
    ],
)
def test_incomplete_or_placeholder_oauth_settings_are_one_line(values: dict[str, str], named: str) -> None:
    with pytest.raises(ValidationError) as refused:
        oauth_settings(**values)
    line = describe(refused.value)
    assert named in line and "\n" not in line and line.startswith("loop-coach: ")


def test_the_default_scopes_are_the_manifests_and_it_has_the_redirect_url() -> None:
    manifest = yaml.safe_load(Path(REPO, "manifest.yml").read_text())
    assert tuple(manifest["oauth_config"]["scopes"]["bot"]) == MANIFEST_SCOPES
    redirects = manifest["oauth_config"]["redirect_urls"]
    assert redirects and all(
        url.startswith("https://") and url.endswith("/slack/oauth_redirect") for url in redirects
    )
    events_url = manifest["settings"]["event_subscriptions"]["request_url"]
    assert redirects[0].removesuffix("/slack/oauth_redirect") == events_url.removesuffix("/slack/events")


def test_a_workspace_whose_tokens_are_already_gone_is_still_purged(installed: Installing) -> None:
    """A purge that failed after the tokens went (and is retried) or an event that arrives after
    them: the job needs no token to remove the data."""
    app = installed.app
    installed.install(TEAM_A)
    seed_prep(app.deps, CANDIDATE, team=TEAM_A)
    forget_team(installed.store(), TEAM_A)
    assert app.event(dict(UNINSTALLED), team=TEAM_A).status == 200
    assert not any(TEAM_A in str(row) for rows in every_row(app.deps.engine).values() for row in rows)


# -- the real web process ----------------------------------------------------------------------------
@pytest.fixture
def process_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    yield from new_database_url(backend, tmp_path, "oauthproc")


@pytest.mark.processes
def test_the_procfiles_web_process_installs_and_serves_two_workspaces(
    process_database_url: str, tmp_path: Path
) -> None:
    """gunicorn as deployed (and, on PostgreSQL, the worker), with SLACK_CLIENT_ID/SECRET and no bot token."""
    fake = FakeSlack(token="xoxb-no-single-token-here").start()
    fake.oauth_app(CLIENT_ID, CLIENT_SECRET)
    port = free_port()
    env = clean_env(**oauth_env(process_database_url, fake.api_url, PORT=str(port), WEB_CONCURRENCY="1"))
    assert run(["bash", "-c", procfile()["release"]], env, tmp_path).returncode == 0
    processes = [start_process(procfile()["web"], env, tmp_path)]
    if process_database_url.startswith("postgresql"):
        processes.append(start_process(procfile()["worker"], env, tmp_path))
    try:
        wait_for_health(port)
        tokens = {}
        for n, team in enumerate((TEAM_A, TEAM_B)):
            start = start_install(port)
            tokens[team] = fake.install_code(f"code-{n}", team).token
            assert (
                "/prep help"
                in finish_install(port, code=f"code-{n}", state=start.state, cookie=start.cookie).body
            )
        for team in (TEAM_A, TEAM_B):
            user = f"U0{team[2:]}"
            fake.add_user(user, tz="Europe/Berlin", name=user.lower())
            mark = len(fake.calls)
            body = urlencode(
                slash_command("loop 2026-12-16", user=user, team=team, response_url=fake.response_url())
            )
            headers = signed_headers(body, SIGNING_SECRET, content_type="application/x-www-form-urlencoded")
            assert http_request(port, "POST", "/slack/events", body, headers).status == 200
            fake.wait_for(lambda f, m=mark: any(c.method == "response_url" for c in f.calls[m:]), timeout=60)
            asked = [fake.token_of(c) for c in fake.calls[mark:] if c.method == "users.info"]
            assert asked == [tokens[team]], "the job asked Slack with its own workspace's token"
        body = urlencode(
            slash_command("status", user="U0NOBODY01", team="T0NOTHERE1", response_url=fake.response_url())
        )
        headers = signed_headers(body, SIGNING_SECRET, content_type="application/x-www-form-urlencoded")
        stranger = http_request(port, "POST", "/slack/events", body, headers)
        assert stranger.status == 200 and b"/slack/install" in stranger.body
    finally:
        outputs = [stop_process(process) for process in reversed(processes)]
        fake.stop()
    for output in outputs:
        for secret in (CLIENT_SECRET, SIGNING_SECRET, *tokens.values()):
            assert secret not in output, "a secret reached a process's log"
        assert "code=" not in output, "the one-time install code reached the access log"


def start_process(command: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["bash", "-c", "exec " + command],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stop_process(process: subprocess.Popen[str]) -> str:
    os.killpg(process.pid, signal.SIGTERM)
    output, _ = process.communicate(timeout=30)
    return output


def test_slack_redirect_uri_reaches_the_authorize_url(oauth_deps: Deps) -> None:
    chosen = "https://loop-coach.example.com/slack/oauth_redirect"
    settings = oauth_deps.settings.model_copy(update={"slack_redirect_uri": chosen})
    flow = create_app(replace(oauth_deps, settings=settings)).oauth_flow
    assert flow is not None
    url = flow.build_authorize_url("s1", BoltRequest(body="", query="", headers={}))
    assert parse_qs(urlparse(url).query)["redirect_uri"] == [chosen]
