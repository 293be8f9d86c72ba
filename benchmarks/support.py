"""What every benchmark needs: a PostgreSQL database, a fake Slack in its own process, seeded
candidates, processes to start and stop, and a table on stdout plus a JSON file of figures."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, insert, make_url, text

from bot.migrate import upgrade_to_head
from bot.models import Candidate, Interview, Reviewer
from bot.settings import normalise_database_url

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
BOT_TOKEN = "xoxb-bench-fake-token"
SIGNING_SECRET = "bench-signing-secret-5e1f"
TEAM = "T0BENCHMRK"


def admin_url() -> str:
    return normalise_database_url(
        os.environ.get("BENCH_DATABASE_URL")
        or os.environ.get("TEST_DATABASE_URL")
        or "postgresql://postgres@127.0.0.1:5432/postgres"
    )


@contextlib.contextmanager
def postgres_database(tag: str) -> Iterator[str]:
    """A fresh database, migrated, dropped afterwards."""
    admin = create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    name = f"loop_coach_bench_{tag}_{secrets.token_hex(3)}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url()).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade_to_head(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def seed_candidates(
    engine: Engine,
    count: int,
    *,
    due_at: datetime,
    due: int | None = None,
    warm: bool = False,
    loop_date: date = date(2026, 12, 16),
    start: int = 0,
    team: str = TEAM,
    channel_prefix: str = "D",
) -> None:
    """`count` candidates with two interviews each; the first `due` (all by default) are due at
    `due_at`, the rest a day later. `warm`: their prep conversation is already cached, as a channel
    named `channel_prefix` + a number."""
    due = count if due is None else due
    later = due_at.replace(day=due_at.day + 1) if due_at.day < 28 else due_at
    chunk = 5000
    with engine.begin() as connection:
        for first in range(start, start + count, chunk):
            rows = []
            for n in range(first, min(first + chunk, start + count)):
                user = f"U{n:09d}"
                rows.append(
                    {
                        "team_id": team,
                        "user_id": user,
                        "loop_date": loop_date,
                        "prompt_time": clock_time(9),
                        "tz": "America/New_York",
                        "paused": False,
                        "next_prompt_at": due_at if n - start < due else later,
                        "prep_channel_id": f"{channel_prefix}{n:09d}" if warm else None,
                        "prep_channel_members": user if warm else None,
                        "created_at": due_at,
                    }
                )
            connection.execute(insert(Candidate), rows)
        ids = [
            row[0] for row in connection.execute(text("SELECT id FROM candidates WHERE id > 0 ORDER BY id"))
        ]
        ids = ids[-count:]
        for first in range(0, len(ids), chunk):
            connection.execute(
                insert(Interview),
                [
                    {
                        "candidate_id": cid,
                        "position": position,
                        "interviewer": name,
                        "principles": principles,
                        "created_at": due_at,
                    }
                    for cid in ids[first : first + chunk]
                    for position, name, principles in (
                        (1, "Natesh", ["Have Backbone; Disagree and Commit", "Earn Trust"]),
                        (2, "Keesha", ["Learn and Be Curious", "Invent and Simplify"]),
                    )
                ],
            )


def add_reviewer(engine: Engine, candidate_user: str, reviewer: str, at: datetime) -> None:
    with engine.begin() as connection:
        cid = connection.execute(
            text("SELECT id FROM candidates WHERE user_id = :u"), {"u": candidate_user}
        ).scalar()
        connection.execute(insert(Reviewer), [{"candidate_id": cid, "user_id": reviewer, "added_at": at}])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class FakeSlackProcess:
    """The fake Slack Web API in a process of its own, so it never competes with us for the GIL."""

    def __init__(self, limits: str = "", scale: float = 1.0) -> None:
        self.port = free_port()
        command = [
            sys.executable,
            "-m",
            "benchmarks.fake_slack_server",
            "--port",
            str(self.port),
            "--token",
            BOT_TOKEN,
            "--scale",
            str(scale),
        ]
        if limits:
            command += ["--limits", limits]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_until(lambda: self.stats() is not None, what="the fake Slack to start")

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def stats(self) -> dict[str, Any] | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stats", timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            return None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def start_web(
    entry: str, *, database_url: str, fake: FakeSlackProcess, port: int, workers: int = 2
) -> subprocess.Popen[bytes]:
    """A web process under the Procfile's gunicorn settings, serving `entry`, once it listens."""
    env = process_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=database_url,
        PORT=str(port),
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY=str(workers),
        WEB_THREADS="8",
    )
    process = start(["gunicorn", "-c", "python:bot.gunicorn_conf", entry], env)
    wait_until(lambda: port_open(port), what=f"{entry} on port {port}")
    return process


def wait_until(condition: Any, *, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.05)


def process_env(**settings: str) -> dict[str, str]:
    env = {
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": str(ROOT),
    }
    env.update(settings)
    return env


def start(command: Sequence[str], env: dict[str, str], log: Path | None = None) -> subprocess.Popen[bytes]:
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        list(command), cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    process.wait(timeout=30)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[format_cell(value) for value in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(value.rjust(w) for value, w in zip(row, widths, strict=True)))


def format_cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def write_results(name: str, figures: dict[str, Any], *, quick: bool = False) -> Path:
    """The figures of a full run; a quick (smoke) run writes NAME.quick.json, which git ignores."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}{'.quick' if quick else ''}.json"
    figures = {
        "benchmark": name,
        "measured_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        **figures,
    }
    path.write_text(json.dumps(figures, indent=2, default=str) + "\n")
    return path


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "load_average_1m_at_end": round(os.getloadavg()[0], 2),
    }


def start_worker(
    *, database_url: str, fake: FakeSlackProcess, log: Path | None = None, **extra: str
) -> subprocess.Popen[bytes]:
    """`python -m bot worker` (the Procfile's worker), once it says it is ready."""
    env = process_env(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.api_url,
        DATABASE_URL=database_url,
        LOG_LEVEL="INFO",
        **extra,
    )
    log = log or Path(f"/tmp/loop-coach-bench-worker-{secrets.token_hex(3)}.log")
    process = start([sys.executable, "-m", "bot", "worker"], env, log)
    wait_until(lambda: "worker ready" in log.read_text(errors="replace"), what="the worker to start")
    return process


def queue_unfinished(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(
                    text("SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')")
                ).scalar()
                or 0
            )
    finally:
        engine.dispose()


def drain(url: str, timeout: float = 600.0) -> float:
    """Wait until the queue is empty; returns how long that took."""
    started = time.monotonic()
    wait_until(lambda: queue_unfinished(url) == 0, what="the queue to drain", timeout=timeout)
    return time.monotonic() - started


def load_average() -> float:
    return os.getloadavg()[0]


def spread(values: Sequence[float]) -> dict[str, float]:
    """Median and range, the way every figure here is reported."""
    ordered = sorted(values)
    return {
        "median": round(
            ordered[len(ordered) // 2]
            if len(ordered) % 2
            else sum(ordered[len(ordered) // 2 - 1 : len(ordered) // 2 + 1]) / 2,
            3,
        ),
        "min": round(ordered[0], 3),
        "max": round(ordered[-1], 3),
    }
