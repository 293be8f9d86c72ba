"""Everything the daily choice and the dashboards read about candidates, loaded for many at once.

A tick plans hundreds of mornings per transaction; loading their facts in six queries per batch,
rather than a dozen per candidate, is what lets one clock keep pace with Slack's posting limits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot.models import Answer, Candidate, FollowUp, Prompt, Question, Rating, Story
from bot.readiness import Evidence, Readiness, readiness


@dataclass(frozen=True)
class PastPrompt:
    id: int
    local_date: date
    slot: str
    kind: str
    status: str
    interview_id: int | None
    question_key: str | None
    created_at: datetime
    principle: str | None = None
    focus: str | None = None
    question_text: str | None = None
    redo_of: int | None = None

    @property
    def topic(self) -> str | None:
        return self.principle or self.focus


@dataclass(frozen=True)
class AnswerFact:
    """One answer, with its peers' ratings and the answer check's stored verdict."""

    id: int
    prompt_id: int
    principle: str | None
    focus: str | None
    answered_at: datetime
    ratings: tuple[int, ...] = ()
    check_score: int | None = None
    findings: tuple[str, ...] = ()
    follow_up: FollowUpFact | None = None

    @property
    def topic(self) -> str:
        return self.principle or self.focus or ""

    @property
    def rating(self) -> float | None:
        return sum(self.ratings) / len(self.ratings) if self.ratings else None

    @property
    def evidence(self) -> Evidence:
        replied = self.follow_up.score if self.follow_up else None
        return Evidence(self.answered_at, self.rating, self.check_score, self.findings, replied)


@dataclass(frozen=True)
class FollowUpFact:
    """The interviewer's follow-up on an answer, and the brief check of the reply (None: no reply yet)."""

    question: str
    score: int | None = None


@dataclass(frozen=True)
class OwnQuestion:
    id: int
    principle: str | None
    focus: str | None
    text: str


@dataclass(frozen=True)
class StoryFact:
    id: int
    title: str
    principles: tuple[str, ...]
    updated_at: datetime
    situation: str = ""
    action: str = ""
    result: str = ""
    metrics: str = ""
    created_at: datetime | None = None


@dataclass
class Facts:
    prompts: list[PastPrompt] = field(default_factory=list)
    answer_facts: list[AnswerFact] = field(default_factory=list)  # oldest first
    questions: list[OwnQuestion] = field(default_factory=list)
    stories: list[StoryFact] = field(default_factory=list)

    @property
    def answers(self) -> dict[str, int]:
        """How many answers per topic: a principle, or a drilled focus."""
        counts: dict[str, int] = defaultdict(int)
        for answer in self.answer_facts:
            counts[answer.topic] += 1
        return dict(counts)

    @property
    def scores(self) -> dict[str, list[int]]:
        """Every rating, per topic."""
        found: dict[str, list[int]] = defaultdict(list)
        for answer in self.answer_facts:
            found[answer.topic] += answer.ratings
        return {topic: scores for topic, scores in found.items() if scores}

    @property
    def prompt_scores(self) -> dict[int, float]:
        """The average rating of each prompt's answers."""
        found: dict[int, list[int]] = defaultdict(list)
        for answer in self.answer_facts:
            found[answer.prompt_id] += answer.ratings
        return {prompt_id: sum(s) / len(s) for prompt_id, s in found.items() if s}

    def average(self, topic: str) -> float | None:
        found = self.scores.get(topic)
        return sum(found) / len(found) if found else None

    @property
    def averages(self) -> dict[str, float]:
        return {topic: sum(s) / len(s) for topic, s in self.scores.items() if s}

    def has_prompt(self, day: date, slot: str) -> bool:
        return any(p.local_date == day and p.slot == slot for p in self.prompts)

    def readiness(self, topic: str, *, now: datetime, drill: bool = False) -> Readiness:
        """A principle's readiness; with `drill`, a focus area's (answers to its drills, no stories)."""
        if drill:
            evidence = [a.evidence for a in self.answer_facts if a.focus == topic]
            return readiness(topic, evidence, None, now=now)
        evidence = [a.evidence for a in self.answer_facts if a.principle == topic]
        stories = sum(topic in s.principles for s in self.stories)
        return readiness(topic, evidence, stories, now=now)


def with_interviews(session: Session, candidate_ids: Sequence[int]) -> None:
    """Load the candidates' interviews and reviewers in two queries instead of two per candidate."""
    if candidate_ids:
        session.scalars(
            select(Candidate)
            .where(Candidate.id.in_(candidate_ids))
            .options(selectinload(Candidate.interviews), selectinload(Candidate.reviewers))
        ).all()


def load_facts(session: Session, candidate_ids: Sequence[int]) -> dict[int, Facts]:
    facts = {cid: Facts() for cid in candidate_ids}
    if not candidate_ids:
        return facts
    ids = list(candidate_ids)
    for row in session.execute(
        select(
            Prompt.candidate_id,
            Prompt.id,
            Prompt.local_date,
            Prompt.slot,
            Prompt.kind,
            Prompt.status,
            Prompt.interview_id,
            Prompt.question_key,
            Prompt.created_at,
            Prompt.principle,
            Prompt.focus,
            Prompt.question_text,
            Prompt.redo_of,
        )
        .where(Prompt.candidate_id.in_(ids))
        .order_by(Prompt.id)
    ):
        facts[row[0]].prompts.append(PastPrompt(*row[1:]))

    ratings: dict[int, list[int]] = defaultdict(list)
    for answer_id, score in session.execute(
        select(Rating.answer_id, Rating.score)
        .join(Answer, Rating.answer_id == Answer.id)
        .where(Answer.candidate_id.in_(ids))
        .order_by(Rating.id)
    ):
        ratings[answer_id].append(score)
    follow_ups = {
        answer_id: FollowUpFact(question, score)
        for answer_id, question, score in session.execute(
            select(FollowUp.answer_id, FollowUp.question, FollowUp.check_score).where(
                FollowUp.candidate_id.in_(ids)
            )
        )
    }
    for found in session.execute(
        select(
            Answer.candidate_id,
            Answer.id,
            Answer.prompt_id,
            Answer.principle,
            Answer.focus,
            Answer.answered_at,
            Answer.check_score,
            Answer.check_findings,
        )
        .where(Answer.candidate_id.in_(ids))
        .order_by(Answer.answered_at, Answer.id)
    ):
        cid, answer_id, prompt_id, principle, focus, answered_at, check_score, findings = found
        facts[cid].answer_facts.append(
            AnswerFact(
                answer_id,
                prompt_id,
                principle,
                focus,
                answered_at,
                tuple(ratings.get(answer_id, ())),
                check_score,
                tuple(findings or ()),
                follow_ups.get(answer_id),
            )
        )

    for question in session.scalars(
        select(Question).where(Question.candidate_id.in_(ids)).order_by(Question.id)
    ):
        facts[question.candidate_id].questions.append(
            OwnQuestion(question.id, question.principle, question.focus, question.text)
        )
    for story in session.scalars(select(Story).where(Story.candidate_id.in_(ids)).order_by(Story.id)):
        facts[story.candidate_id].stories.append(
            StoryFact(
                story.id,
                story.title,
                tuple(story.principles),
                story.updated_at,
                story.situation,
                story.action,
                story.result,
                story.metrics,
                story.created_at,
            )
        )
    return facts
