"""seen request signatures: replayed Slack requests are refused

Revision ID: 0005
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db

revision: str = "0005"
down_revision: str | None = "0003"  # the chain, not the id, is the order
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "seen_signatures",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("signed_at", bot.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_seen_signatures")),
    )
    with op.batch_alter_table("seen_signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seen_signatures_signed_at"), ["signed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("seen_signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seen_signatures_signed_at"))
    op.drop_table("seen_signatures")
