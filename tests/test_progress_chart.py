"""`/prep progress`: a real PNG in the candidate's DM through Slack's current upload flow, and the
latest chart on App Home; through the real HTTP endpoint, on both databases."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from collections.abc import Iterator

import pytest

from bot.blocks.progress import CHART_SENT, NOTHING_TO_CHART
from bot.models import Candidate
from bot.services.status import dashboard
from tests.conftest import BOT_TOKEN, CANDIDATE, REPO, Harness
from tests.support.factories import local
from tests.support.fake_progress import FakeSlackWithPermalinks
from tests.support.practice import FIRST_DAY, GOOD, WEAK, play, set_up

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def fake_slack() -> Iterator[FakeSlackWithPermalinks]:
    fake = FakeSlackWithPermalinks(token=BOT_TOKEN).start()
    fake.add_user(CANDIDATE, tz="America/New_York", name="casey")
    yield fake
    fake.stop()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_progress_uploads_a_real_png_to_the_dm_and_shows_it_on_home(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 5), (WEAK, 1), (GOOD, 4), (WEAK, None)])
    app.clock.set(local(FIRST_DAY.replace(day=4), 20, 0))

    assert app.prep("progress") == CHART_SENT

    files = [m for m in app.fake.method_names() if m.startswith("file")]
    assert files == ["files.getUploadURLExternal", "file_upload", "files.completeUploadExternal"]
    dm = app.fake.conversations[(CANDIDATE,)]
    [chart] = app.fake.shared_files(dm)
    assert chart.filename == "loop-coach-progress-2026-12-04.png"
    assert chart.content is not None
    assert png_size(chart.content) == (1200, 600)
    assert 20_000 < len(chart.content) < 400_000
    assert chart.comment is not None and "Your readiness per principle, day by day" in chart.comment
    assert "12 days to your loop" in chart.comment
    # Called out: what the dashboard calls weak or not practised yet, and only that.
    with app.deps.sessions.begin() as session:
        board = dashboard(session, session.query(Candidate).one(), now=app.clock.now())
    needs_work = [
        row.principle for row in board.progress if row.principle in board.weak + board.without_answer
    ]
    assert needs_work and len(needs_work) < len(board.progress)
    line = chart.comment.split("Needs work: ", 1)[1].split(". `/prep history", 1)[0]
    assert [part.rsplit(" (", 1)[0] for part in line.split("), ")] == needs_work
    [upload_request] = app.fake.calls_to("files.getUploadURLExternal")
    assert "Readiness per principle from Tue 1 Dec to Fri 4 Dec" in upload_request.params["alt_txt"]

    [home] = app.fake.calls_to("views.publish")
    blocks = home.json_param("view")["blocks"]
    assert blocks[0]["type"] == "image"
    assert blocks[0]["slack_file"] == {"id": chart.file_id}
    assert "image_url" not in blocks[0] and blocks[0]["alt_text"]
    assert blocks[1]["type"] == "header", "the dashboard follows the chart"

    # Opening the Home tab later shows the same chart above the dashboard.
    app.event({"type": "app_home_opened", "user": CANDIDATE, "channel": dm, "tab": "home"})
    latest = app.fake.calls_to("views.publish")[-1].json_param("view")["blocks"]
    assert latest[0]["slack_file"] == {"id": chart.file_id}


def test_a_second_chart_replaces_the_first_on_home(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 4)])
    app.prep("progress")
    app.clock.set(local(FIRST_DAY.replace(day=2), 20, 0))
    app.prep("progress")
    first, second = app.fake.shared_files()
    home = app.fake.calls_to("views.publish")[-1].json_param("view")["blocks"]
    assert home[0]["slack_file"] == {"id": second.file_id} != {"id": first.file_id}
    assert [b["type"] for b in home].count("image") == 1


def test_home_falls_back_to_the_dashboard_when_slack_refuses_the_image(app: Harness) -> None:
    set_up(app)
    play(app, [(GOOD, 4)])
    app.fake.refuse("views.publish", "invalid_blocks")
    assert app.prep("progress") == CHART_SENT
    first, second = app.fake.calls_to("views.publish")
    assert first.json_param("view")["blocks"][0]["type"] == "image"
    assert second.json_param("view")["blocks"][0]["type"] == "header"


def test_nothing_to_chart_without_interviews(app: Harness) -> None:
    app.prep("loop 2026-12-16")
    assert app.prep("progress") == NOTHING_TO_CHART
    assert not [m for m in app.fake.method_names() if m.startswith("file")]


def test_the_web_process_does_not_load_matplotlib_to_acknowledge() -> None:
    probe = (
        "import sys, handlers, handlers.commands, handlers.progress, handlers.home, bot.web\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + probe],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert json.loads(result.stdout) == []
