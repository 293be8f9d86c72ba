"""`/prep export` through the real HTTP endpoint, and `python -m bot export` from the command line."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from bot.clock import FixedClock
from bot.db import create_db_engine
from bot.deps import build_deps
from bot.migrate import upgrade_to_head
from bot.models import Candidate
from tests.conftest import BOT_TOKEN, CANDIDATE, START, Harness, new_database_url, test_settings
from tests.support.data_seed import DEFAULT_SAID, Said, seed_prep
from tests.support.fake_slack import TEAM_ID
from tests.support.fake_uploads import FakeSlackWithUploads, Upload
from tests.test_processes import clean_env

REVIEWER = "UREV00001"


@pytest.fixture
def fake_slack() -> Iterator[FakeSlackWithUploads]:
    fake = FakeSlackWithUploads(token=BOT_TOKEN).start()
    fake.add_user(CANDIDATE, tz="America/New_York", name="casey")
    fake.add_user(REVIEWER, name="maria")
    yield fake
    fake.stop()


def exported(app: Harness) -> tuple[str, list[dict[str, str]], list[Upload]]:
    """The Markdown text and CSV rows shared in the candidate's DM."""
    dm = app.fake.conversations[(CANDIDATE,)]
    shared = app.fake.shared_files(dm)
    [md] = [u for u in shared if u.filename.endswith(".md")]
    [table] = [u for u in shared if u.filename.endswith(".csv")]
    assert md.content is not None and table.content is not None
    rows = list(csv.DictReader(io.StringIO(table.content.decode("utf-8-sig"), newline="")))
    return md.content.decode("utf-8"), rows, shared


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_export_sends_both_files_to_the_dm_through_the_current_upload_flow(app: Harness) -> None:
    tricky = Said(
        "Dive Deep",
        "Tell me about a time you were wrong.",
        '=HYPERLINK("http://evil.example") — said "no", then: 3,000 users &lt;3\n# not a heading',
        "Nice, <@UREV00001> agrees",
        2,
    )
    seed_prep(app.deps, CANDIDATE, said=(*DEFAULT_SAID, tricky))
    reply = app.prep("export")
    assert "I've sent your data to our DM" in reply

    calls = [m for m in app.fake.method_names() if m.startswith("file")]
    assert calls == [
        "files.getUploadURLExternal",
        "files.getUploadURLExternal",
        "file_upload",
        "file_upload",
        "files.completeUploadExternal",
    ]
    assert "files.upload" not in app.fake.method_names()
    markdown, rows, shared = exported(app)
    assert all(u.comment and "Your Loop Coach data" in u.comment for u in shared)

    # The loop plan
    assert "- Loop date: 2026-12-16 (Wednesday)" in markdown
    assert "- Daily question at 09:00" in markdown
    assert f"- Reviewers: maria ({REVIEWER})" in markdown
    assert (
        "- Interview 1: Natesh — 2026-12-16 (Wednesday) — Have Backbone; Disagree and Commit, Earn Trust"
        in markdown
    )
    assert "- Interview 2: Keesha" in markdown
    assert "  - story for Dive Deep: “Cut checkout latency”" in markdown
    # Answers by principle (canonical order), each with its question, check, rating and feedback
    titles = headings(markdown)
    assert titles.index("Dive Deep") < titles.index("Have Backbone; Disagree and Commit")
    assert titles.index("Answers") < titles.index("Dive Deep") < titles.index("Stories")
    for said in DEFAULT_SAID:
        assert f"**Question:** {said.question}" in markdown
        assert f"> {said.answer}" in markdown
        assert f"{said.score}/5 from maria ({REVIEWER})" in markdown
        assert said.feedback.rstrip(".") in markdown
    assert markdown.count("Answer check") == 3
    assert "\\# not a heading" in markdown and "not a heading" not in titles
    assert "Take your time on this one." in markdown  # a reply before any answer
    # Stories and own questions
    assert "Cut checkout latency" in titles
    assert "When did you fix what nobody owned?" in markdown

    assert [row["principle"] for row in rows] == [s.principle for s in (*DEFAULT_SAID, tricky)]
    assert rows[0]["question"] == DEFAULT_SAID[0].question
    assert rows[0]["answer"] == DEFAULT_SAID[0].answer
    assert rows[0]["average_rating"] == "4.0" and rows[0]["ratings"] == f"maria ({REVIEWER}): 4"
    assert rows[0]["feedback"] == f"maria ({REVIEWER}): {DEFAULT_SAID[0].feedback}"
    assert "Answer check" in rows[0]["answer_check"] and rows[0]["check_score"] in {"1", "2", "3", "4", "5"}
    # Slack's escapes are undone, and a formula is made text
    assert rows[2]["answer"] == "'" + tricky.answer.replace("&lt;", "<")


