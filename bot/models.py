"""The tables. Every row hangs off a candidate, and a candidate is a (workspace, user) pair."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.db import UTCDateTime

# Stable constraint names, so Alembic migrations read the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it once, at class creation
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


def _owned_by_candidate() -> Mapped[int]:
    return mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"), index=True)


class Candidate(Base):
    __tablename__ = "candidates"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    loop_date: Mapped[date | None] = mapped_column(Date)
    prompt_time: Mapped[time] = mapped_column(Time, default=time(9, 0))
    # IANA zone from users.info; None until Slack has told us (then UTC is assumed).
    tz: Mapped[str | None] = mapped_column(String(64))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # The instant the next morning message is due; None when nothing is scheduled.
    next_prompt_at: Mapped[datetime | None] = mapped_column(index=True)
    # The prep conversation, cached with the member list it was opened for.
    prep_channel_id: Mapped[str | None] = mapped_column(String(32))
    prep_channel_members: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]

    interviews: Mapped[list[Interview]] = relationship(
        back_populates="candidate", order_by="Interview.position", cascade="all, delete-orphan"
    )
    reviewers: Mapped[list[Reviewer]] = relationship(
        back_populates="candidate", order_by="Reviewer.id", cascade="all, delete-orphan"
    )


class Interview(Base):
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    position: Mapped[int] = mapped_column(Integer)
    interviewer: Mapped[str] = mapped_column(String(200))
    principles: Mapped[list[str]]
    # Local wall-clock time of the interview; None means "on the loop date".
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime)
    focus: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]

    candidate: Mapped[Candidate] = relationship(back_populates="interviews")


class Reviewer(Base):
    __tablename__ = "reviewers"
    __table_args__ = (UniqueConstraint("candidate_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    user_id: Mapped[str] = mapped_column(String(32), index=True)
    added_at: Mapped[datetime]

    candidate: Mapped[Candidate] = relationship(back_populates="reviewers")


class Question(Base):
    """A candidate's own question (typed or imported); the shipped bank lives in code."""

    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("candidate_id", "text_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    principle: Mapped[str | None] = mapped_column(String(64))
    focus: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    # A digest of the normalised text: the same question never lands twice.
    text_key: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


class Prompt(Base):
    """One message the bot owes a candidate on a local date. The unique slot makes resending impossible."""

    __tablename__ = "prompts"
    __table_args__ = (
        UniqueConstraint("candidate_id", "local_date", "slot"),
        Index("ix_prompts_channel_ts", "channel_id", "message_ts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    local_date: Mapped[date] = mapped_column(Date)
    slot: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    interview_id: Mapped[int | None] = mapped_column(ForeignKey("interviews.id", ondelete="SET NULL"))
    principle: Mapped[str | None] = mapped_column(String(64))
    focus: Mapped[str | None] = mapped_column(String(64))
    question_key: Mapped[str | None] = mapped_column(String(64))
    question_text: Mapped[str | None] = mapped_column(Text)
    # What the message said, frozen when claimed, so a resend after a crash says the same.
    payload: Mapped[dict[str, Any] | None]
    status: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("channel_id", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    prompt_id: Mapped[int] = mapped_column(ForeignKey("prompts.id", ondelete="CASCADE"), index=True)
    channel_id: Mapped[str] = mapped_column(String(32))
    message_ts: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    principle: Mapped[str | None] = mapped_column(String(64))
    focus: Mapped[str | None] = mapped_column(String(64))
    question_key: Mapped[str | None] = mapped_column(String(64))
    answered_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]
    # The bot's answer-check reply, so an edit can update it in place.
    check_ts: Mapped[str | None] = mapped_column(String(32))

    ratings: Mapped[list[Rating]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Rating(Base):
    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("answer_id", "reviewer_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    reviewer_user_id: Mapped[str] = mapped_column(String(32))
    score: Mapped[int] = mapped_column(SmallInteger)
    rated_at: Mapped[datetime]


class Feedback(Base):
    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("channel_id", "message_ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    prompt_id: Mapped[int] = mapped_column(ForeignKey("prompts.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"), index=True)
    reviewer_user_id: Mapped[str] = mapped_column(String(32))
    channel_id: Mapped[str] = mapped_column(String(32))
    message_ts: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Story(Base):
    __tablename__ = "stories"
    __table_args__ = (UniqueConstraint("candidate_id", "import_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    title: Mapped[str] = mapped_column(String(150))
    principles: Mapped[list[str]]
    situation: Mapped[str] = mapped_column(Text, default="")
    task: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    metrics: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set for imported stories, so importing the same note again updates instead of duplicating.
    import_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class JobStep(Base):
    """What each job has done, so a job run again changes nothing twice (handlers/background.py).

    A job's n-th transaction commits with the row (key, n); step 0 marks the job finished. The key
    names the request it serves: a Slack event id, or the signature of a signed request.
    """

    __tablename__ = "job_steps"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(index=True)


class SlackPacing(Base):
    """A token bucket per (workspace, Slack method), shared by every process (schedules/pacing)."""

    __tablename__ = "slack_pacing"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    method: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float]
    stamp: Mapped[datetime]
