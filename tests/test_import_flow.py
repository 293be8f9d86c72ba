"""Importing a prep note: from the command line, and by sending the file to the bot's DM."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.migrate import upgrade_to_head
from bot.models import Candidate, Interview, Question, Story
from tests.conftest import CANDIDATE, SHARED, Harness, new_database_url
from tests.support.fake_slack import TEAM_ID
from tests.support.snapshot import snapshot
from tests.test_processes import clean_env

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "sample-prep-note.md"
EXAMPLE = SHARED / "examples" / "loop-prep-note.md"


def notes() -> list[Path]:
    return [SAMPLE, EXAMPLE] if EXAMPLE.exists() else [SAMPLE]


def file_shared(file_id: str, user: str = CANDIDATE, channel: str = "D0CANDDM01") -> dict:
    return {
        "type": "file_shared",
        "file_id": file_id,
        "user_id": user,
        "file": {"id": file_id},
        "channel_id": channel,
        "event_ts": "1790000200.000100",
    }


@pytest.mark.parametrize("note", notes(), ids=lambda p: p.name)
def test_cli_import_is_complete_and_idempotent(backend: str, tmp_path: Path, note: Path) -> None:
    for url in new_database_url(backend, tmp_path, "import"):
        upgrade_to_head(url)
        env = clean_env(DATABASE_URL=url)
        command = ["python", "-m", "bot", "import", str(note), "--team", TEAM_ID, "--user", CANDIDATE]
        first = subprocess.run(
            command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
        )
        assert first.returncode == 0, first.stderr
        from bot.db import create_db_engine

        engine = create_db_engine(url)
        after_first = snapshot(engine)
        second = subprocess.run(
            command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
        )
        assert second.returncode == 0
        assert "Nothing changed" in second.stdout
        assert snapshot(engine) == after_first, (
            "importing the same note twice changes nothing the second time"
        )
        if note == EXAMPLE:
            assert "loop date Tuesday 30 August 2022" in first.stdout
            assert "5 interviews (5 new); 27 questions (27 new); 3 stories (3 new)" in first.stdout
            assert len(after_first["interviews"]) == 5 and len(after_first["stories"]) == 3
        else:
            assert "loop date Wednesday 16 December 2026" in first.stdout
            assert "2 interviews (2 new); 2 questions (2 new); 1 story (1 new)" in first.stdout
        engine.dispose()


def test_cli_refuses_a_note_it_cannot_read_and_saves_nothing(backend: str, tmp_path: Path) -> None:
    for url in new_database_url(backend, tmp_path, "refuse"):
        upgrade_to_head(url)
        bad = tmp_path / "groceries.md"
        bad.write_text("# Groceries\n- eggs\n")
        result = subprocess.run(
            ["python", "-m", "bot", "import", str(bad), "--team", TEAM_ID, "--user", CANDIDATE],
            env=clean_env(DATABASE_URL=url),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 1
        assert "groceries.md was not imported: I couldn't find any interviews" in result.stderr
        from bot.db import create_db_engine

        engine = create_db_engine(url)
        assert all(rows == [] for rows in snapshot(engine).values())
        engine.dispose()


@pytest.mark.parametrize("note", notes(), ids=lambda p: p.name)
def test_a_note_sent_to_the_dm_is_imported_once(app: Harness, note: Path) -> None:
    app.fake.add_file("F0NOTE0001", note.name, note.read_bytes())
    app.event(file_shared("F0NOTE0001"))
    assert app.fake.calls_to("files.info")[0].params["file"] == "F0NOTE0001"
    [download] = app.fake.calls_to("file_download")
    assert download.headers["authorization"] == f"Bearer {app.fake.token}"
    reply = app.fake.posts()[-1]
    assert reply.params["channel"] == "D0CANDDM01"
    assert reply.params["text"].startswith(f"Imported “{note.name}”")
    with app.deps.sessions.begin() as session:
        candidate = session.query(Candidate).one()
        interviews = session.query(Interview).order_by(Interview.position).all()
        counts = (len(interviews), session.query(Question).count(), session.query(Story).count())
        names = [i.interviewer for i in interviews]
        principles = [i.principles for i in interviews]
        loop_date = candidate.loop_date
    if note == EXAMPLE:
        assert loop_date.isoformat() == "2022-08-30"
        assert counts == (5, 27, 3)
        assert names == ["Natesh", "John Lyon Smith", "Keesha", "Ayan Joyi", "David Christian"]
        assert principles[0] == [
            "Have Backbone; Disagree and Commit",
            "Earn Trust",
            "Hire and Develop the Best",
        ]
    else:
        assert loop_date.isoformat() == "2026-12-16" and counts == (2, 2, 1)
        status = app.prep("status")
        assert "15 days to your loop" in status and "Customer Obsession — 0 answers · — · 1 story" in status

    before = snapshot(app.deps.engine)
    app.fake.add_file("F0NOTE0002", note.name, note.read_bytes())
    app.event(file_shared("F0NOTE0002"))
    assert "Nothing changed" in app.fake.posts()[-1].params["text"]
    assert snapshot(app.deps.engine) == before


def test_files_that_are_not_notes_are_refused_with_the_reason(app: Harness) -> None:
    app.fake.add_file("F0IMAGE001", "whiteboard.png", b"\x89PNG...", filetype="png")
    app.event(file_shared("F0IMAGE001"))
    assert "isn't a Markdown file" in app.fake.posts()[-1].params["text"]
    app.fake.add_file("F0GROCERY1", "groceries.md", b"# Groceries\n- eggs\n")
    app.event(file_shared("F0GROCERY1"))
    assert (
        "I couldn't import “groceries.md”: I couldn't find any interviews"
        in app.fake.posts()[-1].params["text"]
    )
    assert all(rows == [] for name, rows in snapshot(app.deps.engine).items() if name != "candidates")


def test_files_shared_elsewhere_are_left_alone(app: Harness) -> None:
    app.fake.add_file("F0NOTE0001", "note.md", SAMPLE.read_bytes())
    app.event(file_shared("F0NOTE0001", channel="C0GENERAL1"))
    assert app.fake.calls_to("files.info") == [] and app.fake.posts() == []


def test_the_bot_token_only_goes_to_slacks_file_host(app: Harness) -> None:
    from handlers.imports import trusted

    assert trusted("https://files.slack.com/files-pri/T1-F1/download/note.md", app.deps)
    assert trusted(app.fake.base_url + "/files/F1", app.deps)
    assert not trusted("https://evil.example.com/files/F1", app.deps)
    assert not trusted("file:///etc/passwd", app.deps)
