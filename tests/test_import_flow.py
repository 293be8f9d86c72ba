"""Importing a prep note: the dry run and the import from the command line, and in Slack a preview
with Import / Cancel for a note sent to the bot's DM, through the real HTTP endpoint."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.migrate import upgrade_to_head
from bot.models import Candidate, ImportState, Interview, PendingImport, Question, Story
from tests.conftest import CANDIDATE, SHARED, Harness, new_database_url
from tests.support.fake_slack import TEAM_ID
from tests.support.payloads import block_action
from tests.support.snapshot import snapshot
from tests.test_processes import clean_env

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "sample-prep-note.md"
EXAMPLE = SHARED / "examples" / "loop-prep-note.md"
OTHER = "U0OTHER001"
BANK = ("candidates", "interviews", "questions", "stories")


def notes() -> list[Path]:
    return [SAMPLE, EXAMPLE] if EXAMPLE.exists() else [SAMPLE]


def bank(app: Harness) -> dict[str, Any]:
    """The candidate's data, without the pending imports (which record the previews themselves)."""
    return {name: rows for name, rows in snapshot(app.deps.engine).items() if name in BANK}


def cli(*args: str, url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["python", "-m", "bot", "import", *args],
        env=clean_env(DATABASE_URL=url),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# -- the command line ----------------------------------------------------------------------------
@pytest.mark.parametrize("note", notes(), ids=lambda p: p.name)
def test_cli_import_is_complete_and_idempotent(backend: str, tmp_path: Path, note: Path) -> None:
    for url in new_database_url(backend, tmp_path, "import"):
        upgrade_to_head(url)
        first = cli(str(note), "--team", TEAM_ID, "--user", CANDIDATE, url=url, cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        from bot.db import create_db_engine

        engine = create_db_engine(url)
        after_first = snapshot(engine)
        second = cli(str(note), "--team", TEAM_ID, "--user", CANDIDATE, url=url, cwd=tmp_path)
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
            assert any("The bank outage story, March." in row for row in after_first["questions"]), (
                "a question's hint is saved with it"
            )
        engine.dispose()


def test_cli_dry_run_prints_the_note_as_json_and_touches_no_database(tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    result = cli(str(SAMPLE), "--dry-run", "--json", url=f"sqlite:///{database}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["loop_date"] == "2026-12-16"
    assert data["interviews"][1] == {
        "interviewer": "Marco Ruiz",
        "principles": ["Frugality", "Earn Trust"],
        "focus": "System Design, Operational Excellence",
        "at": None,
    }
    assert data["questions"][1] == {
        "principle": "Customer Obsession",
        "focus": None,
        "text": "Describe the hardest customer escalation you handled. What did you learn?",
        "hint": "The bank outage story, March.",
    }
    assert [s["title"] for s in data["stories"]] == ["The merchant who wanted refunds in bulk"]
    assert not database.exists(), "a dry run saves nothing"

    readable = cli(str(SAMPLE), "--dry-run", url=f"sqlite:///{database}", cwd=tmp_path)
    assert readable.returncode == 0
    assert (
        "dry run: nothing saved" in readable.stdout and "Marco Ruiz: Frugality, Earn Trust" in readable.stdout
    )


def test_cli_import_without_a_candidate_says_how(tmp_path: Path) -> None:
    result = cli(str(SAMPLE), url=f"sqlite:///{tmp_path / 'x.db'}", cwd=tmp_path)
    assert result.returncode == 2 and "--team and --user (or --dry-run" in result.stderr


def test_cli_refuses_a_note_it_cannot_read_and_saves_nothing(backend: str, tmp_path: Path) -> None:
    for url in new_database_url(backend, tmp_path, "refuse"):
        upgrade_to_head(url)
        bad = tmp_path / "groceries.md"
        bad.write_text("# Groceries\n- eggs\n")
        result = cli(str(bad), "--team", TEAM_ID, "--user", CANDIDATE, url=url, cwd=tmp_path)
        assert result.returncode == 1
        assert "groceries.md was not imported: I couldn't find any interviews" in result.stderr
        from bot.db import create_db_engine

        engine = create_db_engine(url)
        assert all(rows == [] for rows in snapshot(engine).values())
        engine.dispose()


# -- Slack: a note sent to the DM ----------------------------------------------------------------
def file_shared(file_id: str, user: str = CANDIDATE, channel: str = "D0CANDDM01") -> dict:
    return {
        "type": "file_shared",
        "file_id": file_id,
        "user_id": user,
        "file": {"id": file_id},
        "channel_id": channel,
        "event_ts": "1790000200.000100",
    }


def share(app: Harness, note: Path, file_id: str = "F0NOTE0001") -> dict[str, Any]:
    """Send the note to the DM; returns the preview message the bot posted."""
    app.fake.add_file(file_id, note.name, note.read_bytes())
    app.event(file_shared(file_id))
    preview = app.fake.posts()[-1].params
    assert preview["channel"] == "D0CANDDM01"
    return preview


def buttons(message: dict[str, Any]) -> dict[str, str]:
    blocks = message["blocks"] if isinstance(message["blocks"], list) else json.loads(message["blocks"])
    return {
        e["action_id"]: e.get("value", "")
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["type"] == "button"
    }


def press(
    app: Harness, action_id: str, value: str, *, user: str = CANDIDATE, picked: str | None = None
) -> None:
    fields = block_action(
        {"action_id": action_id, "value": value},
        user=user,
        channel="D0CANDDM01",
        response_url=app.fake.response_url(),
    )
    if picked is not None:
        payload = json.loads(fields["payload"])
        payload["state"] = {
            "values": {
                "import_loop_date": {"import_loop_date": {"type": "datepicker", "selected_date": picked}}
            }
        }
        fields = {"payload": json.dumps(payload)}
    assert app.driver.post_form(fields).status == 200


def pending_states(app: Harness) -> list[str]:
    with app.deps.sessions.begin() as session:
        return [p.state for p in session.query(PendingImport).order_by(PendingImport.id)]


@pytest.mark.parametrize("note", notes(), ids=lambda p: p.name)
def test_a_shared_note_is_previewed_and_saved_only_on_import(app: Harness, note: Path) -> None:
    preview = share(app, note)
    assert app.fake.calls_to("files.info")[0].params["file"] == "F0NOTE0001"
    [download] = app.fake.calls_to("file_download")
    assert download.headers["authorization"] == f"Bearer {app.fake.token}"
    assert preview["text"].startswith(f"Import “{note.name}”?")
    assert "Nothing is saved until you press Import" in preview["text"]
    assert all(rows == [] for rows in bank(app).values()), "a preview writes nothing to the candidate's loop"
    pressed = buttons(preview)
    assert set(pressed) == {"import_note", "cancel_import"}

    press(app, "import_note", pressed["import_note"])
    update = app.fake.calls_to("chat.update")[-1].params
    assert update["ts"] == app.fake.posts()[-1].params.get("ts", update["ts"])
    assert update["text"].startswith(f"Imported “{note.name}”")
    with app.deps.sessions.begin() as session:
        candidate = session.query(Candidate).one()
        interviews = session.query(Interview).order_by(Interview.position).all()
        counts = (len(interviews), session.query(Question).count(), session.query(Story).count())
        names = [i.interviewer for i in interviews]
        loop_date = candidate.loop_date
    if note == EXAMPLE:
        assert counts == (5, 27, 3)
        assert names == ["Natesh", "John Lyon Smith", "Keesha", "Ayan Joyi", "David Christian"]
        assert loop_date is None, "the note's 2022 date has passed: it is not set without a coming date"
    else:
        assert loop_date == date(2026, 12, 16) and counts == (2, 2, 1)
        status = app.prep("status")
        assert "15 days to your loop" in status and "Customer Obsession — 0 answers · — · 1 story" in status

    after = bank(app)
    updates = len(app.fake.calls_to("chat.update"))
    press(app, "import_note", pressed["import_note"])
    press(app, "cancel_import", pressed["cancel_import"])
    assert bank(app) == after, "a second click changes nothing"
    assert len(app.fake.calls_to("chat.update")) == updates
    assert pending_states(app) == [ImportState.IMPORTED]

    again = share(app, note, "F0NOTE0002")
    assert "already here" in again["text"]
    press(app, "import_note", buttons(again)["import_note"])
    assert "Nothing changed" in app.fake.calls_to("chat.update")[-1].params["text"]
    assert bank(app) == after, "importing the same note twice changes nothing"


def test_cancel_imports_nothing_and_import_after_it_does_nothing(app: Harness) -> None:
    pressed = buttons(share(app, SAMPLE))
    press(app, "cancel_import", pressed["cancel_import"])
    assert (
        app.fake.calls_to("chat.update")[-1].params["text"]
        == "Cancelled: nothing from “sample-prep-note.md” was imported."
    )
    press(app, "import_note", pressed["import_note"])
    assert all(rows == [] for rows in bank(app).values())
    assert pending_states(app) == [ImportState.CANCELLED]


def test_another_persons_click_does_nothing(app: Harness) -> None:
    pressed = buttons(share(app, SAMPLE))
    press(app, "import_note", pressed["import_note"], user=OTHER)
    press(app, "cancel_import", pressed["cancel_import"], user=OTHER)
    assert all(rows == [] for rows in bank(app).values())
    assert pending_states(app) == [ImportState.PENDING] and app.fake.calls_to("chat.update") == []
    press(app, "import_note", pressed["import_note"])
    assert pending_states(app) == [ImportState.IMPORTED]


def test_a_past_loop_date_asks_for_the_coming_one(app: Harness, tmp_path: Path) -> None:
    old = tmp_path / "old-loop.md"
    old.write_text("Loop date: 2025-03-03\n\n## Ownership\n- Tell me about a time you owned a mistake.\n")
    preview = share(app, old)
    blocks = preview["blocks"] if isinstance(preview["blocks"], list) else json.loads(preview["blocks"])
    assert "which has passed" in json.dumps(blocks)
    assert any(e["type"] == "datepicker" for b in blocks if b["type"] == "actions" for e in b["elements"])
    value = buttons(preview)["import_note"]

    press(app, "import_note", value, picked="2026-11-30")
    assert "2026-11-30 has passed too" in app.fake.calls_to("chat.postEphemeral")[-1].params["text"]
    assert all(rows == [] for rows in bank(app).values()) and pending_states(app) == [ImportState.PENDING]

    press(app, "import_note", value, picked="2026-12-20")
    with app.deps.sessions.begin() as session:
        assert session.query(Candidate).one().loop_date == date(2026, 12, 20)
        assert session.query(Question).count() == 1


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
    assert all(rows == [] for rows in snapshot(app.deps.engine).values())


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
