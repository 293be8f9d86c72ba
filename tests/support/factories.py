"""Plain-function factories: candidates built through the same services the commands use."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.commands import AddInterview
from bot.deps import Deps
from bot.models import Answer, Candidate, Prompt, Rating
from bot.principles import parse_principles
from bot.services import interviews, loop, reviewers
from bot.services.candidates import Who, candidate_for, remember_timezone
from bot.services.digests_nudges import DigestOrNudge
from tests.support.fake_slack import TEAM_ID

NEW_YORK = "America/New_York"


def local(day: date, hour: int, minute: int = 0, tz: str = NEW_YORK) -> datetime:
    """An instant given as wall-clock time in a zone."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def make_candidate(
    deps: Deps,
    user: str,
    *,
    loop_date: date | None,
    interviews_spec: Sequence[tuple[str, str]] = (),
    reviewer_ids: Sequence[str] = (),
    tz: str = NEW_YORK,
    team: str = TEAM_ID,
    prompt_time: time | None = None,
) -> int:
    """A candidate as the commands would leave them; interviews given as (name, 'p1, p2')."""
    now = deps.clock.now()
    who = Who(team, user)
    with deps.sessions.begin() as session:
        remember_timezone(session, who, tz, now=now)
        candidate = candidate_for(session, who, now=now)
        if prompt_time:
            loop.set_prompt_time(session, candidate, prompt_time, now=now)
        if loop_date:
            loop.set_loop(session, candidate, loop_date, now=now)
        for name, principles in interviews_spec:
            command = AddInterview(name, tuple(parse_principles(principles)))
            interviews.add_interview(session, candidate, command, now=now)
        if reviewer_ids:
            reviewers.add_reviewers(session, candidate, tuple(reviewer_ids), bot_user_id=None, now=now)
        return candidate.id


def answer_latest(
    deps: Deps, candidate_id: int, *, text: str = "I did it.", scores: Sequence[int] = ()
) -> Answer:
    """The candidate answers the newest prompt that carries a question; reviewers rate it."""
    now = deps.clock.now()
    with deps.sessions.begin() as session:
        prompt = session.scalars(
            select(Prompt)
            .where(Prompt.candidate_id == candidate_id, Prompt.question_key.is_not(None))
            .order_by(Prompt.id.desc())
        ).first()
        assert prompt is not None and prompt.message_ts, "no sent prompt to answer"
        answer = Answer(
            candidate_id=candidate_id,
            prompt_id=prompt.id,
            channel_id=prompt.channel_id or "",
            message_ts=f"{prompt.message_ts}1",
            text=text,
            principle=prompt.principle,
            focus=prompt.focus,
            question_key=prompt.question_key,
            answered_at=now,
        )
        session.add(answer)
        session.flush()
        for n, score in enumerate(scores):
            session.add(
                Rating(answer_id=answer.id, reviewer_user_id=f"UREV{n:05d}", score=score, rated_at=now)
            )
        return answer


def candidate_row(deps: Deps, candidate_id: int) -> Candidate:
    with deps.sessions.begin() as session:
        return session.get_one(Candidate, candidate_id)


def prompts_of(deps: Deps, candidate_id: int, *, digests_and_nudges: bool = False) -> list[Prompt]:
    """The candidate's prompt rows; without the digests and nudges unless `digests_and_nudges`."""
    with deps.sessions.begin() as session:
        rows = session.scalars(select(Prompt).where(Prompt.candidate_id == candidate_id).order_by(Prompt.id))
        return [row for row in rows if digests_and_nudges or row.kind not in set(DigestOrNudge)]
