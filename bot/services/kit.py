"""The loop-day kit and the wrap-up, as values: what each interview needs, what to watch, what the
note holds for the day, how readiness moved, and the questions actually asked.

The facts come loaded for a batch of candidates (bot/services/facts.py, plus `load_day_facts` for
notes and debriefs); nothing here touches the session beyond that loading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.answer_check.findings import LABEL, Finding
from bot.models import Candidate, CandidateNote, Debrief, NoteKind, Prompt
from bot.plan import loop_principles
from bot.readiness import Level, readiness
from bot.services.facts import Facts
from bot.services.stories import PlannedStory, loop_plan

RECENT_HABITS = 5  # the latest answers read for habits
HABIT_AT = 2  # a finding in at least this many of them is a habit to watch
NOTE_ORDER: dict[str, int] = {NoteKind.WHY_COMPANY: 0, NoteKind.QUESTIONS_TO_ASK: 1}


@dataclass(frozen=True)
class NoteFact:
    kind: str
    title: str
    text: str


@dataclass(frozen=True)
class DebriefFact:
    interviewer: str
    how_it_went: int | None
    questions: str


@dataclass
class DayFacts:
    """What the loop day needs beyond the daily facts: the note's sections and the debriefs."""

    notes: list[NoteFact] = field(default_factory=list)
    debriefs: list[DebriefFact] = field(default_factory=list)


def load_day_facts(session: Session, candidate_ids: Sequence[int]) -> dict[int, DayFacts]:
    found = {cid: DayFacts() for cid in candidate_ids}
    if not candidate_ids:
        return found
    ids = list(candidate_ids)
    for note in session.scalars(select(CandidateNote).where(CandidateNote.candidate_id.in_(ids))):
        found[note.candidate_id].notes.append(NoteFact(note.kind, note.title, note.text))
    for cid, interviewer, how, questions in session.execute(
        select(Debrief.candidate_id, Debrief.interviewer, Debrief.how_it_went, Debrief.questions)
        .join(Prompt, Prompt.id == Debrief.prompt_id)
        .where(Debrief.candidate_id.in_(ids))
        .order_by(Prompt.due_at, Prompt.id)
    ):
        found[cid].debriefs.append(DebriefFact(interviewer, how, questions))
    for day in found.values():
        day.notes.sort(key=lambda n: (NOTE_ORDER.get(n.kind, len(NOTE_ORDER)), n.kind, n.title))
    return found


@dataclass(frozen=True)
class InterviewCard:
    """One interview in the kit, and the card its reminder carries."""

    interview_id: int | None
    interviewer: str
    at: datetime | None  # local wall-clock time, when known
    focus: str | None
    principles: tuple[str, ...]
    stories: tuple[PlannedStory, ...]
    watch: tuple[str, ...]  # weak spots on this interview's principles


@dataclass(frozen=True)
class Kit:
    cards: tuple[InterviewCard, ...]
    lacking: tuple[str, ...]  # principles with no story of their own
    habits: tuple[str, ...]  # findings that keep coming back, as codes
    notes: tuple[NoteFact, ...]


def watch_lines(facts: Facts, principles: Sequence[str], *, now: datetime) -> tuple[str, ...]:
    """A principle not practised or weak, and what the latest answer on it lacked."""
    lines = []
    for principle in principles:
        ready = facts.readiness(principle, now=now)
        latest = next((a for a in reversed(facts.answer_facts) if a.principle == principle), None)
        gaps = [code for code in (latest.findings if latest else ()) if code != Finding.TOO_LONG][:2]
        if ready.level not in (Level.WEAK, Level.NOT_STARTED) and not gaps:
            continue
        said = f"{principle}: readiness {ready.score}/100 ({ready.level})"
        if gaps:
            said += "; last answer: " + ", ".join(_label(code) for code in gaps)
        lines.append(said)
    return tuple(lines)


def habits(facts: Facts) -> tuple[str, ...]:
    """Findings in several of the latest answers: what to keep in mind in every interview."""
    recent = facts.answer_facts[-RECENT_HABITS:]
    counted = Counter(code for answer in recent for code in set(answer.findings) if code != Finding.TOO_LONG)
    return tuple(code for code, times in counted.most_common() if times >= HABIT_AT)


def kit(
    candidate: Candidate, facts: Facts, day_facts: DayFacts, *, now: datetime, day: date | None = None
) -> Kit:
    """The kit; with `day`, only that day's interviews get a card (the stories are still planned
    across the whole loop, so none is told twice)."""
    planned, plan = loop_plan(candidate, facts.stories)
    if day is not None:
        planned = [i for i in planned if (i.at.date() if i.at else candidate.loop_date) == day]
    cards = tuple(
        InterviewCard(
            interview.interview_id,
            interview.interviewer,
            interview.at,
            interview.focus,
            interview.principles,
            interview.stories,
            watch_lines(facts, interview.principles, now=now),
        )
        for interview in planned
    )
    return Kit(cards, tuple(plan.lacking), habits(facts), tuple(day_facts.notes))


@dataclass(frozen=True)
class Move:
    principle: str
    first: int | None  # readiness right after the first answer on it; None: never practised
    last: int


def readiness_moves(candidate: Candidate, facts: Facts, *, now: datetime) -> tuple[Move, ...]:
    """First against last readiness per loop principle: where the prep made a difference."""
    moves = []
    for principle in loop_principles(candidate.interviews):
        answered = [a for a in facts.answer_facts if a.principle == principle]
        last = facts.readiness(principle, now=now).score
        if not answered:
            moves.append(Move(principle, None, last))
            continue
        first_at = answered[0].answered_at
        stories = sum(
            principle in s.principles and (s.created_at or s.updated_at) <= first_at for s in facts.stories
        )
        first = readiness(principle, [answered[0].evidence], stories, now=first_at).score
        moves.append(Move(principle, first, last))
    return tuple(moves)


def _label(code: str) -> str:
    try:
        label = LABEL[Finding(code)]
    except ValueError:
        label = code.replace("_", " ")
    return label[:1].lower() + label[1:]
