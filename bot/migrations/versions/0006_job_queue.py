"""the durable job queue: procrastinate's schema (PostgreSQL), job steps, shared Slack pacing

Revision ID: 0006
Revises: 0009

procrastinate's own tables and functions come from the schema file of the installed version
(pinned in pyproject.toml): a newer procrastinate brings its own migrations, applied by a new
revision here. SQLite runs jobs in-process and has no queue tables.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db

revision: str = "0006"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROCRASTINATE_TABLES = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
)


def upgrade() -> None:
    op.create_table(
        "job_steps",
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("step", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", bot.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", "step", name=op.f("pk_job_steps")),
    )
    with op.batch_alter_table("job_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_steps_at"), ["at"], unique=False)
    op.create_table(
        "slack_pacing",
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=64), nullable=False),
        sa.Column("tokens", sa.Double(), nullable=False),
        sa.Column("stamp", bot.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "method", name=op.f("pk_slack_pacing")),
    )
    # Job steps replace the event receipts: an event's key is its event id.
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_events_received_at"))
    op.drop_table("processed_events")
    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        # exec_driver_sql still reads % as a placeholder marker: escape the schema file's own.
        op.get_bind().exec_driver_sql(SchemaManager.get_schema().replace("%", "%%"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in PROCRASTINATE_TABLES:
            bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
        functions = bind.exec_driver_sql(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            " WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%'"
        ).scalars()
        for signature in list(functions):
            bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {signature} CASCADE")
        for kind in (
            "procrastinate_job_to_defer_v1",
            "procrastinate_job_status",
            "procrastinate_job_event_type",
        ):
            bind.exec_driver_sql(f"DROP TYPE IF EXISTS {kind} CASCADE")
    op.create_table(
        "processed_events",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("received_at", bot.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_processed_events")),
    )
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_processed_events_received_at"), ["received_at"], unique=False)
    op.drop_table("slack_pacing")
    with op.batch_alter_table("job_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_steps_at"))
    op.drop_table("job_steps")
