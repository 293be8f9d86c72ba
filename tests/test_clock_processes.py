"""The clock as real processes: `python -m schedules tick --at`, two clocks racing, a clock killed."""

from __future__ import annotations

import os
import signal
import subprocess
import time as wall
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.clock import FixedClock
from bot.deps import Deps, build_deps
from bot.migrate import upgrade_to_head
from tests.conftest import BOT_TOKEN, CANDIDATE, SIGNING_SECRET, START, new_database_url, test_settings
from tests.support.factories import local, make_candidate, prompts_of
from tests.support.fake_slack import FakeSlack
from tests.test_processes import clean_env

pytestmark = pytest.mark.processes

LOOP = date(2026, 12, 16)
INTERVIEWS = [("Natesh", "backbone, earn trust"), ("Keesha", "learn and be curious, invent and simplify")]


@dataclass
class World:
    deps: Deps
    fake: FakeSlack
    env: dict[str, str]
    cwd: Path

    def tick_command(self, at: datetime) -> list[str]:
        return ["python", "-m", "schedules", "tick", "--at", at.isoformat()]

    def tick(self, at: datetime) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.tick_command(at),
            env=self.env,
            cwd=self.cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def start_tick(self, at: datetime) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.tick_command(at),
            env=self.env,
            cwd=self.cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )


@pytest.fixture
def world(backend: str, tmp_path: Path) -> Iterator[World]:
    for url in new_database_url(backend, tmp_path, "clock"):
        upgrade_to_head(url)
        fake = FakeSlack(token=BOT_TOKEN).start()
        deps = build_deps(test_settings(url, fake), clock=FixedClock(START))
        env = clean_env(
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_URL=fake.api_url,
            DATABASE_URL=url,
            LOG_LEVEL="INFO",
        )
        try:
            yield World(deps, fake, env, tmp_path)
        finally:
            fake.stop()
            deps.engine.dispose()


def test_tick_at_posts_exactly_what_is_due(world: World) -> None:
    make_candidate(world.deps, CANDIDATE, loop_date=LOOP, interviews_spec=INTERVIEWS)
    for at, expected in [
        (local(date(2026, 12, 1), 8, 58), 0),
        (local(date(2026, 12, 1), 9, 0), 1),
        (local(date(2026, 12, 1), 9, 5), 0),
    ]:
        before = len(world.fake.posts())
        result = world.tick(at)
        assert result.returncode == 0, result.stderr
        assert len(world.fake.posts()) - before == expected, f"at {at}: {result.stdout}"
    first = world.fake.posts()[0].params["text"]
    assert first.startswith("Have Backbone; Disagree and Commit — For Natesh (interview 1")
    assert "15 days to your loop" in first
    assert world.tick(local(date(2026, 12, 2), 9, 0)).returncode == 0
    second = world.fake.posts()[1].params["text"]
    assert (
        second.startswith("Learn and Be Curious — For Keesha (interview 2")
        and "14 days to your loop" in second
    )


def test_two_clocks_racing_the_same_minute_post_once_per_candidate(world: World) -> None:
    users = [f"U0RACE{n:04d}" for n in range(24)]  # within the pacer's burst of conversations.open
    for user in users:
        make_candidate(world.deps, user, loop_date=LOOP, interviews_spec=INTERVIEWS)
    at = local(date(2026, 12, 1), 9, 0)
    clocks = [world.start_tick(at) for _ in range(2)]
    outputs = [clock.communicate(timeout=120)[0] for clock in clocks]
    assert all(clock.returncode == 0 for clock in clocks), outputs
    per_channel = Counter(call.params["channel"] for call in world.fake.posts())
    assert len(per_channel) == len(users) and set(per_channel.values()) == {1}, outputs
    sent_by = [int(output.split("tick: ")[1].split(" sent")[0]) for output in outputs]
    assert sum(sent_by) == len(users), f"the clocks shared the work: {sent_by}"


