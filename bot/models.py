"""The tables. Every row hangs off a candidate, and a candidate is a (workspace, user) pair."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
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
    # A pause with an end: the first local date questions come again (None: until `/prep resume`).
    paused_until: Mapped[date | None] = mapped_column(Date)
    # The weekdays of the daily question, a bit each (Monday 1 … Sunday 64): see bot/weekdays.py.
    prompt_days: Mapped[int] = mapped_column(SmallInteger, default=127, server_default="127")
    # The weekday of the weekly digest (Monday 0 … Sunday 6); None when they turned it off.
    digest_day: Mapped[int | None] = mapped_column(SmallInteger, default=0, server_default="0")
    # The instant the next morning message is due; None when nothing is scheduled.
    next_prompt_at: Mapped[datetime | None] = mapped_column(index=True)
    # The prep conversation, cached with the member list it was opened for.
    prep_channel_id: Mapped[str | None] = mapped_column(String(32))
    prep_channel_members: Mapped[str | None] = mapped_column(Text)
    # The role and level they interview for, as typed ("SDM L6"): picks manager or IC questions.
    role: Mapped[str | None] = mapped_column(String(80))
    # The latest `/prep progress` chart, uploaded to their DM: App Home shows it above the dashboard.
    chart_file_id: Mapped[str | None] = mapped_column(String(32))
    chart_made_at: Mapped[datetime | None]
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
    # What the candidate wrote under the question in their note: the story to tell, a reminder.
    hint: Mapped[str | None] = mapped_column(Text)
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
    # A second try: the prompt whose weak answer this one asks again, with the same question.
    redo_of: Mapped[int | None] = mapped_column(ForeignKey("prompts.id", ondelete="SET NULL"))
    # What the message said, frozen when claimed, so a resend after a crash says the same.
    payload: Mapped[dict[str, Any] | None]
    # A message owed at a set instant (a reminder before an interview, a debrief after it); None:
    # due as soon as it is planned. Delivery takes only rows that are due (schedules/delivery.py).
    due_at: Mapped[datetime | None]
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
    # The answer check's verdict on the text, kept so readiness never re-runs the check.
    check_score: Mapped[int | None] = mapped_column(SmallInteger)  # 1-5
    check_findings: Mapped[list[str] | None]  # finding codes, like "no_result"
    # "Save as story" is offered once per answer (on the check reply, or when a good rating comes);
    # the story saved from it, so pressing the button again edits that story instead of a copy.
    story_offered_at: Mapped[datetime | None]
    story_offer_ts: Mapped[str | None] = mapped_column(String(32))  # the message with the button
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"))

    ratings: Mapped[list[Rating]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    follow_up: Mapped[FollowUp | None] = relationship(
        back_populates="answer", cascade="all, delete-orphan", passive_deletes=True
    )


class FollowUp(Base):
    """The interviewer's one follow-up question on an answer, and the candidate's reply to it.

    The reply is part of the answer, not an answer of its own: it has a brief check of its own and
    lifts the principle's readiness a little when it answers what was asked (bot/readiness.py)."""

    __tablename__ = "follow_ups"
    __table_args__ = (UniqueConstraint("answer_id"), UniqueConstraint("channel_id", "reply_ts"))

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = _owned_by_candidate()
    channel_id: Mapped[str] = mapped_column(String(32))
    aim: Mapped[str] = mapped_column(String(32))  # the finding it probes, or a probe (bot/follow_up.py)
    question: Mapped[str] = mapped_column(Text)
    asked_ts: Mapped[str | None] = mapped_column(String(32))  # the bot's message; None until posted
    asked_at: Mapped[datetime]
    reply_ts: Mapped[str | None] = mapped_column(String(32))
    reply_text: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None]
    edited_at: Mapped[datetime | None]
    check_ts: Mapped[str | None] = mapped_column(String(32))  # the bot's brief check of the reply
    check_score: Mapped[int | None] = mapped_column(SmallInteger)  # 1-5
    answered_it: Mapped[bool | None] = mapped_column(Boolean)  # the reply gives what was asked for

    answer: Mapped[Answer] = relationship(back_populates="follow_up")


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
    learning: Mapped[str] = mapped_column(Text, default="")
    metrics: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Set for imported stories, so importing the same note again updates instead of duplicating.
    import_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class NoteKind(StrEnum):
    """What a section of the candidate's note holds for the loop day. The importer may store other
    kinds; the loop-day kit shows every note it finds, these first."""

    WHY_COMPANY = "why_company"  # "Why Amazon?", "Why this company?"
    QUESTIONS_TO_ASK = "questions_to_ask"  # questions for the interviewers


class CandidateNote(Base):
    """A section of the candidate's prep note kept for the loop day, by kind."""

    __tablename__ = "candidate_notes"
    __table_args__ = (UniqueConstraint("candidate_id", "kind", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    kind: Mapped[str] = mapped_column(String(32))  # a NoteKind value, or a kind the importer added
    title: Mapped[str] = mapped_column(String(150))  # the heading, as written ("Why Amazon?")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Debrief(Base):
    """What the candidate said after one interview: how it went (1-5) and the questions asked."""

    __tablename__ = "debriefs"
    __table_args__ = (UniqueConstraint("prompt_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = _owned_by_candidate()
    prompt_id: Mapped[int] = mapped_column(ForeignKey("prompts.id", ondelete="CASCADE"))
    interview_id: Mapped[int | None] = mapped_column(ForeignKey("interviews.id", ondelete="SET NULL"))
    interviewer: Mapped[str] = mapped_column(String(200))
    how_it_went: Mapped[int | None] = mapped_column(SmallInteger)  # 1-5
    questions: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]


class ImportState(StrEnum):
    PENDING = "pending"
    IMPORTED = "imported"
    CANCELLED = "cancelled"


class PendingImport(Base):
    """A note read and shown to its candidate in Slack, waiting for the Import or Cancel button.

    The note is kept as read (its JSON form), so Import applies exactly what the preview showed,
    and the state moves from pending once: a second click finds nothing to do."""

    __tablename__ = "pending_imports"
    __table_args__ = (Index("ix_pending_imports_team_id_user_id", "team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    file_name: Mapped[str] = mapped_column(String(200))
    note: Mapped[dict[str, Any]]
    state: Mapped[str] = mapped_column(String(12))
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]


class SeenSignature(Base):
    """Signatures of Slack requests already handled, kept while their timestamp is still accepted.

    Shared by every web process, so a request replayed to another worker is caught too.
    """

    __tablename__ = "seen_signatures"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    signed_at: Mapped[datetime] = mapped_column(index=True)


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
