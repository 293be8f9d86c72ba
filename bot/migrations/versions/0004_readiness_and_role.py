"""readiness and role: the answer check stored on answers, redo prompts, the candidate's role

Revision ID: 0004
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("check_score", sa.SmallInteger(), nullable=True))
        batch_op.add_column(sa.Column("check_findings", sa.JSON(), nullable=True))
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=80), nullable=True))
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redo_of", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_prompts_redo_of_prompts"), "prompts", ["redo_of"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_prompts_redo_of_prompts"), type_="foreignkey")
        batch_op.drop_column("redo_of")
    with op.batch_alter_table("candidates", schema=None) as batch_op:
        batch_op.drop_column("role")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_column("check_findings")
        batch_op.drop_column("check_score")
