"""Settings, read from the environment and `.env` (names as in the README's settings table).

There is no module-level instance: the composition root calls `load()` once and hands the
result on. A missing or malformed setting ends the process with one line and exit status 2.
"""

from __future__ import annotations

import re
import sys
from typing import NoReturn, TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///loop_coach.db"
README_HINT = "see README.md, section Settings"
# The bot scopes of manifest.yml (tests/test_oauth_install.py keeps the two lists equal): what the
# install asks for unless SLACK_SCOPES says otherwise.
MANIFEST_SCOPES = (
    "commands", "chat:write", "im:history", "im:read", "im:write", "mpim:history", "mpim:read",
    "mpim:write", "reactions:read", "reactions:write", "users:read", "files:read", "files:write",
)  # fmt: skip
CLIENT_ID = re.compile(r"^\d+\.\d+$")  # Slack's client ids: digits, a dot, digits


class DatabaseSettings(BaseSettings):
    """What every process needs: where the data lives and how loudly to log."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def _normalise_database_url(cls, value: str) -> str:
        return normalise_database_url(value)

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("use one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level


class Settings(DatabaseSettings):
    """What the Slack-facing processes (web, Socket Mode, clock, worker) need on top.

    With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET the app installs into any workspace with OAuth
    and finds each workspace's token in its installation store (bot/workspaces.py); otherwise it
    serves the one workspace of SLACK_BOT_TOKEN.
    """

    slack_bot_token: SecretStr | None = None
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str | None = None  # comma-separated, as Bolt reads it; unset: the manifest's
    slack_redirect_uri: str | None = None  # which of the app's redirect URLs Slack returns to
    slack_signing_secret: SecretStr
    slack_app_token: SecretStr | None = None
    slack_api_url: str | None = None
    port: int = Field(default=3000, ge=1, le=65535)

    @field_validator("slack_api_url")
    @classmethod
    def _api_url_ends_with_slash(cls, value: str | None) -> str | None:
        # WebClient joins base_url and the method name by plain concatenation.
        if not value:
            return None
        return value if value.endswith("/") else value + "/"

    @field_validator("slack_app_token")
    @classmethod
    def _blank_app_token_is_none(cls, value: SecretStr | None) -> SecretStr | None:
        if not (value and value.get_secret_value().strip()):
            return None
        return real_secret(value, prefix="xapp-", what="an app-level token")

    @field_validator("slack_bot_token")
    @classmethod
    def _real_bot_token(cls, value: SecretStr | None) -> SecretStr | None:
        return None if value is None else real_secret(value, prefix="xoxb-", what="a bot token")

    @field_validator("slack_signing_secret")
    @classmethod
    def _real_signing_secret(cls, value: SecretStr | None) -> SecretStr | None:
        return None if value is None else real_secret(value, prefix="", what="the signing secret")

    @field_validator("slack_client_id", mode="before")
    @classmethod
    def _real_client_id(cls, value: object) -> str | None:
        text = str(value or "").strip()
        if not text:
            return None
        if not CLIENT_ID.match(text):
            raise ValueError("a client id is digits, a dot and digits; paste it from your Slack app's Basic Information")
        return text

    @field_validator("slack_client_secret")
    @classmethod
    def _real_client_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if not (value and value.get_secret_value().strip()):
            return None
        return real_secret(value, prefix="", what="the client secret")

    @model_validator(mode="after")
    def _one_way_to_reach_slack(self) -> Settings:
        """Both OAuth settings, or neither (then the one bot token)."""
        if self.slack_client_id and not self.slack_client_secret:
            raise missing("SLACK_CLIENT_SECRET")
        if self.slack_client_secret and not self.slack_client_id:
            raise missing("SLACK_CLIENT_ID")
        if not self.multi_workspace and self.slack_bot_token is None:
            raise missing("SLACK_BOT_TOKEN")
        if self.multi_workspace and self.slack_app_token is not None:
            raise PydanticCustomError(
                "conflicting_settings",
                "SLACK_APP_TOKEN (Socket Mode) serves the one workspace of SLACK_BOT_TOKEN; installing in many "
                "workspaces needs the web process: unset SLACK_APP_TOKEN or SLACK_CLIENT_ID/SLACK_CLIENT_SECRET",
            )
        return self

    @property
    def multi_workspace(self) -> bool:
        """True when the app installs with OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def scopes(self) -> tuple[str, ...]:
        """The bot scopes an install asks for."""
        listed = tuple(scope.strip() for scope in (self.slack_scopes or "").split(",") if scope.strip())
        return listed or MANIFEST_SCOPES

    def secrets(self) -> list[str]:
        """Every secret set, for the log filter (bot/logs.py) to keep out of every line."""
        values = [self.slack_signing_secret, self.slack_bot_token, self.slack_app_token, self.slack_client_secret]
        return [value.get_secret_value() for value in values if value is not None]


