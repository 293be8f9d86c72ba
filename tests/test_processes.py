"""The processes of the Procfile and the CLI, run as real subprocesses."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import inspect

from bot.db import create_db_engine
from tests.conftest import BOT_TOKEN, REPO, SIGNING_SECRET, new_database_url
from tests.support.app_server import http_request
from tests.support.fake_slack import FakeSlack
from tests.support.payloads import slash_command
from tests.support.signing import signed_headers

pytestmark = pytest.mark.processes

BIN = str(Path(sys.executable).parent)


@pytest.fixture
def fresh_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    yield from new_database_url(backend, tmp_path, "proc")


def clean_env(**settings: str) -> dict[str, str]:
    env = {
        "PATH": f"{BIN}:{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
    }
    env.update(settings)
    return env


def run(
    args: list[str], env: dict[str, str], cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def procfile() -> dict[str, str]:
    lines = (REPO / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_procfile_has_release_web_and_clock() -> None:
    processes = procfile()
    assert processes["release"] == "python -m bot migrate"
    assert processes["web"].startswith("gunicorn ")
    assert processes["clock"] == "python -m schedules"
    assert processes["worker"] == "python -m bot worker"


@pytest.mark.parametrize("missing", ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"])
def test_a_missing_setting_is_one_line_and_exit_2(tmp_path: Path, missing: str) -> None:
    settings = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    del settings[missing]
    for command in (["python", "-m", "bot"], ["python", "-m", "schedules"]):
        result = run(command, clean_env(**settings), tmp_path)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert missing in lines[0] and "README" in lines[0]
        assert "Traceback" not in result.stderr


def test_a_malformed_setting_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = clean_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET, PORT="eighty")
    result = run(["python", "-m", "bot"], env, tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "PORT" in result.stderr


def test_gunicorn_with_a_missing_setting_stops_with_one_line(tmp_path: Path) -> None:
    web = procfile()["web"]
    result = run(["bash", "-c", web], clean_env(SLACK_SIGNING_SECRET=SIGNING_SECRET), tmp_path)
    assert result.returncode != 0
    assert "missing setting SLACK_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def test_release_then_web_serve_health_and_signed_help(fresh_database_url: str, tmp_path: Path) -> None:
    fake = FakeSlack(token=BOT_TOKEN).start()
    port = free_port()
    env = clean_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=fresh_database_url,
        PORT=str(port),
        LOG_LEVEL="DEBUG",
        WEB_CONCURRENCY="1",
    )
    release = run(["bash", "-c", procfile()["release"]], env, tmp_path)
    assert release.returncode == 0, release.stderr
    assert "candidates" in inspect(create_db_engine(fresh_database_url)).get_table_names()

    web = subprocess.Popen(
        ["bash", "-c", "exec " + procfile()["web"]],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    # On PostgreSQL the Procfile's worker runs the jobs the web process queues.
    worker = (
        subprocess.Popen(
            ["bash", "-c", "exec " + procfile()["worker"]],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if fresh_database_url.startswith("postgresql")
        else None
    )
    try:
        wait_for_health(port)
        assert http_request(port, "GET", "/healthz").status == 200
        body = urlencode(slash_command("help", user="U1", response_url=fake.response_url()))
        headers = signed_headers(body, SIGNING_SECRET, content_type="application/x-www-form-urlencoded")
        assert http_request(port, "POST", "/slack/events", body, headers).status == 200
        fake.wait_for(lambda f: len(f.responses()) == 1, timeout=60)  # a job process starts cold, niced
        assert "/prep loop YYYY-MM-DD" in fake.responses()[0].params["text"]
        stale = signed_headers(
            body,
            SIGNING_SECRET,
            timestamp=int(time.time()) - 3600,
            content_type="application/x-www-form-urlencoded",
        )
        assert http_request(port, "POST", "/slack/events", body, stale).status == 401
    finally:
        if worker is not None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
        os.killpg(web.pid, signal.SIGTERM)
        output, _ = web.communicate(timeout=30)
        fake.stop()
    assert "Booting worker" in output
    for secret in (BOT_TOKEN, SIGNING_SECRET):
        assert secret not in output, "a secret reached the web process's log"


def wait_for_health(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if http_request(port, "GET", "/healthz", timeout=1).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("the web process never answered /healthz")


def test_migrate_is_idempotent(fresh_database_url: str, tmp_path: Path) -> None:
    env = clean_env(DATABASE_URL=fresh_database_url)
    for _ in range(2):
        result = run(["python", "-m", "bot", "migrate"], env, tmp_path)
        assert result.returncode == 0, result.stderr
    assert "prompts" in inspect(create_db_engine(fresh_database_url)).get_table_names()


def test_tick_at_an_instant_exits_0(fresh_database_url: str, tmp_path: Path) -> None:
    fake = FakeSlack(token=BOT_TOKEN).start()
    env = clean_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=fresh_database_url,
    )
    try:
        assert run(["python", "-m", "bot", "migrate"], env, tmp_path).returncode == 0
        result = run(["python", "-m", "schedules", "tick", "--at", "2026-12-01T14:00:00Z"], env, tmp_path)
    finally:
        fake.stop()
    assert result.returncode == 0, result.stderr
    assert "tick:" in result.stdout


@pytest.mark.parametrize("instant", ["yesterday", "2026-12-01T14:00:00"])
def test_tick_with_a_bad_instant_is_one_line_and_exit_2(tmp_path: Path, instant: str) -> None:
    env = clean_env(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET)
    result = run(["python", "-m", "schedules", "tick", "--at", instant], env, tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--at" in result.stderr
