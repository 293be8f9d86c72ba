"""Choosing today's question for a candidate from their facts. Pure: no session, no Slack."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from bot.blocks.prompt import QuestionPrompt, SecondTry, StoryHint
from bot.blocks.words import interview_when
from bot.focus import drilled
from bot.models import Candidate, Interview
from bot.plan import at_local, countdown, days_left, interview_day, local_today, loop_principles, upcoming
from bot.principles import PRINCIPLES
from bot.questions.bank import BANK
from bot.questions.roles import track
from bot.questions.selection import Option, choose_question, question_options
from bot.questions.spacing import Ask
from bot.questions.topics import Pick, Situation, Slot, TopicState, Weak, choose_topic, coming_picks
from bot.services.facts import AnswerFact, Facts, PastPrompt
from bot.services.interviews import numbered
from bot.story_gist import gist

ASKED = ("pending", "sending", "sent")
QUESTION = "question"
STORIES_PER_PROMPT = 3


@dataclass(frozen=True)
class Choice:
    interview: Interview | None
    topic: str
    is_focus: bool
    option: Option
    pick: Pick | None = None
    redo_of: int | None = None  # the prompt asked again, when this is a second try
    before: AnswerFact | None = None  # the weak answer a second try follows


def options_for(candidate: Candidate, facts: Facts, topic: str, is_focus: bool) -> list[Option]:
    own = [
        Option(key=f"own:{q.id}", text=q.text)
        for q in facts.questions
        if (q.focus if is_focus else q.principle) == topic
    ]
    seed = f"{candidate.team_id}:{candidate.user_id}"
    return question_options(own, BANK.get(topic, ()), track=track(candidate.role), seed=seed)


def ask_history(facts: Facts) -> dict[str, list[Ask]]:
    """Every time each question was asked, with the peers' average rating of that prompt's answers."""
    history: dict[str, list[Ask]] = defaultdict(list)
    scores = facts.prompt_scores
    for prompt in facts.prompts:
        if prompt.question_key and prompt.status in ASKED:
            history[prompt.question_key].append(Ask(at=prompt.created_at, score=scores.get(prompt.id)))
    return history


def asked_prompts(facts: Facts) -> list[PastPrompt]:
    return [p for p in facts.prompts if p.question_key and p.status in ASKED]


def topic_states(
    candidate: Candidate, facts: Facts, principles: list[str], *, now: datetime
) -> dict[str, TopicState]:
    """Per principle: times asked, readiness, and the latest answer when it was weak and the
    principle has not been asked since."""
    asked = asked_prompts(facts)
    by_id = {p.id: p for p in facts.prompts}
    latest: dict[str, AnswerFact] = {}
    for fact in facts.answer_facts:  # oldest first: the last one wins
        if fact.principle:
            latest[fact.principle] = fact
    states = {}
    for principle in principles:
        weak = None
        answer: AnswerFact | None = latest.get(principle)
        if answer is not None and answer.evidence.weak:
            since = any(p.principle == principle and p.id > answer.prompt_id for p in asked)
            original = by_id.get(answer.prompt_id)
            if not since and original is not None:
                day = local_today(answer.answered_at, candidate.tz)
                weak = Weak(answer.prompt_id, day, was_redo=original.redo_of is not None)
        states[principle] = TopicState(
            asks=sum(p.principle == principle for p in asked),
            readiness=facts.readiness(principle, now=now).score,
            weak=weak,
        )
    return states


def situation(candidate: Candidate, facts: Facts, day: date, *, now: datetime) -> Situation:
    ahead = upcoming(candidate.interviews, candidate.loop_date, day)
    slots = tuple(
        Slot(i.id, interview_day(i, candidate.loop_date), tuple(i.principles), drilled(i.focus))
        for i in ahead
    )
    if not slots:  # no interviews (or all past): practise the loop's principles, or all of them
        slots = (Slot(None, None, tuple(loop_principles(candidate.interviews) or PRINCIPLES)),)
    principles = list(dict.fromkeys(p for slot in slots for p in slot.principles))
    states = topic_states(candidate, facts, principles, now=now)
    asked = asked_prompts(facts)
    for drill in {slot.drill for slot in slots if slot.drill}:
        states[drill] = TopicState(
            asks=sum(p.focus == drill for p in asked),
            readiness=facts.readiness(drill, now=now, drill=True).score,
        )
    return Situation(
        today=day,
        days_left=days_left(candidate.loop_date, day) if candidate.loop_date else None,
        interviews=slots,
        topics=states,
    )


def choose(candidate: Candidate, facts: Facts, day: date, *, now: datetime) -> Choice:
    """The plan picks the topic (bot.questions.topics); a redo repeats the weak answer's question;
    otherwise the candidate's own questions, then the bank, spaced with FSRS."""
    pick = choose_topic(situation(candidate, facts, day, now=now))
    interview = next((i for i in candidate.interviews if i.id == pick.interview_id), None)
    original = next((p for p in facts.prompts if p.id == pick.redo_of), None)
    if original is not None and original.question_key and original.question_text:
        before = next(a for a in reversed(facts.answer_facts) if a.prompt_id == original.id)
        option = Option(original.question_key, original.question_text)
        return Choice(interview, pick.topic, False, option, pick, original.id, before)
    loop_start = at_local(candidate.loop_date, time(0), candidate.tz) if candidate.loop_date else None
    option = choose_question(
        options_for(candidate, facts, pick.topic, pick.is_focus), ask_history(facts), not_after=loop_start
    )
    return Choice(interview, pick.topic, pick.is_focus, option, pick)


def practise_next(
    candidate: Candidate, facts: Facts, day: date, *, now: datetime, count: int = 3
) -> list[str]:
    """The topics of today's question and the next ones, if nothing new is answered meanwhile."""
    picks = coming_picks(situation(candidate, facts, day, now=now), count)
    return list(dict.fromkeys(p.topic for p in picks))


def stories_for(facts: Facts, principle: str) -> tuple[StoryHint, ...]:
    """Up to three stories tagged with the principle, most recently worked on first."""
    tagged = sorted(
        (s for s in facts.stories if principle in s.principles),
        key=lambda s: (-s.updated_at.timestamp(), s.id),
    )
    return tuple(StoryHint(s.title, s.principles, gist(s)) for s in tagged[:STORIES_PER_PROMPT])


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
    before = choice.before
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
        second_try=SecondTry(before.rating, before.check_score, before.findings) if before else None,
    )
