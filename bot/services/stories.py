"""The story bank: STAR stories tagged with principles, and the plan of which to tell to whom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import Answer, Candidate, Prompt, Story
from bot.parsing import InputError
from bot.plan import in_calendar_order
from bot.star_split import numbers_of, split_star, story_title
from bot.story_gist import StoryParts, gist
from bot.story_plan import StoryCard, StoryPlan, plan_stories

NOT_YOURS = "Only the person who gave this answer can save it as a story."


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


def answer_to_save(session: Session, candidate: Candidate | None, answer_id: int) -> Answer:
    """The answer behind a "Save as story" button, if it is the person's own."""
    answer = session.get(Answer, answer_id)
    if answer is None:
        raise InputError("That answer is not here any more, so there is nothing to save.")
    if candidate is None or answer.candidate_id != candidate.id:
        raise InputError(NOT_YOURS)
    return answer


def draft_from_answer(session: Session, answer: Answer) -> StoryInput:
    """A story pre-filled from an answer: its STAR parts, its figures, a title from the question."""
    question = session.get_one(Prompt, answer.prompt_id).question_text
    parts = split_star(answer.text)
    return StoryInput(
        title=story_title(question, answer.principle),
        principles=(answer.principle,) if answer.principle else (),
        situation=parts.situation,
        task=parts.task,
        action=parts.action,
        result=parts.result,
        metrics=numbers_of(parts.result),
    )


def saved_from(session: Session, answer: Answer) -> Story | None:
    """The story already saved from this answer: pressing the button again edits it."""
    return session.get(Story, answer.story_id) if answer.story_id else None


def link_answer(session: Session, candidate: Candidate, answer_id: int, story: Story) -> None:
    answer = session.get(Answer, answer_id)
    if answer is not None and answer.candidate_id == candidate.id:
        answer.story_id = story.id


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
    gist: str = ""  # what the story says, in a line (bot/story_gist.py)
    metrics: str = ""  # its numbers, as the candidate wrote them


@dataclass(frozen=True)
class PlannedInterview:
    interviewer: str
    at: datetime | None
    focus: str | None
    stories: tuple[PlannedStory, ...]
    interview_id: int | None = None
    principles: tuple[str, ...] = ()


class StoryLike(StoryParts, Protocol):
    """What the loop plan reads of a story: a saved row, or one imported from a note."""

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
    by_id = {s.id: s for s in stories}
    plan = plan_stories([i.principles for i in interviews], cards)
    planned = []
    for index, interview in enumerate(interviews):
        told = tuple(
            PlannedStory(
                a.slot.principle,
                a.story.title if a.story else None,
                interviews[a.repeat_of].interviewer if a.repeat_of is not None else None,
                gist(by_id[a.story.id]) if a.story else "",
                " ".join(by_id[a.story.id].metrics.split()) if a.story else "",
            )
            for a in plan.for_interview(index)
        )
        planned.append(
            PlannedInterview(
                interview.interviewer,
                interview.scheduled_at,
                interview.focus,
                told,
                interview.id,
                tuple(interview.principles),
            )
        )
    return planned, plan