def missing(name: str) -> PydanticCustomError:
    return PydanticCustomError("missing_setting", "{name} is missing", {"name": name})


# What .env templates and tutorials put where a secret goes. Compared with letters and digits only,
# lowercased, and with a token's prefix removed: "xoxb-your-token" and "<YOUR_TOKEN>" both match.
PLACEHOLDERS = frozenset(
    {
        "changeme", "changemeplease", "replaceme", "placeholder", "secret", "signingsecret",
        "slacksigningsecret", "yoursigningsecret", "mysigningsecret", "yoursecret", "mysecret",
        "token", "bottoken", "slackbottoken", "yourtoken", "yourbottoken", "mytoken", "yourslackbottoken",
        "apptoken", "yourapptoken", "slackapptoken", "todo", "tbd", "fixme", "none", "null", "example",
        "test", "dummy", "fake", "password", "default", "xoxb", "xapp", "redacted",
    }
)  # fmt: skip
TEMPLATE_MARKS = re.compile(r"[<>{}]|\.\.\.|…|\$\{")


def real_secret(value: SecretStr, *, prefix: str, what: str) -> SecretStr:
    """Refuse what is plainly not a secret: empty, a template's placeholder, or the wrong kind of token.

    The web process would otherwise start, say it is healthy, and fail every Slack request.
    """
    secret = value.get_secret_value().strip()
    if not secret:
        raise ValueError(f"it is empty; paste {what} from your Slack app's settings")
    if prefix and not secret.startswith(prefix):
        raise ValueError(f"{what} starts with {prefix}; check you pasted the right one")
    core = re.sub(r"[^a-z0-9]", "", secret.removeprefix(prefix).lower())
    templated = core.startswith(("your", "insert", "paste", "enter", "put")) or core.endswith("here")
    if core in PLACEHOLDERS or templated or TEMPLATE_MARKS.search(secret) or len(set(core)) <= 1:
        raise ValueError(
            f"it is a placeholder, not {what}; paste the real one from your Slack app's settings"
        )
    return SecretStr(secret)


def normalise_database_url(url: str) -> str:
    """Accept Heroku-style `postgres://` URLs and pick psycopg 3 as the PostgreSQL driver."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


S = TypeVar("S", bound=DatabaseSettings)


def load(kind: type[S] = Settings) -> S:  # type: ignore[assignment]
    """Build the settings, or stop the process with one line naming what is wrong."""
    try:
        return kind()
    except ValidationError as error:
        exit_with(describe(error))


def describe(error: ValidationError) -> str:
    problem = error.errors()[0]
    name = str(problem["loc"][0]).upper() if problem["loc"] else "settings"
    if problem["type"] == "missing_setting":
        name = str((problem.get("ctx") or {}).get("name"))
    if problem["type"] == "conflicting_settings":
        return f"loop-coach: {problem['msg']} ({README_HINT})."
    if problem["type"] in ("missing", "missing_setting"):
        return f"loop-coach: missing setting {name}: set it in the environment or .env ({README_HINT})."
    reason = problem["msg"].removeprefix("Value error, ")
    return f"loop-coach: setting {name} is not valid: {reason} ({README_HINT})."


def exit_with(line: str) -> NoReturn:
    """A setting is missing or wrong: exit status 2, as for a bad command line."""
    fail_with(line, status=2)


def fail_with(line: str, *, status: int = 1) -> NoReturn:
    """Stop the process with one line on stderr and no traceback."""
    print(line, file=sys.stderr)
    raise SystemExit(status)