def kill_when(world: World, process: subprocess.Popen[str], method: str, count: int) -> None:
    deadline = wall.monotonic() + 30
    while len(world.fake.calls_to(method)) < count:
        assert wall.monotonic() < deadline, "the clock never got that far"
        wall.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def test_a_clock_killed_while_posting_resumes_without_duplicates(world: World) -> None:
    users = [CANDIDATE, "U0SECOND01", "U0THIRD001"]
    ids = [make_candidate(world.deps, user, loop_date=LOOP, interviews_spec=INTERVIEWS) for user in users]
    world.fake.stall("chat.postMessage", 2.0, times=3)  # Slack is slow, but does post them
    clock = world.start_tick(local(date(2026, 12, 1), 9, 0))
    kill_when(world, clock, "chat.postMessage", 3)
    # the stalled posts land in Slack after the clock died
    world.fake.wait_for(lambda fake: sum(len(messages) for messages in fake.history.values()) == 3)
    assert world.tick(local(date(2026, 12, 1), 9, 2)).returncode == 0  # inside the lease: hands off
    assert world.tick(local(date(2026, 12, 1), 9, 7)).returncode == 0
    assert len(world.fake.posts()) == 3, "nothing was posted twice"
    assert [prompts_of(world.deps, cid)[0].status for cid in ids] == ["sent"] * 3


def test_a_clock_killed_before_posting_loses_nothing(world: World) -> None:
    users = [CANDIDATE, "U0SECOND01"]
    ids = [make_candidate(world.deps, user, loop_date=LOOP, interviews_spec=INTERVIEWS) for user in users]
    world.fake.stall("conversations.open", 3.0, times=2)
    clock = world.start_tick(local(date(2026, 12, 1), 9, 0))
    kill_when(world, clock, "conversations.open", 1)  # both rows are taken; the first is opening
    assert world.fake.posts() == []
    assert world.tick(local(date(2026, 12, 1), 9, 7)).returncode == 0
    per_channel = Counter(call.params["channel"] for call in world.fake.posts())
    assert len(per_channel) == 2 and set(per_channel.values()) == {1}
    assert [prompts_of(world.deps, cid)[0].status for cid in ids] == ["sent", "sent"]


def test_the_scheduler_ticks_every_minute_in_utc() -> None:
    from schedules.__main__ import build_scheduler

    fake = FakeSlack(token=BOT_TOKEN)
    deps = build_deps(test_settings("sqlite://", fake), clock=FixedClock(START))
    scheduler = build_scheduler(deps)
    [job] = scheduler.get_jobs()
    assert (job.id, job.coalesce, job.max_instances, job.misfire_grace_time) == ("tick", True, 1, 50)
    assert str(scheduler.timezone) == "UTC"
    assert str(job.trigger) == "cron[second='0']"


def start_clock(world: World) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["python", "-m", "schedules"],
        env={**world.env, "LOG_LEVEL": "DEBUG"},
        cwd=world.cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def read_until(process: subprocess.Popen[str], marker: str, timeout: float = 30) -> list[str]:
    """Lines of the process's output up to and including the first that holds `marker`."""
    assert process.stdout is not None
    deadline = wall.monotonic() + timeout
    lines: list[str] = []
    while wall.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"the process ended before saying {marker!r}:\n{''.join(lines)}")
        lines.append(line)
        if marker in line:
            return lines
    raise AssertionError(f"no {marker!r} within {timeout} s:\n{''.join(lines)}")


@pytest.mark.parametrize(
    ("moment", "stop_with"),
    [
        ("clock started", signal.SIGTERM),  # running
        ("clock starting", signal.SIGTERM),  # settings read, scheduler not yet started: the old race
        ("clock starting", signal.SIGINT),  # Ctrl-C in a terminal
        ("clock started", signal.SIGINT),
    ],
)
def test_the_clock_process_stops_cleanly_whenever_the_signal_comes(
    world: World, moment: str, stop_with: signal.Signals
) -> None:
    clock = start_clock(world)
    lines = read_until(clock, moment)
    os.killpg(clock.pid, stop_with)
    output = "".join(lines) + clock.communicate(timeout=30)[0]
    assert clock.returncode == 0, output
    assert output.count("clock stopped") == 1, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    if moment == "clock started":
        assert "clock started: one tick a minute, UTC" in output
