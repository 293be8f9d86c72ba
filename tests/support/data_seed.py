"""A candidate with something in every table, and a way to see every row the database holds.

For the export, delete and uninstall tests: each must show what it did to every table, and that it
touched nobody else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine, select

from bot.deps import Deps
from bot.models import (
    Answer,
    Base,
    CandidateNote,
    Debrief,
    Feedback,
    FollowUp,
    NoteKind,
    Prompt,
    Rating,
    Story,
)
from bot.services import questions
from bot.services.candidates import Who, candidate_for
from bot.services.erase import NOT_PERSONAL
from tests.support.factories import make_candidate
from tests.support.fake_slack import TEAM_ID

LOOP_DAY = date(2026, 12, 16)


@dataclass(frozen=True)
class Said:
    """What a seeded candidate's rows say, for asserting on exports."""

    principle: str
    question: str
    answer: str
    feedback: str
    score: int


DEFAULT_SAID = (
    Said(
        "Dive Deep",
        "Tell me about a time you found a problem's root cause in the data.",
        "At Acme, checkout failed for 8% of buyers. I traced it to a cache, fixed it; errors fell 90%.",
        "Say how you knew it was the cache.",
        4,
    ),
    Said(
        "Have Backbone; Disagree and Commit",
        "Tell me about a time you disagreed with your manager.",
        "I pushed back on a launch date with data; we moved it a week and shipped with zero incidents.",
        "Strong: add what your manager said.",
        5,
    ),
)


def seed_prep(
    deps: Deps,
    user: str,
    *,
    team: str = TEAM_ID,
    reviewers: Sequence[str] = ("UREV00001",),
    said: Sequence[Said] = DEFAULT_SAID,
    story_title: str = "Cut checkout latency",
) -> int:
    """A candidate with a loop, interviews, reviewers, a story, an own question, sent prompts,
    answers, ratings and feedback from the first reviewer, and one reply left before any answer."""
    candidate_id = make_candidate(
        deps,
        user,
        team=team,
        loop_date=LOOP_DAY,
        interviews_spec=[("Natesh", "backbone, earn trust"), ("Keesha", "dive deep, ownership")],
        reviewer_ids=reviewers,
    )
    now = deps.clock.now()
    channel = f"G{team}{user}"
    reviewer = reviewers[0]
    with deps.sessions.begin() as session:
        candidate = candidate_for(session, Who(team, user), now=now)
        questions.add_question(
            session, candidate, "Ownership", "When did you fix what nobody owned?", now=now
        )
        session.add(
            Story(
                candidate_id=candidate_id,
                title=story_title,
                principles=["Dive Deep", "Deliver Results"],
                situation="Checkout timed out.",
                task="Make it fast.",
                action="I profiled it.",
                result="p99 fell 80%.",
                created_at=now,
                updated_at=now,
            )
        )
        for n, item in enumerate(said):
            prompt = Prompt(
                candidate_id=candidate_id,
                local_date=now.date() - timedelta(days=len(said) - n),
                slot="daily",
                kind="daily",
                principle=item.principle,
                question_key=f"q{n}",
                question_text=item.question,
                status="sent",
                channel_id=channel,
                message_ts=f"17900000{n:02d}.000100",
                created_at=now,
            )
            session.add(prompt)
            session.flush()
            answer = Answer(
                candidate_id=candidate_id,
                prompt_id=prompt.id,
                channel_id=channel,
                message_ts=f"17900000{n:02d}.000200",
                text=item.answer,
                principle=item.principle,
                question_key=prompt.question_key,
                answered_at=now - timedelta(days=len(said) - n, hours=-1),
            )
            session.add(answer)
            session.flush()
            session.add(
                Rating(answer_id=answer.id, reviewer_user_id=reviewer, score=item.score, rated_at=now)
            )
            session.add(
                _feedback(prompt, answer.id, reviewer, channel, f"17900000{n:02d}.000300", item.feedback)
            )
            session.add(
                FollowUp(
                    answer_id=answer.id,
                    candidate_id=candidate_id,
                    channel_id=channel,
                    aim="no_metric",
                    question="What was the measurable result?",
                    asked_ts=f"17900000{n:02d}.000250",
                    asked_at=now,
                    reply_ts=f"17900000{n:02d}.000260",
                    reply_text="Errors fell from 8% to 0.8% within a week.",
                    replied_at=now,
                    check_score=5,
                    answered_it=True,
                )
            )
        session.add(
            CandidateNote(
                candidate_id=candidate_id,
                kind=NoteKind.WHY_COMPANY,
                title="Why Amazon?",
                text="The scale of what I could build.",
                created_at=now,
                updated_at=now,
            )
        )
        debrief_prompt = Prompt(
            candidate_id=candidate_id,
            local_date=LOOP_DAY,
            slot="debrief-1",
            kind="debrief",
            status="sent",
            channel_id=channel,
            message_ts="1790000098.000100",
            created_at=now,
        )
        session.add(debrief_prompt)
        session.flush()
        session.add(
            Debrief(
                candidate_id=candidate_id,
                prompt_id=debrief_prompt.id,
                interviewer="Natesh",
                how_it_went=4,
                questions="A time you disagreed with your manager.",
                updated_at=now,
            )
        )
        extra = Prompt(
            candidate_id=candidate_id,
            local_date=now.date(),
            slot="extra-1",
            kind="extra",
            principle="Ownership",
            question_key="q-extra",
            question_text="Tell me about a time you owned a failure.",
            status="sent",
            channel_id=channel,
            message_ts="1790000099.000100",
            created_at=now,
        )
        session.add(extra)
        session.flush()
        session.add(
            _feedback(extra, None, reviewer, channel, "1790000099.000300", "Take your time on this one.")
        )
    return candidate_id