def test_export_for_someone_with_no_data_says_so_and_creates_nothing(app: Harness) -> None:
    reply = app.prep("export")
    assert "holds nothing of yours" in reply
    assert not app.fake.calls_to("files.getUploadURLExternal")
    with app.deps.sessions.begin() as session:
        assert session.query(Candidate).count() == 0


def test_export_is_only_ever_the_callers_own_data(app: Harness) -> None:
    seed_prep(
        app.deps, "U0OTHER001", said=(Said("Ownership", "Q?", "secret answer of someone else", "ok", 3),)
    )
    seed_prep(
        app.deps, CANDIDATE, team="T0ELSEWHERE", said=(Said("Ownership", "Q?", "other workspace", "ok", 3),)
    )
    assert "holds nothing of yours" in app.prep("export")
    seed_prep(app.deps, CANDIDATE)
    app.prep("export")
    markdown, rows, _ = exported(app)
    assert "secret answer" not in markdown and "other workspace" not in markdown
    assert len(rows) == len(DEFAULT_SAID)


def test_a_failed_upload_is_apologised_for(app: Harness) -> None:
    seed_prep(app.deps, CANDIDATE)
    app.fake.refuse("files.completeUploadExternal", "not_in_channel")
    app.command("export")
    assert "Sorry, Loop Coach hit a problem" in app.fake.last_response_text()


def run_export(url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["python", "-m", "bot", "export", *args],
        env=clean_env(DATABASE_URL=url),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_export_writes_markdown_and_csv_without_slack(
    backend: str, tmp_path: Path, fake_slack: FakeSlackWithUploads
) -> None:
    for url in new_database_url(backend, tmp_path, "export"):
        upgrade_to_head(url)
        engine = create_db_engine(url)
        seed_prep(
            build_deps(test_settings(url, fake_slack), clock=FixedClock(START), engine=engine), CANDIDATE
        )
        engine.dispose()

        printed = run_export(url, tmp_path, "--team", TEAM_ID, "--user", CANDIDATE)
        assert printed.returncode == 0, printed.stderr
        assert printed.stdout.startswith(f"# Loop Coach export for {CANDIDATE}")
        assert f"> {DEFAULT_SAID[0].answer}" in printed.stdout

        written = run_export(url, tmp_path, "--team", TEAM_ID, "--user", CANDIDATE, "-o", "answers.csv")
        assert written.returncode == 0, written.stderr
        rows = list(
            csv.DictReader(io.StringIO((tmp_path / "answers.csv").read_text("utf-8-sig"), newline=""))
        )
        assert [row["answer"] for row in rows] == [s.answer for s in DEFAULT_SAID]

        unknown = run_export(url, tmp_path, "--team", TEAM_ID, "--user", "U0NOBODY01", "--format", "md")
        assert unknown.returncode == 1
        assert (
            unknown.stderr.strip()
            == f"loop-coach: no Loop Coach data for user U0NOBODY01 in workspace {TEAM_ID}."
        )


def test_cli_export_on_an_unmigrated_database_says_migrate_first(tmp_path: Path) -> None:
    result = run_export(f"sqlite:///{tmp_path}/new.db", tmp_path, "--team", TEAM_ID, "--user", CANDIDATE)
    assert result.returncode == 1
    assert "run `python -m bot migrate` first" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_slack_escaped_shows_as_typed(app: Harness) -> None:
    """Slack sends `R&D <3` in a slash command as `R&amp;D &lt;3`; the files show what was typed."""
    app.prep("interview add R&amp;D &lt;3: ownership")
    app.prep("question add ownership: Pros &amp; cons of owning it?")
    app.prep("export")
    markdown, _, _ = exported(app)
    assert "- Interview 1: R\\&D \\<3 — on the loop day — Ownership" in markdown
    assert "- Ownership: Pros \\& cons of owning it?" in markdown
