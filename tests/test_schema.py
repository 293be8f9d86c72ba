"""Alembic's migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from bot.installations import store_metadata
from bot.models import Base


def not_procrastinate(name: str | None, type_: str, parent_names: object) -> bool:
    """procrastinate's tables come from its own schema file (migration 0006), not from our models."""
    return not (name or "").startswith("procrastinate")


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": not_procrastinate}
            ),
            [Base.metadata, store_metadata()],  # our models, and slack_sdk's OAuth stores (0010)
        )
    assert differences == []


def test_the_due_query_has_its_index(engine: Engine) -> None:
    indexes = {tuple(ix["column_names"]) for ix in inspect(engine).get_indexes("candidates")}
    assert ("next_prompt_at",) in indexes


def test_one_prompt_per_candidate_local_date_and_slot(engine: Engine) -> None:
    uniques = {tuple(u["column_names"]) for u in inspect(engine).get_unique_constraints("prompts")}
    assert ("candidate_id", "local_date", "slot") in uniques