def _feedback(
    prompt: Prompt, answer_id: int | None, reviewer: str, channel: str, ts: str, text: str
) -> Feedback:
    return Feedback(
        prompt_id=prompt.id,
        answer_id=answer_id,
        reviewer_user_id=reviewer,
        channel_id=channel,
        message_ts=ts,
        text=text,
        created_at=prompt.created_at,
    )


Rows = dict[str, set[tuple[object, ...]]]


def every_row(engine: Engine) -> Rows:
    """Every row of every table that can hold personal data, as tuples (JSON columns as text, so
    rows can live in a set)."""
    rows: Rows = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_PERSONAL:
                continue
            rows[table.name] = {
                tuple(repr(value) if isinstance(value, list | dict) else value for value in row)
                for row in connection.execute(select(table))
            }
    return rows


def rows_of_candidates(engine: Engine, candidate_ids: Sequence[int]) -> Rows:
    """The rows that belong to these candidates, table by table, found by following the keys."""
    ids = list(candidate_ids)
    found: Rows = {}
    with engine.connect() as connection:
        answers = [a for (a,) in connection.execute(select(Answer.id).where(Answer.candidate_id.in_(ids)))]
        prompts = [p for (p,) in connection.execute(select(Prompt.id).where(Prompt.candidate_id.in_(ids)))]
        for table in Base.metadata.sorted_tables:
            if table.name == "candidates":
                where = table.c.id.in_(ids)
            elif "candidate_id" in table.c:
                where = table.c.candidate_id.in_(ids)
            elif table.name == "ratings":
                where = table.c.answer_id.in_(answers)
            elif table.name == "feedback":
                where = table.c.prompt_id.in_(prompts)
            else:
                continue
            found[table.name] = {
                tuple(repr(value) if isinstance(value, list | dict) else value for value in row)
                for row in connection.execute(select(table).where(where))
            }
    return found


def without(rows: Rows, removed: Rows) -> Rows:
    return {name: table - removed.get(name, set()) for name, table in rows.items()}
