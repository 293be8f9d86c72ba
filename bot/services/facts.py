"""Everything the daily choice and the dashboards read about candidates, loaded for many at once.

A tick plans hundreds of mornings per transaction; loading their facts in six queries per batch,
rather than a dozen per candidate, is what lets one clock keep pace with Slack's posting limits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.models import Answer, Candidate, Prompt, Question, Rating, Story


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


@dataclass
class Facts:
    prompts: list[PastPrompt] = field(default_factory=list)
    answers: dict[str, int] = field(default_factory=dict)  # per topic: a principle, or a drilled focus
    scores: dict[str, list[int]] = field(default_factory=dict)  # every rating, per topic
    prompt_scores: dict[int, float] = field(default_factory=dict)  # average rating of each prompt's answers
    questions: list[OwnQuestion] = field(default_factory=list)
    stories: list[StoryFact] = field(default_factory=list)

    def average(self, topic: str) -> float | None:
        found = self.scores.get(topic)
        return sum(found) / len(found) if found else None

    @property
    def averages(self) -> dict[str, float]:
        return {topic: sum(s) / len(s) for topic, s in self.scores.items() if s}

    def has_prompt(self, day: date, slot: str) -> bool:
        return any(p.local_date == day and p.slot == slot for p in self.prompts)


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
        )
        .where(Prompt.candidate_id.in_(ids))
        .order_by(Prompt.id)
    ):
        facts[row[0]].prompts.append(PastPrompt(*row[1:]))

    answers: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for cid, principle, focus, count in session.execute(
        select(Answer.candidate_id, Answer.principle, Answer.focus, func.count(Answer.id))
        .where(Answer.candidate_id.in_(ids))
        .group_by(Answer.candidate_id, Answer.principle, Answer.focus)
    ):
        answers[cid][principle or focus or ""] += count
    per_prompt: dict[int, list[int]] = defaultdict(list)
    for cid, prompt_id, principle, focus, score in session.execute(
        select(Answer.candidate_id, Answer.prompt_id, Answer.principle, Answer.focus, Rating.score)
        .join(Rating, Rating.answer_id == Answer.id)
        .where(Answer.candidate_id.in_(ids))
    ):
        facts[cid].scores.setdefault(principle or focus or "", []).append(score)
        per_prompt[prompt_id].append(score)
        facts[cid].prompt_scores[prompt_id] = sum(per_prompt[prompt_id]) / len(per_prompt[prompt_id])
    for cid, counts in answers.items():
        facts[cid].answers = dict(counts)

    for question in session.scalars(
        select(Question).where(Question.candidate_id.in_(ids)).order_by(Question.id)
    ):
        facts[question.candidate_id].questions.append(
            OwnQuestion(question.id, question.principle, question.focus, question.text)
        )
    for story in session.scalars(select(Story).where(Story.candidate_id.in_(ids)).order_by(Story.id)):
        facts[story.candidate_id].stories.append(
            StoryFact(story.id, story.title, tuple(story.principles), story.updated_at)
        )
    return facts
