"""import preview: question hints, story learnings, notes pending the Import button

Revision ID: 0003
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db

revision: str = "0003"
down_revision: str | None = "0004"  # the chain, not the id, is the order
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("questions") as batch_op:
        batch_op.add_column(sa.Column("hint", sa.Text(), nullable=True))
    with op.batch_alter_table("stories") as batch_op:
        batch_op.add_column(sa.Column("learning", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "pending_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("channel_id", sa.String(length=32), nullable=True),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("created_at", bot.db.UTCDateTime(), nullable=False),
        sa.Column("decided_at", bot.db.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_imports")),
    )
    op.create_index("ix_pending_imports_team_id_user_id", "pending_imports", ["team_id", "user_id"])


def downgrade() -> None:
    op.drop_index("ix_pending_imports_team_id_user_id", table_name="pending_imports")
    op.drop_table("pending_imports")
    with op.batch_alter_table("stories") as batch_op:
        batch_op.drop_column("learning")
    with op.batch_alter_table("questions") as batch_op:
        batch_op.drop_column("hint")
