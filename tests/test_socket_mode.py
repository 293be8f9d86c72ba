"""`python -m bot` with SLACK_APP_TOKEN connects over Socket Mode: no public URL needed."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from bot.migrate import upgrade_to_head
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.support.fake_slack import FakeSlack
from tests.support.fake_socket_mode import FakeSocketMode
from tests.support.payloads import slash_command
from tests.test_processes import clean_env

pytestmark = pytest.mark.processes


def test_the_bot_answers_a_command_over_socket_mode(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'socket.db'}"
    upgrade_to_head(url)
    fake, socket = FakeSlack(token=BOT_TOKEN).start(), FakeSocketMode()
    fake.socket_url = socket.url
    env = clean_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_APP_TOKEN=fake.app_token,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=url,
    )
    bot = subprocess.Popen(
        ["python", "-m", "bot"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        socket.wait_connected()
        assert fake.calls_to("apps.connections.open"), "the connection URL came from the Web API"
        envelope = socket.send(
            "slash_commands",
            slash_command("help", user="U0SOCKET01", response_url=fake.response_url("socket")),
        )
        socket.wait_ack(envelope)
        fake.wait_for(lambda f: bool(f.responses()), timeout=20)
        assert "/prep loop YYYY-MM-DD" in fake.responses()[0].params["text"]
        assert not fake.calls_to("auth.test") or all(
            c.headers["authorization"] == f"Bearer {BOT_TOKEN}" for c in fake.calls_to("auth.test")
        )
    finally:
        os.killpg(bot.pid, signal.SIGTERM)
        output = bot.communicate(timeout=30)[0]
        socket.stop()
        fake.stop()
    assert fake.app_token not in output and BOT_TOKEN not in output, "no token reaches the log"
    assert bot.returncode == 0 and output.count("bot stopped") == 1, output
    assert "Traceback" not in output, output
