"""`python -m bot worker` as a real process for tests, and a way to wait until its queue is empty."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, text

REPO = Path(__file__).resolve().parents[2]
READY = "worker ready"


class WorkerProcess:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        self._output = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "worker"],
            cwd=REPO,
            env={"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), **env},
            stdout=self._output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 60.0) -> WorkerProcess:
        deadline = time.monotonic() + timeout
        while READY not in self.output():
            if self.process.poll() is not None:
                raise AssertionError(f"the worker exited: {self.output()[-2000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the worker never said it was ready: {self.output()[-2000:]}")
            time.sleep(0.05)
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """kill -9, as a crash would: no goodbye, jobs left as they were."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self._output.close()


UNFINISHED = text(
    "SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing'"
    " OR (status = 'todo' AND (scheduled_at IS NULL OR scheduled_at <= now() + interval '2 seconds'))"
)


def wait_for_queue(engine: Engine, timeout: float = 30.0) -> None:
    """Until no job is running or ready to run (retries scheduled later do not count)."""
    deadline = time.monotonic() + timeout
    while True:
        with engine.connect() as connection:
            if not connection.execute(UNFINISHED).scalar():
                return
        if time.monotonic() > deadline:
            raise AssertionError("jobs still queued or running after the timeout")
        time.sleep(0.01)


def forget_jobs(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM procrastinate_jobs WHERE status <> 'doing'"))
