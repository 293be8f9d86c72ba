"""The web process as Slack and a load balancer meet it."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from bot.catalogue import all_commands
from bot.settings import Settings
from tests.conftest import Harness
from tests.support.app_server import http_request
from tests.support.payloads import slash_command


def test_healthz_is_200_when_the_database_answers(app: Harness) -> None:
    result = http_request(app.port, "GET", "/healthz")
    assert result.status == 200
    assert result.json()["ok"] is True and result.json()["database"] == "up"


def test_unsigned_request_is_refused_and_nothing_runs(app: Harness) -> None:
    fields = slash_command("help", user="U1", response_url=app.fake.response_url())
    result = app.driver.post(urlencode(fields), "application/x-www-form-urlencoded", sign=False)
    assert result.status == 401
    assert app.fake.responses() == []


def test_request_signed_an_hour_ago_is_refused(app: Harness) -> None:
    result = app.command("help", timestamp=int(time.time()) - 3600)
    assert result.status == 401
    assert app.fake.responses() == []


def test_request_signed_with_another_secret_is_refused(app: Harness) -> None:
    app.driver.secret = "not-the-secret"
    result = app.command("help")
    assert result.status == 401
    assert app.fake.responses() == []


def test_signed_help_lists_every_command(app: Harness) -> None:
    result = app.command("help")
    assert result.status == 200
    reply = app.fake.responses()[-1]
    assert reply.params["response_type"] == "ephemeral"
    shown = reply.params["text"] + str(reply.params["blocks"])
    for command in all_commands():
        assert f"/prep {command.usage}" in shown


def test_empty_prep_is_help(app: Harness) -> None:
    app.command("")
    assert "/prep loop YYYY-MM-DD" in app.fake.last_response_text()


def test_unknown_path_is_404(app: Harness) -> None:
    assert http_request(app.port, "GET", "/nothing").status == 404


def test_healthz_is_503_when_the_database_is_gone(app: Harness, tmp_path) -> None:
    from dataclasses import replace

    from bot.db import create_db_engine
    from bot.web import create_web_app
    from tests.support.app_server import AppServer

    broken = create_db_engine(f"sqlite:///{tmp_path}/missing-dir/db.sqlite")
    server = AppServer(create_web_app(replace(app.deps, engine=broken))).start()
    try:
        result = http_request(server.port, "GET", "/healthz")
    finally:
        server.stop()
    assert result.status == 503
    assert result.json()["database"] == "down"


def test_settings_hide_secrets_in_repr() -> None:
    settings = Settings(_env_file=None, slack_bot_token="xoxb-very-secret", slack_signing_secret="shh-secret")
    assert "xoxb-very-secret" not in repr(settings)
    assert "shh-secret" not in str(settings.model_dump())
