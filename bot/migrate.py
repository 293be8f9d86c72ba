"""`python -m bot migrate`: Alembic to head, with the migrations shipped inside the package; and the
check every other command makes first, so an unmigrated database gets a sentence, not a traceback."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import make_url

from bot.db import create_db_engine
from bot.logs import quiet
from bot.settings import fail_with

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATE_FIRST = "run `python -m bot migrate` first"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser treats % as interpolation; URLs may carry percent-encoded passwords.
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade_to_head(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")


def new_revision(database_url: str, message: str) -> None:
    """For developers: autogenerate a migration from the models (`python -m bot revision MSG`)."""
    command.revision(alembic_config(database_url), message=message, autogenerate=True)


def schema_problem(database_url: str) -> str | None:
    """Why the database is not ready for the bot (not there, behind, unreachable), or None if it is."""
    url = make_url(database_url)
    shown = url.render_as_string(hide_password=True)
    on_disk = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
    if on_disk and not Path(str(url.database)).exists():  # connecting would create an empty file
        return f"there is no database at {shown} yet: {MIGRATE_FIRST}"
    head = ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    engine = create_db_engine(database_url)
    try:
        # Alembic announces its dialect at INFO whenever it looks: a check is not worth a line.
        with engine.connect() as connection, quiet(logging.getLogger("alembic.runtime.migration")):
            current = MigrationContext.configure(connection).get_current_revision()
    except Exception as error:  # any failure to connect is the one line below
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        return f"cannot reach the database at {shown}: {reason}"
    finally:
        engine.dispose()
    if current is None:
        return f"the database at {shown} has no tables yet: {MIGRATE_FIRST}"
    if current != head:
        return f"the database at {shown} is at migration {current}, not the latest ({head}): {MIGRATE_FIRST}"
    return None


def require_current_schema(database_url: str) -> None:
    """Stop the process with one line (exit 1) unless the database is migrated and reachable."""
    problem = schema_problem(database_url)
    if problem:
        fail_with(f"loop-coach: {problem}.")
