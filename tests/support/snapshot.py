"""Every row of every table, to prove that refused input changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from bot.models import Base

IGNORED = {"seen_signatures", "job_steps", "slack_pacing"}  # receipts, job steps and pacing: not the candidate's data


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
            if table.name not in IGNORED
        }
