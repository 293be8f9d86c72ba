"""Reminders and debriefs due at their own instant, sent by `python -m schedules tick --at` as a real
process: what is due goes, what is due later waits (and the tick says when), nothing goes twice."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.commands import AddInterview
from bot.principles import parse_principles
from bot.services import interviews
from bot.services.candidates import Who, candidate_for
from tests.conftest import CANDIDATE
from tests.support.factories import local, make_candidate, prompts_of
from tests.support.fake_slack import TEAM_ID
from tests.test_clock_processes import World, world  # noqa: F401 - the fixture

pytestmark = pytest.mark.processes

LOOP = date(2026, 12, 16)


def at(hour: int, minute: int = 0) -> datetime:
    return local(LOOP, hour, minute)


def test_tick_at_sends_each_reminder_and_debrief_at_its_time_once(world: World) -> None:  # noqa: F811
    candidate_id = make_candidate(world.deps, CANDIDATE, loop_date=LOOP)
    with world.deps.sessions.begin() as session:
        candidate = candidate_for(session, Who(TEAM_ID, CANDIDATE), now=world.deps.clock.now())
        for name, principles, hour in (("Natesh", "backbone", 10), ("Keesha", "dive deep", 13)):
            command = AddInterview(
                name, tuple(parse_principles(principles)), at=datetime(2026, 12, 16, hour, 0)
            )
            interviews.add_interview(session, candidate, command, now=world.deps.clock.now())

    steps = [
        (at(8, 59), 0, None),
        # the kit; four messages wait, the first at 09:30 New York time (14:30 UTC)
        (at(9, 0), 1, "; 4 due later, the next at 2026-12-16T14:30:00+00:00"),
        (at(9, 29), 0, "; 4 due later"),
        (at(9, 30), 1, "; 3 due later, the next at 2026-12-16T16:00:00+00:00"),  # Natesh's reminder
        (at(9, 30), 0, "; 3 due later"),  # a second clock at the same minute sends nothing
        (at(11, 0), 1, "; 2 due later"),  # Natesh's debrief, an hour after the start
        (at(12, 30), 1, "; 1 due later"),  # Keesha's reminder
        (at(14, 0), 1, None),  # Keesha's debrief; nothing left
    ]
    for moment, sent, later in steps:
        result = world.tick(moment)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"tick: {sent} sent, 0 failed"), (moment, result.stdout)
        if later:
            assert later in result.stdout, (moment, result.stdout)
        else:
            assert "due later" not in result.stdout, (moment, result.stdout)
    texts = [post.params["text"] for post in world.fake.posts()]
    assert [text.split("\n")[0] for text in texts] == [
        "Loop day cheat sheet",
        "⏰ In 30 minutes: Natesh at 10:00",
        "Debrief: Natesh",
        "⏰ In 30 minutes: Keesha at 13:00",
        "Debrief: Keesha",
    ]
    assert {p.status for p in prompts_of(world.deps, candidate_id)} == {"sent"}
