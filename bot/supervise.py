"""`python -m bot up` (what `make run` runs): check the settings, migrate, then run the bot and its
clock as child processes until Ctrl-C or SIGTERM, and stop them all, in order, once.

Each child runs in a session of its own, so a Ctrl-C in the terminal reaches only this process,
which then asks each child to stop (SIGTERM) and waits: every child says "stopped" once, and no
job process sees a stray SIGINT. On Linux a child is also told to stop if this process dies
without a chance to (kill -9), so nothing is left ticking in the background.
"""

from __future__ import annotations

import ctypes
import logging
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from bot.lifecycle import StopSignal
from bot.migrate import upgrade_to_head
from bot.settings import Settings

logger = logging.getLogger("loop_coach.up")

STOP_GRACE_SECONDS = 25  # the clock finishes the tick in hand; gunicorn drains its requests
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Part:
    name: str
    args: tuple[str, ...]


def parts_for(settings: Settings) -> list[Part]:
    python = sys.executable
    parts = [Part("bot", (python, "-m", "bot", "run")), Part("clock", (python, "-m", "schedules"))]
    if settings.database_url.startswith("postgresql"):  # SQLite runs jobs inside the bot
        parts.append(Part("worker", (python, "-m", "bot", "worker")))
    return parts


def up(settings: Settings, stop: StopSignal) -> int:
    upgrade_to_head(settings.database_url)
    if stop.requested():  # Ctrl-C while migrating: nothing to start, nothing to stop
        return 0
    running = {part.name: start(part) for part in parts_for(settings)}
    status = 0
    while not stop.requested():
        for name, process in running.items():
            code = process.poll()
            if code is not None:
                logger.error("the %s exited with status %s; stopping the rest", name, code)
                status = code or 1
                stop.request()
        time.sleep(0.2)
    for process in running.values():
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for name, process in running.items():
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            logger.error("the %s did not stop within %d s; killing it", name, STOP_GRACE_SECONDS)
            process.kill()
            process.wait()
    return status


def start(part: Part) -> subprocess.Popen[bytes]:
    # Our own interpreter and module names, no shell: nothing here comes from input.
    return subprocess.Popen(part.args, start_new_session=True, preexec_fn=stop_with_parent)  # noqa: S603


def stop_with_parent() -> None:
    """In the child, before it runs: ask Linux for a SIGTERM if the supervisor dies."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
