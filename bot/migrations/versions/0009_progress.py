"""progress: pause until a day, weekdays, the weekly digest's day, the latest progress chart

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paused_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("prompt_days", sa.SmallInteger(), server_default="127", nullable=False))
        batch_op.add_column(sa.Column("digest_day", sa.SmallInteger(), server_default="0", nullable=True))
        batch_op.add_column(sa.Column("chart_file_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("chart_made_at", bot.db.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        for column in ("chart_made_at", "chart_file_id", "digest_day", "prompt_days", "paused_until"):
            batch_op.drop_column(column)
