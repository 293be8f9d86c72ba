"""A first run as a person meets it in a terminal: `make run` / `python -m bot up`, Ctrl-C, a wrong
token, an unreachable Slack, an unmigrated database, `tick --dry-run`, `benchmarks --help`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.clock import FixedClock
from bot.deps import build_deps
from bot.migrate import upgrade_to_head
from bot.models import Candidate, Prompt
from tests.conftest import BOT_TOKEN, CANDIDATE, REPO, SIGNING_SECRET, START, test_settings
from tests.support.factories import local, make_candidate
from tests.support.fake_slack import FakeSlack
from tests.test_clock_processes import read_until
from tests.test_processes import clean_env, free_port, run

pytestmark = pytest.mark.processes


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    slack = FakeSlack(token=BOT_TOKEN).start()
    yield slack
    slack.stop()


def slack_env(fake: FakeSlack, database_url: str, **more: str) -> dict[str, str]:
    return clean_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=database_url,
        **more,
    )


def sessions_alive(session_ids: set[int]) -> list[str]:
    """Processes still running in any of these sessions (Linux /proc), as 'pid command'."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] != "Z" and int(fields[3]) in session_ids:  # state, ppid, pgrp, session
            alive.append(f"{entry.name} {stat[: stat.rindex(')') + 1]}")
    return alive


