"""`python -m bot check`, run as a real process: no Slack settings, no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANSWER = (
    "At a grocery delivery company in 2022, our checkout was failing for 8% of customers. I was responsible "
    "for payments, and my goal was to fix it before the holiday peak. I dug into the traces and proposed "
    "caching tax rates. As a result, timeouts fell to 0.1%."
)


def run_check(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SLACK_", "DATABASE_"))}
    env["DATABASE_URL"] = "postgresql://nobody@127.0.0.1:1/none"  # would fail if the check touched it
    return subprocess.run(
        [sys.executable, "-m", "bot", "check", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_json_is_the_public_shape() -> None:
    done = run_check("--json", "--principle", "deliver", "-", stdin=ANSWER)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert list(result) == ["words", "minutes", "findings", "star", "score"]
    assert isinstance(result["words"], int) and isinstance(result["minutes"], float)
    assert result["star"] == {"situation": True, "task": True, "action": True, "result": True}
    assert result["findings"] == ["too_short"] and result["score"] == 4


def test_a_file_and_a_drill_in_plain_text(tmp_path: Path) -> None:
    answer = tmp_path / "design.txt"
    answer.write_text("I would put a cache in front of a database.", encoding="utf-8")
    done = run_check("--focus", "system design", str(answer))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("📝 Answer check: ")
    assert "System Design checklist: Requirements ✗" in done.stdout
    assert "*" not in done.stdout, "the terminal gets plain text, not Slack mrkdwn"


def test_bad_input_gets_one_line_and_exit_two(tmp_path: Path) -> None:
    for args, said in (
        (("--principle", "teamwork", "-"), "“teamwork” is not a Leadership Principle"),
        (("--focus", "basket weaving", "-"), "not a focus I can check"),
        ((str(tmp_path / "missing.txt"),), "cannot read"),
        (("-",), "holds no answer"),
    ):
        done = run_check(*args, stdin="" if args == ("-",) else ANSWER)
        assert done.returncode == 2 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1 and said in done.stderr, done.stderr
