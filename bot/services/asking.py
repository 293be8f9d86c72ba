"""Choosing today's question for a candidate from their facts. Pure: no session, no Slack."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from bot.blocks.prompt import QuestionPrompt, StoryHint
from bot.blocks.words import interview_when
from bot.focus import drilled
from bot.models import Candidate, Interview
from bot.plan import at_local, countdown, interview_day, local_today, loop_principles, next_day_group
from bot.principles import PRINCIPLES
from bot.questions.bank import BANK
from bot.questions.selection import Option, choose_question, choose_topic, rotate
from bot.questions.spacing import Ask
from bot.services.facts import Facts
from bot.services.interviews import numbered
from bot.services.schedule import DAILY

ASKED = ("pending", "sending", "sent")
QUESTION = "question"
STORIES_PER_PROMPT = 3


@dataclass(frozen=True)
class Choice:
    interview: Interview | None
    topic: str
    is_focus: bool
    option: Option


def question_options(facts: Facts, topic: str, is_focus: bool) -> list[Option]:
    """The candidate's own and imported questions first (their recruiter's lists matter most), then the bank."""
    own = [q for q in facts.questions if (q.focus if is_focus else q.principle) == topic]
    return [Option(key=f"own:{q.id}", text=q.text) for q in own] + [
        Option(key=q.key, text=q.text) for q in BANK.get(topic, ())
    ]


def ask_history(facts: Facts) -> dict[str, list[Ask]]:
    """Every time each question was asked, with the peers' average rating of that prompt's answers."""
    history: dict[str, list[Ask]] = defaultdict(list)
    for prompt in facts.prompts:
        if prompt.question_key and prompt.status in ASKED:
            history[prompt.question_key].append(
                Ask(at=prompt.created_at, score=facts.prompt_scores.get(prompt.id))
            )
    return history


def turns_taken(facts: Facts, interview_ids: list[int]) -> int:
    return sum(
        1 for p in facts.prompts if p.slot == DAILY and p.kind == QUESTION and p.interview_id in interview_ids
    )


def choose(candidate: Candidate, facts: Facts, day: date) -> Choice:
    """Next interview (same-day ones take turns), then its weakest principle, then FSRS."""
    group = next_day_group(candidate.interviews, candidate.loop_date, day)
    interview: Interview | None = None
    if group:
        ids = [i.id for i in group]
        chosen_id = rotate(ids, turns_taken(facts, ids))
        interview = next(i for i in group if i.id == chosen_id)
        topic = choose_topic(interview.principles, drilled(interview.focus), facts.answers, facts.averages)
    else:
        topics = loop_principles(candidate.interviews) or list(PRINCIPLES)
        topic = choose_topic(topics, None, facts.answers, facts.averages)
    is_focus = topic not in PRINCIPLES
    loop_start = at_local(candidate.loop_date, time(0), candidate.tz) if candidate.loop_date else None
    option = choose_question(
        question_options(facts, topic, is_focus), ask_history(facts), not_after=loop_start
    )
    return Choice(interview=interview, topic=topic, is_focus=is_focus, option=option)


def stories_for(facts: Facts, principle: str) -> tuple[StoryHint, ...]:
    """Up to three stories tagged with the principle, most recently worked on first."""
    tagged = sorted(
        (s for s in facts.stories if principle in s.principles),
        key=lambda s: (-s.updated_at.timestamp(), s.id),
    )
    return tuple(StoryHint(s.title, s.principles) for s in tagged[:STORIES_PER_PROMPT])


def compose_question(
    candidate: Candidate, facts: Facts, choice: Choice, *, now: datetime, extra: bool = False
) -> QuestionPrompt:
    number, when = None, None
    if choice.interview is not None:
        row = next(r for r in numbered(candidate) if r.id == choice.interview.id)
        number = row.number
        when = interview_when(
            interview_day(choice.interview, candidate.loop_date),
            choice.interview.scheduled_at,
            row.on_loop_day,
        )
    return QuestionPrompt(
        topic=choice.topic,
        is_focus=choice.is_focus,
        question=choice.option.text,
        interviewer=choice.interview.interviewer if choice.interview else None,
        interview_number=number,
        interview_when=when,
        countdown=countdown(candidate.loop_date, local_today(now, candidate.tz)),
        stories=() if choice.is_focus else stories_for(facts, choice.topic),
        extra=extra,
    )