def children_sessions(pid: int) -> set[int]:
    """The session ids of a process's direct children (each child of `up` leads its own)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == pid:
                found.add(int(fields[3]))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find leftover processes")
@pytest.mark.parametrize("stop_with", [signal.SIGINT, signal.SIGTERM])
def test_up_runs_the_bot_and_clock_and_one_signal_stops_everything(
    fake: FakeSlack, tmp_path: Path, stop_with: signal.Signals
) -> None:
    database = tmp_path / "up.db"
    env = slack_env(fake, f"sqlite:///{database}", PORT=str(free_port()), WEB_CONCURRENCY="1")
    up = subprocess.Popen(
        ["python", "-m", "bot", "up"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job is
    )
    try:
        lines = read_until(up, "web ready")
        lines += [] if any("clock started" in line for line in lines) else read_until(up, "clock started")
        sessions = children_sessions(up.pid)
        assert len(sessions) == 2, "the bot and the clock, each in a session of its own"
        os.killpg(up.pid, stop_with)  # what Ctrl-C in the terminal does: the whole foreground group
        output = "".join(lines) + up.communicate(timeout=60)[0]
    finally:
        if up.poll() is None:
            os.killpg(up.pid, signal.SIGKILL)
    assert up.returncode == 0, output
    assert output.count("clock stopped") == 1 and output.count("web stopped") == 1, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert sessions_alive(sessions) == [], "every child, job processes included, is gone"
    assert BOT_TOKEN not in output and SIGNING_SECRET not in output


def installed_venv() -> Path:
    venv = Path(sys.executable).parent.parent
    if not (venv / ".installed").exists():
        pytest.skip(f"{venv} was not set up by make (no .installed), so `make run` would reinstall it")
    return venv


def test_make_run_with_a_missing_setting_says_so_once_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    env = clean_env(SLACK_SIGNING_SECRET=SIGNING_SECRET, DATABASE_URL=f"sqlite:///{database}")
    result = run(["make", "-s", "-C", str(REPO), "run", f"VENV={installed_venv()}"], env, tmp_path)
    assert result.returncode == 2
    ours = [line for line in result.stderr.splitlines() if line.startswith("loop-coach:")]
    assert ours == [ours[0]] and "missing setting SLACK_BOT_TOKEN" in ours[0], result.stderr
    assert "Terminated" not in result.stderr and "Traceback" not in result.stderr
    assert not database.exists(), "settings are checked before anything is created on disk"


def socket_env(fake: FakeSlack, tmp_path: Path, **overrides: str) -> dict[str, str]:
    url = f"sqlite:///{tmp_path / 'socket.db'}"
    upgrade_to_head(url)
    env = slack_env(fake, url, SLACK_APP_TOKEN=fake.app_token)
    env.update(overrides)
    return env


def test_socket_mode_with_a_wrong_bot_token_is_one_line(fake: FakeSlack, tmp_path: Path) -> None:
    env = socket_env(fake, tmp_path, SLACK_BOT_TOKEN="xoxb-not-the-right-one")
    result = run(["python", "-m", "bot"], env, tmp_path, timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert "SLACK_BOT_TOKEN" in result.stderr and "invalid_auth" in result.stderr
    assert "xoxb-not-the-right-one" not in result.stderr


def test_socket_mode_with_a_wrong_app_token_is_one_line(fake: FakeSlack, tmp_path: Path) -> None:
    env = socket_env(fake, tmp_path, SLACK_APP_TOKEN="xapp-1-not-the-right-one")
    result = run(["python", "-m", "bot"], env, tmp_path, timeout=30)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert "SLACK_APP_TOKEN" in result.stderr and "invalid_auth" in result.stderr


def test_socket_mode_with_slack_unreachable_is_one_line_and_quick(fake: FakeSlack, tmp_path: Path) -> None:
    nobody = f"http://127.0.0.1:{free_port()}/api/"  # a port with nothing listening
    env = socket_env(fake, tmp_path, SLACK_API_URL=nobody)
    began = time.monotonic()
    result = run(["python", "-m", "bot"], env, tmp_path, timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert f"cannot reach Slack at {nobody}" in result.stderr
    assert time.monotonic() - began < 10, "no long retries before saying so"


def test_commands_on_an_unmigrated_database_say_to_migrate_first(
    backend: str, fake: FakeSlack, tmp_path: Path
) -> None:
    from tests.conftest import new_database_url

    note = REPO / "tests" / "fixtures" / "sample-prep-note.md"
    for url in new_database_url(backend, tmp_path, "unmigrated"):
        env = slack_env(fake, url)
        for command in (
            ["python", "-m", "bot", "import", str(note), "--team", "T1", "--user", "U1"],
            ["python", "-m", "schedules", "tick", "--at", "2026-12-01T14:00:00Z"],
            ["python", "-m", "bot"],
        ):
            result = run(command, env, tmp_path)
            assert result.returncode == 1, (command, result.stderr)
            assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
            assert "run `python -m bot migrate` first" in result.stderr
        if backend == "sqlite":
            assert not (tmp_path / "unmigrated.db").exists(), "the check does not create the file"


def test_tick_dry_run_prints_the_morning_and_sends_and_saves_nothing(
    backend: str, fake: FakeSlack, tmp_path: Path
) -> None:
    from tests.conftest import new_database_url

    for url in new_database_url(backend, tmp_path, "dryrun"):
        upgrade_to_head(url)
        deps = build_deps(test_settings(url, fake), clock=FixedClock(START))
        try:
            make_candidate(
                deps, CANDIDATE, loop_date=date(2026, 12, 16), interviews_spec=[("Natesh", "backbone")]
            )
            with deps.sessions() as session:
                due_before = session.scalar(select(Candidate.next_prompt_at))
            at = local(date(2026, 12, 1), 9, 0).isoformat()
            result = run(["python", "-m", "schedules", "tick", "--at", at, "--dry-run"], slack_env(fake, url), tmp_path)
            assert result.returncode == 0, result.stderr
            assert "1 message would be sent" in result.stdout
            assert f"To {CANDIDATE}" in result.stdout
            assert "Have Backbone; Disagree and Commit" in result.stdout and "Natesh" in result.stdout
            assert "15 days to your loop" in result.stdout
            assert fake.posts() == [] and fake.calls_to("conversations.open") == []
            with deps.sessions() as session:
                assert session.scalar(select(func.count()).select_from(Prompt)) == 0
                assert session.scalar(select(Candidate.next_prompt_at)) == due_before
            real = run(["python", "-m", "schedules", "tick", "--at", at], slack_env(fake, url), tmp_path)
            assert "tick: 1 sent" in real.stdout, "the dry run left the morning for the real tick"
        finally:
            deps.engine.dispose()


def test_benchmarks_help_prints_help_and_runs_nothing(tmp_path: Path) -> None:
    results = REPO / "benchmarks" / "results"
    before = {path.name: path.stat().st_mtime_ns for path in results.iterdir()}
    env = clean_env(PYTHONPATH=str(REPO))
    result = run(["python", "-m", "benchmarks", "--help"], env, REPO, timeout=30)
    assert result.returncode == 0 and "usage: python -m benchmarks" in result.stdout
    assert {path.name: path.stat().st_mtime_ns for path in results.iterdir()} == before
    unknown = run(["python", "-m", "benchmarks", "no_such_bench"], env, REPO, timeout=30)
    assert unknown.returncode == 2 and "unknown benchmark" in unknown.stderr
