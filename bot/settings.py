"""Settings, read from the environment and `.env` (names as in the README's settings table).

There is no module-level instance: the composition root calls `load()` once and hands the
result on. A missing or malformed setting ends the process with one line and exit status 2.
"""

from __future__ import annotations

import sys
from typing import NoReturn, TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///loop_coach.db"
README_HINT = "see README.md, section Settings"


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
    """What the Slack-facing processes (web, Socket Mode, clock) need on top."""

    slack_bot_token: SecretStr
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
        return value if value and value.get_secret_value().strip() else None


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
    if problem["type"] == "missing":
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
