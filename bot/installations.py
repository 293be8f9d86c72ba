"""Where OAuth installs keep their tokens: slack_sdk's SQLAlchemy installation and state stores,
on our own database. Their tables come from migration 0010, never from `create_tables()`, so the
schema is Alembic's on SQLite and PostgreSQL alike (tests/test_schema.py compares the two).
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store import Bot
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, MetaData, desc

INSTALLATIONS_TABLE = "slack_installations"
BOTS_TABLE = "slack_bots"
STATES_TABLE = "slack_oauth_states"
STATE_EXPIRATION_SECONDS = 600  # an install started more than ten minutes ago starts again


def store_metadata() -> MetaData:
    """The three tables as the stores define them (what migration 0010 must build)."""
    metadata = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, INSTALLATIONS_TABLE)
    SQLAlchemyInstallationStore.build_bots_table(metadata, BOTS_TABLE)
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, STATES_TABLE)
    return metadata


def installation_store(engine: Engine, client_id: str) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(
        client_id=client_id,
        engine=engine,
        bots_table_name=BOTS_TABLE,
        installations_table_name=INSTALLATIONS_TABLE,
    )


def state_store(engine: Engine) -> SQLAlchemyOAuthStateStore:
    """OAuth `state` values: issued by the install page, consumed (deleted) by the redirect."""
    return SQLAlchemyOAuthStateStore(
        expiration_seconds=STATE_EXPIRATION_SECONDS, engine=engine, table_name=STATES_TABLE
    )


def find_team_bot(store: SQLAlchemyInstallationStore, team_id: str) -> Bot | None:
    """The latest bot installed in a workspace, by its team id alone.

    Jobs and the clock know a workspace by the team id on its rows; `find_bot` also wants the
    Enterprise Grid id the install was saved with, which those rows do not carry.
    """
    bots = store.bots.c
    query = (
        store.bots.select()
        .where(bots.client_id == store.client_id, bots.team_id == team_id, bots.bot_token.is_not(None))
        .order_by(desc(bots.installed_at))
        .limit(1)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    return None if row is None else store.build_bot_entity(row)


def forget_team(store: SQLAlchemyInstallationStore, team_id: str) -> None:
    """Delete every installation and bot row of a workspace (by team id alone, as found above)."""
    with store.engine.begin() as connection:
        for table in (store.bots, store.installations):
            connection.execute(
                table.delete().where(table.c.client_id == store.client_id, table.c.team_id == team_id)
            )
