"""The clock's recovery keeps going past Slack errors, and on PostgreSQL its deliveries are jobs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from sqlalchemy import select, text, update

from bot.clock import FixedClock
from bot.deps import Deps
from bot.job_queue import DurableQueue
from bot.models import Prompt
from schedules.jobs import tick
from tests.conftest import CANDIDATE, Harness
from tests.support.factories import local, make_candidate, prompts_of
from tests.support.fake_slack import FakeSlack
from tests.support.worker_process import wait_for_queue

LOOP = date(2026, 12, 16)
INTERVIEWS = [("Natesh", "backbone, earn trust"), ("Keesha", "curious, invent")]


def test_a_slack_error_on_one_abandoned_row_stops_nothing_else(
    deps: Deps, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    stuck = make_candidate(deps, CANDIDATE, loop_date=LOOP, interviews_spec=INTERVIEWS)
    found = make_candidate(deps, "U0FOUND001", loop_date=LOOP, interviews_spec=INTERVIEWS)
    newcomer = make_candidate(
        deps, "U0NEWCOME1", loop_date=LOOP, interviews_spec=INTERVIEWS, prompt_time=time(9, 5)
    )
    clock.set(local(date(2026, 12, 1), 9, 0))
    assert tick(deps).sent == 2
    with deps.sessions.begin() as session:  # as a clock killed just after posting leaves them
        session.execute(
            update(Prompt)
            .where(Prompt.candidate_id.in_([stuck, found]), Prompt.kind == "question")
            .values(status="sending", claimed_at=clock.now(), message_ts=None)
        )
    fake_slack.refuse("conversations.history", "internal_error")  # Slack fails for the first row only
    clock.set(local(date(2026, 12, 1), 9, 7))
    report = tick(deps)
    assert report.sent == 1, "the newcomer's question went out in the same tick"
    assert len(fake_slack.posts()) == 3, "nothing posted twice"
    statuses = sorted(prompts_of(deps, cid)[0].status for cid in (stuck, found))
    assert statuses == ["sending", "sent"], "the row Slack failed on waits; the other is settled"
    assert prompts_of(deps, newcomer)[0].status == "sent"
    clock.set(local(date(2026, 12, 1), 9, 13))
    tick(deps)
    assert [prompts_of(deps, cid)[0].status for cid in (stuck, found)] == ["sent", "sent"]
    assert len(fake_slack.posts()) == 3


def test_on_postgresql_the_clock_queues_deliveries_per_workspace_and_workers_post_them(app: Harness) -> None:
    if app.deps.engine.dialect.name != "postgresql":
        return  # SQLite: the tick posts them itself (every other clock test)
    queue = DurableQueue(app.deps.settings.database_url)
    clock_deps = replace(app.deps, queue=queue)
    try:
        ids = [
            make_candidate(
                clock_deps, f"U0TEAM{n:04d}", loop_date=LOOP, interviews_spec=INTERVIEWS, team=team
            )
            for n, team in enumerate(["T0AAAAAAAA", "T0AAAAAAAA", "T0BBBBBBBB"])
        ]
        app.clock.set(local(date(2026, 12, 1), 9, 0))
        report = tick(clock_deps)
        assert report.claimed == 3 and report.queued == 3 and report.sent == 0
        with app.deps.engine.connect() as connection:
            jobs = connection.execute(
                text("SELECT count(*) FROM procrastinate_jobs WHERE queue_name = 'delivery'")
            ).scalar()
        assert jobs in (1, 2)  # one a workspace (unless the worker already finished one)
        wait_for_queue(app.deps.engine)
        assert [prompts_of(app.deps, cid)[0].status for cid in ids] == ["sent"] * 3
        assert len(app.fake.posts()) == 3
        with app.deps.engine.connect() as connection:
            paced = set(connection.execute(text("SELECT team_id FROM slack_pacing")).scalars())
        assert {"T0AAAAAAAA", "T0BBBBBBBB"} <= paced, "each workspace keeps its own bucket, shared by workers"
        assert tick(clock_deps).queued == 0, "nothing is queued twice"
    finally:
        queue.close()
    with app.deps.sessions.begin() as session:
        assert session.scalars(select(Prompt.status).where(Prompt.kind == "question")).all() == ["sent"] * 3
