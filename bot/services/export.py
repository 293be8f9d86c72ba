"""Everything Loop Coach holds about one candidate, read into plain values for `/prep export`.

Nothing here renders or talks to Slack: bot/blocks/export_markdown.py and export_csv.py turn the
values into files. Texts that came from Slack messages (answers, feedback) arrive with Slack's
three escapes (&amp; &lt; &gt;), as do questions and interviewer names typed after `/prep`; they
are unescaped here so the files hold what the person typed. (Modal and imported texts are raw.)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answer_check import check_answer, check_text
from bot.follow_up_check import check_follow_up, follow_up_check_text
from bot.models import Answer, Candidate, Feedback, FollowUp, Prompt, Question, Rating, Story
from bot.services.candidates import Who, find_candidate
from bot.services.interviews import InterviewRow, numbered
from bot.services.stories import PlannedInterview, loop_plan


@dataclass(frozen=True)
class GivenRating:
    reviewer: str
    score: int
    at: datetime


@dataclass(frozen=True)
class GivenFeedback:
    reviewer: str
    text: str
    at: datetime


@dataclass(frozen=True)
class FollowUpRecord:
    """The interviewer's follow-up on an answer and the reply to it (None while unanswered)."""

    question: str
    reply: str | None = None
    replied_at: datetime | None = None
    check: str = ""  # the brief check, as the thread shows it
    check_score: int | None = None


@dataclass(frozen=True)
class AnswerRecord:
    question: str
    principle: str | None
    focus: str | None
    text: str
    answered_at: datetime
    edited_at: datetime | None
    ratings: tuple[GivenRating, ...]
    feedback: tuple[GivenFeedback, ...]
    check: str  # the answer check, as the thread reply shows it
    check_score: int  # 1–5
    check_findings: tuple[str, ...]  # the check's fixed vocabulary (bot/answer_check/findings.py)
    follow_up: FollowUpRecord | None = None

    @property
    def topic(self) -> str:
        return self.principle or self.focus or "Practice"

    @property
    def average(self) -> float | None:
        return sum(r.score for r in self.ratings) / len(self.ratings) if self.ratings else None


@dataclass(frozen=True)
class StoryRecord:
    title: str
    principles: tuple[str, ...]
    situation: str
    task: str
    action: str
    result: str
    metrics: str
    notes: str
    updated_at: datetime


@dataclass(frozen=True)
class QuestionRecord:
    topic: str
    text: str
    added_at: datetime


@dataclass(frozen=True)
class CandidateExport:
    team_id: str
    user_id: str
    tz: str | None
    loop_date: date | None
    prompt_time: time
    paused: bool
    joined_at: datetime
    exported_at: datetime
    reviewers: tuple[str, ...]
    interviews: tuple[InterviewRow, ...]
    plan: tuple[PlannedInterview, ...]  # which story to tell which interviewer
    answers: tuple[AnswerRecord, ...]  # oldest first
    stories: tuple[StoryRecord, ...]
    questions: tuple[QuestionRecord, ...]
    # Reviewers' replies in a question's thread before any answer: (question, feedback)
    unattached: tuple[tuple[str, GivenFeedback], ...] = ()

    def people(self) -> set[str]:
        """Every Slack user the export names, for resolving to display names."""
        named = {self.user_id, *self.reviewers}
        for answer in self.answers:
            named |= {r.reviewer for r in answer.ratings} | {f.reviewer for f in answer.feedback}
        return named | {note.reviewer for _, note in self.unattached}


def export_of(session: Session, who: Who, *, now: datetime) -> CandidateExport | None:
    """None when Loop Coach holds nothing of this person (it never creates them here)."""
    candidate = find_candidate(session, who)
    if candidate is None:
        return None
    stories = list(
        session.scalars(
            select(Story).where(Story.candidate_id == candidate.id).order_by(Story.created_at, Story.id)
        )
    )
    planned, _ = loop_plan(candidate, stories) if candidate.interviews else ([], None)
    return CandidateExport(
        team_id=candidate.team_id,
        user_id=candidate.user_id,
        tz=candidate.tz,
        loop_date=candidate.loop_date,
        prompt_time=candidate.prompt_time,
        paused=candidate.paused,
        joined_at=candidate.created_at,
        exported_at=now,
        reviewers=tuple(reviewer.user_id for reviewer in candidate.reviewers),
        interviews=tuple(
            replace(row, interviewer=unescape_slack(row.interviewer)) for row in numbered(candidate)
        ),
        plan=tuple(_unescaped_plan(planned)),
        answers=_answers(session, candidate),
        stories=tuple(_story(story) for story in stories),
        questions=_questions(session, candidate),
        unattached=_unattached(session, candidate),
    )


