"""Alembic environment: runs against the URL the caller configured (see bot/migrate.py)."""

from __future__ import annotations

from alembic import context

from bot.db import create_db_engine
from bot.installations import store_metadata
from bot.models import Base

config = context.config


def run_migrations() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from bot.settings import DatabaseSettings, load

        url = load(DatabaseSettings).database_url
    engine = create_db_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            # slack_sdk's OAuth stores define their own tables (migration 0010): compare them too.
            target_metadata=[Base.metadata, store_metadata()],
            # SQLite cannot ALTER most things in place; batch mode rebuilds the table instead.
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
