"""coaching kit: follow-ups, "Save as story", loop-day notes, debriefs, prompts due at a set time

Revision ID: 0008
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.db

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner() -> sa.Column[int]:
    return sa.Column("candidate_id", sa.Integer(), nullable=False)


def _owner_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["candidate_id"],
        ["candidates.id"],
        name=op.f(f"fk_{table}_candidate_id_candidates"),
        ondelete="CASCADE",
    )


def _owner_index(table: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{table}_candidate_id"), ["candidate_id"], unique=False)


def upgrade() -> None:
    op.create_table(
        "candidate_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        _owner(),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", bot.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", bot.db.UTCDateTime(), nullable=False),
        _owner_key("candidate_notes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_notes")),
        sa.UniqueConstraint(
            "candidate_id", "kind", "title", name=op.f("uq_candidate_notes_candidate_id_kind_title")
        ),
    )
    _owner_index("candidate_notes")

    op.create_table(
        "debriefs",
        sa.Column("id", sa.Integer(), nullable=False),
        _owner(),
        sa.Column("prompt_id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=True),
        sa.Column("interviewer", sa.String(length=200), nullable=False),
        sa.Column("how_it_went", sa.SmallInteger(), nullable=True),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("updated_at", bot.db.UTCDateTime(), nullable=False),
        _owner_key("debriefs"),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_debriefs_interview_id_interviews"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["prompt_id"], ["prompts.id"], name=op.f("fk_debriefs_prompt_id_prompts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_debriefs")),
        sa.UniqueConstraint("prompt_id", name=op.f("uq_debriefs_prompt_id")),
    )
    _owner_index("debriefs")

    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        _owner(),
        sa.Column("channel_id", sa.String(length=32), nullable=False),
        sa.Column("aim", sa.String(length=32), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("asked_ts", sa.String(length=32), nullable=True),
        sa.Column("asked_at", bot.db.UTCDateTime(), nullable=False),
        sa.Column("reply_ts", sa.String(length=32), nullable=True),
        sa.Column("reply_text", sa.Text(), nullable=True),
        sa.Column("replied_at", bot.db.UTCDateTime(), nullable=True),
        sa.Column("edited_at", bot.db.UTCDateTime(), nullable=True),
        sa.Column("check_ts", sa.String(length=32), nullable=True),
        sa.Column("check_score", sa.SmallInteger(), nullable=True),
        sa.Column("answered_it", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answer_id"], ["answers.id"], name=op.f("fk_follow_ups_answer_id_answers"), ondelete="CASCADE"
        ),
        _owner_key("follow_ups"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
        sa.UniqueConstraint("answer_id", name=op.f("uq_follow_ups_answer_id")),
        sa.UniqueConstraint("channel_id", "reply_ts", name=op.f("uq_follow_ups_channel_id_reply_ts")),
    )
    _owner_index("follow_ups")

    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("story_offered_at", bot.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("story_offer_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_answers_story_id_stories"), "stories", ["story_id"], ["id"], ondelete="SET NULL"
        )
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_at", bot.db.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("prompts", schema=None) as batch_op:
        batch_op.drop_column("due_at")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_answers_story_id_stories"), type_="foreignkey")
        batch_op.drop_column("story_id")
        batch_op.drop_column("story_offer_ts")
        batch_op.drop_column("story_offered_at")
    for table in ("follow_ups", "debriefs", "candidate_notes"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_candidate_id"))
        op.drop_table(table)
