"""A prep played in a real browser against `python -m bot try`: Chromium, the page, the real app.

Set a loop, add an interview and a reviewer, move to the morning, answer in the thread, rate and
give feedback as the reviewer, see the check (and a follow-up where the app asks one), save a
story through the modal (refused inline first), import the sample note, see App Home, and jump
to the loop day. The assertions read the page only; what the app says is checked loosely, since
its wording belongs to other tests.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.support.playground_browser import (
    REPO,
    chromium_page,
    need_browser,
    playground_process,
    screenshot_on_failure,
)

SAMPLE_NOTE = REPO / "tests" / "fixtures" / "sample-prep-note.md"
ANSWER = (
    "At Acme in 2023 our VP wanted to rewrite payments in one quarter. I owned the payments team and "
    "I disagreed: I measured the risk, wrote a one-page plan for a staged migration and presented the "
    "data. We agreed on my plan; I committed fully. Incidents fell by 40% and we shipped two weeks early."
)


def test_a_prep_plays_end_to_end_in_the_browser(tmp_path: Path) -> None:
    sync_api = need_browser()
    with (
        playground_process("--start", "2026-12-01", "--db", str(tmp_path / "try.db")) as playground,
        chromium_page(sync_api) as page,
        screenshot_on_failure(page, tmp_path / "screenshots", "playground"),
    ):
        play(page, playground.url, sync_api.expect)
        assert page.errors == [], page.errors


def play(page: Any, url: str, expect: Any) -> None:
    page.goto(url)
    expect(page.locator(".empty.intro")).to_be_visible()

    # The candidate sets up the loop in the app's Messages tab.
    assert "15 days to your loop" in command(page, expect, "/prep loop 2026-12-16")
    assert "Natesh" in command(page, expect, "/prep interview add Natesh: backbone, earn trust")
    assert "Maria Chen" in command(page, expect, "/prep reviewer add @maria")

    # The next morning the question arrives in the new group DM.
    page.get_by_role("button", name="Next morning ⏭").click()
    expect(page.locator(".toast", has_text="sent 1 message")).to_be_visible()
    page.locator(".place", has_text="Maria, Loop Coach").click()
    question = page.locator(".message", has=page.locator(".block-header")).last
    expect(question).to_be_visible()
    expect(page.locator(".clock")).to_contain_text("Wed 2 Dec 2026 · 09:00")

    # The candidate answers in the thread; the app acknowledges and checks the answer.
    question.hover()
    question.get_by_role("button", name="Reply in thread").click()
    thread = page.locator("#thread")
    reply(page, ANSWER)
    answer = thread.locator(".message", has_text="At Acme in 2023")
    expect(answer.locator(".reaction")).to_have_count(1)  # the acknowledgement
    checks = thread.locator(".reply-count ~ .message[data-user='UBOTLOOP1']")
    expect(checks.first).to_be_visible()
    if checks.count() > 1:  # a follow-up, once the app asks one: shown in the thread too
        expect(checks.last).not_to_be_empty()

    # The reviewer rates it 4 and replies with feedback.
    page.get_by_role("radio", name=re.compile("Maria")).click()
    page.locator(".place", has_text="Alex, Loop Coach").click()
    page.locator(".thread-summary").last.click()
    answer = thread.locator(".message", has_text="At Acme in 2023")
    answer.hover()
    answer.get_by_role("button", name="React with :four:").click()
    expect(answer.locator(".reaction.mine[data-name='four']")).to_contain_text("1")
    reply(page, "Strong: lead with the 40% next time.")
    expect(thread.locator(".message", has_text="lead with the 40%")).to_be_visible()

    # Back as the candidate: the rating counts.
    page.get_by_role("radio", name=re.compile("Alex")).click()
    assert "4.0/5" in command(page, expect, "/prep status")

    # The story modal: refused inline when empty, saved when filled in.
    send(page, "/prep story add")
    modal = page.get_by_role("dialog")
    expect(modal).to_be_visible()
    modal.get_by_role("button", name="Save").click()
    expect(modal.locator(".input-error").first).to_be_visible()
    modal.get_by_label("Title").fill("Payments rewrite, staged")
    modal.locator("select.bk-select").first.select_option("Have Backbone; Disagree and Commit")
    expect(modal.locator(".chip", has_text="Have Backbone")).to_be_visible()
    modal.get_by_label("Result").fill("Incidents fell by 40%; shipped two weeks early.")
    modal.get_by_role("button", name="Save").click()
    expect(modal).to_have_count(0)
    expect(page.locator("#main-body .message", has_text="Payments rewrite, staged")).to_be_visible()

    # Import the sample note from a file, as if sent to the bot's DM.
    before = page.locator("#main-body .message[data-user='UBOTLOOP1']").count()
    page.locator("#file-picker").set_input_files(str(SAMPLE_NOTE))
    expect(page.locator(".file-card", has_text="sample-prep-note.md")).to_be_visible()
    expect(page.locator("#main-body .message[data-user='UBOTLOOP1']")).to_have_count(before + 1)
    confirm = page.locator("#main-body .message").last.get_by_role("button", name=re.compile(r"^Import"))
    if confirm.count():  # a preview that asks first, where the app shows one
        confirm.click()
    assert "Priya" in command(page, expect, "/prep interviews")

    # App Home shows the dashboard.
    page.get_by_role("tab", name="Home").click()
    home = page.locator(".home")
    expect(home.locator(".block-header").first).to_be_visible()
    expect(home).to_contain_text("days to your loop")

    # The loop day: the clock jumps and the morning's message arrives.
    page.get_by_role("button", name="Loop day 🎯").click()
    expect(page.locator(".clock")).to_contain_text("Wed 16 Dec 2026")
    expect(page.locator(".toast", has_text="16 Dec")).to_be_visible()


def send(page: Any, text: str) -> None:
    box = page.get_by_label("Message", exact=True)
    box.fill(text)
    box.press("Enter")


def command(page: Any, expect: Any, text: str) -> str:
    """Type a slash command in the app's Messages tab; the reply only you see."""
    page.locator(".place", has_text="Loop Coach").first.click()
    if page.get_by_role("tab", name="Messages").get_attribute("aria-selected") != "true":
        page.get_by_role("tab", name="Messages").click()
    send(page, text)
    answer = page.locator(".message.ephemeral", has=page.locator(".invoked code", has_text=text)).last
    expect(answer).to_be_visible()
    return str(answer.inner_text())


def reply(page: Any, text: str) -> None:
    box = page.get_by_label("Reply", exact=True)
    box.fill(text)
    box.press("Enter")
