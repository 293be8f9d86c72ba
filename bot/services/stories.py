"""The story bank: STAR stories tagged with principles, and the plan of which to tell to whom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Candidate, Story
from bot.parsing import InputError
from bot.plan import in_calendar_order
from bot.story_plan import StoryCard, StoryPlan, plan_stories


@dataclass(frozen=True)
class StoryInput:
    title: str
    principles: tuple[str, ...]
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    metrics: str = ""
    notes: str = ""


def stories_of(session: Session, candidate: Candidate, principle: str | None = None) -> list[Story]:
    stories = session.scalars(
        select(Story).where(Story.candidate_id == candidate.id).order_by(Story.id)
    ).all()
    return [s for s in stories if principle is None or principle in s.principles]


def owned_story(session: Session, candidate: Candidate, story_id: int) -> Story:
    story = session.get(Story, story_id)
    if story is None or story.candidate_id != candidate.id:
        raise InputError("That story is not in your bank any more.")
    return story


def save_story(
    session: Session, candidate: Candidate, values: StoryInput, *, now: datetime, story_id: int | None = None
) -> Story:
    story = (
        owned_story(session, candidate, story_id)
        if story_id
        else Story(candidate_id=candidate.id, created_at=now)
    )
    story.title, story.principles = values.title, list(values.principles)
    story.situation, story.task, story.action, story.result = (
        values.situation,
        values.task,
        values.action,
        values.result,
    )
    story.metrics, story.notes, story.updated_at = values.metrics, values.notes, now
    session.add(story)
    session.flush()
    return story


def delete_story(session: Session, candidate: Candidate, story_id: int) -> str:
    story = owned_story(session, candidate, story_id)
    session.delete(story)
    session.flush()
    return story.title


@dataclass(frozen=True)
class PlannedStory:
    principle: str
    story: str | None  # the title; None when the bank has no story for this principle
    also_for: str | None = None  # the other interviewer who hears it, when the bank forces a repeat


@dataclass(frozen=True)
class PlannedInterview:
    interviewer: str
    at: datetime | None
    focus: str | None
    stories: tuple[PlannedStory, ...]


class StoryLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def principles(self) -> Sequence[str]: ...


def loop_plan(candidate: Candidate, stories: Sequence[StoryLike]) -> tuple[list[PlannedInterview], StoryPlan]:
    """Which story to tell each interviewer, for each of their principles (see bot/story_plan.py)."""
    interviews = in_calendar_order(candidate.interviews, candidate.loop_date)
    cards = [StoryCard(s.id, s.title, tuple(s.principles)) for s in stories]
    plan = plan_stories([i.principles for i in interviews], cards)
    planned = []
    for index, interview in enumerate(interviews):
        told = tuple(
            PlannedStory(
                a.slot.principle,
                a.story.title if a.story else None,
                interviews[a.repeat_of].interviewer if a.repeat_of is not None else None,
            )
            for a in plan.for_interview(index)
        )
        planned.append(PlannedInterview(interview.interviewer, interview.scheduled_at, interview.focus, told))
    return planned, plan