def _answers(session: Session, candidate: Candidate) -> tuple[AnswerRecord, ...]:
    rows = session.execute(
        select(Answer, Prompt.question_text)
        .join(Prompt, Prompt.id == Answer.prompt_id)
        .where(Answer.candidate_id == candidate.id)
        .order_by(Answer.answered_at, Answer.id)
    ).all()
    ids = [answer.id for answer, _ in rows]
    ratings: dict[int, list[GivenRating]] = defaultdict(list)
    feedback: dict[int, list[GivenFeedback]] = defaultdict(list)
    follow_ups: dict[int, FollowUp] = {}
    if ids:
        follow_ups = {
            f.answer_id: f for f in session.scalars(select(FollowUp).where(FollowUp.answer_id.in_(ids)))
        }
        for rating in session.scalars(
            select(Rating).where(Rating.answer_id.in_(ids)).order_by(Rating.rated_at, Rating.id)
        ):
            ratings[rating.answer_id].append(
                GivenRating(rating.reviewer_user_id, rating.score, rating.rated_at)
            )
        for note in session.scalars(
            select(Feedback).where(Feedback.answer_id.in_(ids)).order_by(Feedback.created_at, Feedback.id)
        ):
            assert note.answer_id is not None
            feedback[note.answer_id].append(
                GivenFeedback(note.reviewer_user_id, unescape_slack(note.text), note.created_at)
            )
    records = []
    for answer, question in rows:
        # the same check the thread reply gave (handlers/messages.py)
        check = check_answer(answer.text, principle=answer.principle, question=question, focus=answer.focus)
        records.append(
            AnswerRecord(
                question=unescape_slack(question or ""),
                principle=answer.principle,
                focus=answer.focus,
                text=unescape_slack(answer.text),
                answered_at=answer.answered_at,
                edited_at=answer.edited_at,
                ratings=tuple(ratings[answer.id]),
                feedback=tuple(feedback[answer.id]),
                check=check_text(check),
                check_score=check.score,
                check_findings=tuple(str(finding) for finding in check.findings),
                follow_up=_follow_up(follow_ups.get(answer.id), answer, question),
            )
        )
    return tuple(records)


def _follow_up(found: FollowUp | None, answer: Answer, question: str | None) -> FollowUpRecord | None:
    if found is None:
        return None
    if found.reply_text is None:
        return FollowUpRecord(unescape_slack(found.question))
    check = check_follow_up(
        found.reply_text, aim=found.aim, principle=answer.principle, question=question, focus=answer.focus
    )
    return FollowUpRecord(
        unescape_slack(found.question),
        unescape_slack(found.reply_text),
        found.replied_at,
        follow_up_check_text(check),
        found.check_score,
    )


def _unattached(session: Session, candidate: Candidate) -> tuple[tuple[str, GivenFeedback], ...]:
    rows = session.execute(
        select(Feedback, Prompt.question_text)
        .join(Prompt, Prompt.id == Feedback.prompt_id)
        .where(Prompt.candidate_id == candidate.id, Feedback.answer_id.is_(None))
        .order_by(Feedback.created_at, Feedback.id)
    ).all()
    return tuple(
        (
            unescape_slack(question or ""),
            GivenFeedback(note.reviewer_user_id, unescape_slack(note.text), note.created_at),
        )
        for note, question in rows
    )


def _unescaped_plan(planned: list[PlannedInterview]) -> list[PlannedInterview]:
    """Interviewer names came through the slash command, which escapes like a message."""
    return [
        replace(
            interview,
            interviewer=unescape_slack(interview.interviewer),
            stories=tuple(
                replace(told, also_for=unescape_slack(told.also_for) if told.also_for else None)
                for told in interview.stories
            ),
        )
        for interview in planned
    ]


def _story(story: Story) -> StoryRecord:
    return StoryRecord(
        title=story.title,
        principles=tuple(story.principles),
        situation=story.situation,
        task=story.task,
        action=story.action,
        result=story.result,
        metrics=story.metrics,
        notes=story.notes,
        updated_at=story.updated_at,
    )


def _questions(session: Session, candidate: Candidate) -> tuple[QuestionRecord, ...]:
    own = session.scalars(
        select(Question)
        .where(Question.candidate_id == candidate.id)
        .order_by(Question.created_at, Question.id)
    )
    return tuple(
        QuestionRecord(q.principle or q.focus or "Any", unescape_slack(q.text), q.created_at) for q in own
    )


def unescape_slack(text: str) -> str:
    """Undo the escapes Slack puts in message text; &amp; last, so "&amp;lt;" stays "&lt;"."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
