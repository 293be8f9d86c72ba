"""`python -m bot try` in a process of its own, and Debian's Chromium driven by Playwright.

The process says it is ready by printing its address; nothing here sleeps. Chromium comes from
`apt-get install chromium` (.ci/run installs it): Playwright's own browser download is not used.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
READY = re.compile(r"Loop Coach playground: (http://127\.0\.0\.1:\d+/try)")


def need_browser() -> Any:
    """Playwright's sync API, or a skip that says why (a failure in CI, where the browser test must run)."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    try:
        from playwright import sync_api
    except ImportError:
        problem = problem or "Playwright is not installed (pip install -e '.[dev]')"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"the browser test must run in CI: {problem}")
        pytest.skip(problem)
    return sync_api


@dataclass
class PlaygroundProcess:
    process: subprocess.Popen[str]
    url: str
    output: list[str] = field(default_factory=list)

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)  # a loaded CI machine: readiness, not speed, is tested
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGUSR1)  # every thread's stack, into the output
                time.sleep(1)  # only for the stack dump to be written; the test fails either way
                self.process.kill()
                self.process.wait()
        return "".join(self.output)


@contextlib.contextmanager
def playground_process(*args: str, timeout: float = 60.0) -> Iterator[PlaygroundProcess]:
    """`python -m bot try --no-browser --port 0 ARGS`, once it has printed its address."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_") and k != "DATABASE_URL"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "try", "--no-browser", "--port", "0", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    output: list[str] = []

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    url = None
    while url is None:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            process.kill()
            raise AssertionError(f"the playground never said it was ready: {''.join(output)}") from None
        if line is None:
            raise AssertionError(f"the playground exited before it was ready: {''.join(output)}")
        found = READY.search(line)
        url = found.group(1) if found else None
    running = PlaygroundProcess(process, url, output)
    try:
        yield running
    finally:
        running.stop()


@contextlib.contextmanager
def chromium_page(sync_api: Any, width: int = 1440, height: int = 900) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_default_timeout(20_000)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.errors = errors
            yield page
        finally:
            browser.close()


@contextlib.contextmanager
def screenshot_on_failure(page: Any, folder: Path, name: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        folder.mkdir(parents=True, exist_ok=True)
        shot = folder / f"{name}.png"
        with contextlib.suppress(Exception):
            page.screenshot(path=str(shot), full_page=True)
            (folder / f"{name}.html").write_text(page.content(), encoding="utf-8")
        print(f"\nplayground test failed: screenshot at {shot}", file=sys.stderr)
        raise
