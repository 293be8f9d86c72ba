"""An empty or placeholder secret stops every process with one line, exit 2 (issue 14).

Before, an empty SLACK_SIGNING_SECRET started the web process, /healthz said 200, and every Slack
request then failed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.migrate import upgrade_to_head
from bot.settings import Settings, describe
from tests.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.test_processes import clean_env, procfile, run

PLACEHOLDER_SECRETS = ["", "   ", "changeme", "CHANGE_ME", "<your-signing-secret>", "your_signing_secret_here",
                       "xxxxxxxxxxxxxxxx", "${SLACK_SIGNING_SECRET}", "secret", "TODO"]  # fmt: skip
PLACEHOLDER_TOKENS = ["", "xoxb-your-token", "xoxb-...", "xoxb-…", "xoxb-", "xoxb-changeme",
                      "xoxb-<your-bot-token>", "changeme", "xoxp-1234-5678-abcd"]  # fmt: skip


def settings(**values: str) -> Settings:
    return Settings(
        _env_file=None, **{"slack_bot_token": BOT_TOKEN, "slack_signing_secret": SIGNING_SECRET, **values}
    )  # type: ignore[arg-type]


@pytest.mark.parametrize("secret", PLACEHOLDER_SECRETS)
def test_a_placeholder_signing_secret_is_refused_in_one_line(secret: str) -> None:
    with pytest.raises(ValidationError) as refused:
        settings(slack_signing_secret=secret)
    line = describe(refused.value)
    assert line.startswith("loop-coach: setting SLACK_SIGNING_SECRET is not valid") and "\n" not in line


@pytest.mark.parametrize("token", PLACEHOLDER_TOKENS)
def test_a_placeholder_bot_token_is_refused_in_one_line(token: str) -> None:
    with pytest.raises(ValidationError) as refused:
        settings(slack_bot_token=token)
    assert "SLACK_BOT_TOKEN" in describe(refused.value)


@pytest.mark.parametrize("token", ["xapp-your-token", "xoxb-1-2-abcdef", "changeme"])
def test_a_placeholder_app_token_is_refused(token: str) -> None:
    with pytest.raises(ValidationError) as refused:
        settings(slack_app_token=token)
    assert "SLACK_APP_TOKEN" in describe(refused.value)


def test_real_looking_secrets_pass_and_are_trimmed() -> None:
    loaded = settings(
        slack_bot_token=" xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp\n",
        slack_signing_secret="8f14e45fceea167a5a36dedd4bea2543\n",
        slack_app_token="",
    )
    assert loaded.slack_bot_token.get_secret_value() == "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp"
    assert loaded.slack_signing_secret.get_secret_value() == "8f14e45fceea167a5a36dedd4bea2543"
    assert loaded.slack_app_token is None


@pytest.mark.parametrize("secret", ["", "changeme"])
def test_the_bot_and_the_web_process_refuse_to_start(tmp_path: Path, secret: str) -> None:
    url = f"sqlite:///{tmp_path / 'ready.db'}"
    upgrade_to_head(url)  # everything else is ready: only the secret is wrong
    env = clean_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=secret, PORT="0", DATABASE_URL=url)
    for command in (["python", "-m", "bot"], ["bash", "-c", procfile()["web"]]):
        result = run(command, env, tmp_path, timeout=30)
        assert result.returncode != 0
        assert "setting SLACK_SIGNING_SECRET is not valid" in result.stderr
        assert "Traceback" not in result.stderr
        if command[0] == "python":
            assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
