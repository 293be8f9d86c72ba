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

import pytest

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


@pytest.mark.processes  # starts `python -m bot try`: run by the flakiness gate
def test_a_prep_plays_end_to_end_in_the_browser(tmp_path: Path) -> None:
    sync_api = need_browser()
    with (
        playground_process("--start", "2026-12-01", "--db", str(tmp_path / "try.db")) as playground,
        chromium_page(sync_api) as page,
        screenshot_on_failure(page, tmp_path / "screenshots", "playground"),
    ):
        play(page, playground.url, sync_api.expect)
        assert page.errors == [], page.errors
        output = playground.stop()
        assert playground.process.returncode == 0, output
        assert "Traceback" not in output, output


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


def test_a_modal_of_pickers_and_menus_submits_what_slack_would(tmp_path: Path) -> None:
    """The interview form: text, multi-select, date, time and a menu, read back by the real app."""
    sync_api = need_browser()
    expect = sync_api.expect
    with (
        playground_process("--start", "2026-12-01") as playground,
        chromium_page(sync_api) as page,
        screenshot_on_failure(page, tmp_path / "screenshots", "pickers"),
    ):
        page.goto(playground.url)
        command(page, expect, "/prep loop 2026-12-16")
        send(page, "/prep interview add")
        modal = page.get_by_role("dialog")
        modal.get_by_label("Interviewer").fill("Keesha")
        principles = modal.locator(".bk-multi select")
        principles.select_option("Learn and Be Curious")
        principles.select_option("Invent and Simplify")
        expect(modal.locator(".chip")).to_have_count(2)
        modal.locator(".chip", has_text="Learn").get_by_role("button", name="Remove").click()
        expect(modal.locator(".chip")).to_have_count(1)
        principles.select_option("Dive Deep")
        modal.locator("input[type=date]").fill("2026-12-15")
        modal.locator("input[type=time]").fill("10:30")
        modal.get_by_label("Focus").select_option("System Design")
        modal.locator("button[type=submit]").click()
        expect(modal).to_have_count(0)
        listed = command(page, expect, "/prep interviews")
        assert "Keesha" in listed and "10:30" in listed and "System Design" in listed
        assert (
            "Dive Deep" in listed and "Invent and Simplify" in listed and "Learn and Be Curious" not in listed
        )
        assert page.errors == [], page.errors


RENDER = """
async ([blocks, texts]) => {
  const m = await import("/try/static/mrkdwn.js");
  const bk = await import("/try/static/blockkit.js");
  const html = (node) => { const d = document.createElement("div"); d.append(node); return d.innerHTML; };
  const acted = [];
  const form = new bk.FormState();
  const ctx = { people: { U1: "Maria Chen" }, peopleOptions: [], conversationOptions: [], form, errors: { due: "Pick a day." },
                act: (blockId, el, choice) => acted.push([blockId, el.action_id, choice]), confirm: async () => true };
  const rendered = bk.renderBlocks(blocks, ctx);
  document.body.append(rendered);
  rendered.querySelector("button.bk-button").click();
  return { texts: texts.map((t) => html(m.mrkdwn(t, { U1: "Maria Chen" }))), blocks: rendered.outerHTML,
           state: form.values, acted };
}
"""
BLOCKS = [
    {"type": "header", "text": {"type": "plain_text", "text": "Ready :tada:"}},
    {
        "type": "section",
        "block_id": "s",
        "text": {"type": "mrkdwn", "text": "*Bold* and <@U1>"},
        "fields": [{"type": "mrkdwn", "text": "*A*"}, {"type": "plain_text", "text": "B"}],
        "accessory": {
            "type": "button",
            "action_id": "go",
            "text": {"type": "plain_text", "text": "Go"},
            "value": "7",
        },
    },
    {"type": "context", "elements": [{"type": "mrkdwn", "text": "_small_"}]},
    {"type": "divider"},
    {"type": "image", "image_url": "http://127.0.0.1:9/none.png", "alt_text": "a chart"},
    {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_list",
                "style": "ordered",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [{"type": "text", "text": "one", "style": {"bold": True}}],
                    }
                ],
            },
            {
                "type": "rich_text_quote",
                "elements": [{"type": "emoji", "name": "four"}, {"type": "user", "user_id": "U1"}],
            },
            {"type": "rich_text_preformatted", "elements": [{"type": "text", "text": "x = 1"}]},
        ],
    },
    {
        "type": "input",
        "block_id": "due",
        "label": {"type": "plain_text", "text": "Due"},
        "element": {"type": "datepicker", "action_id": "d", "initial_date": "2026-12-15"},
    },
    {
        "type": "input",
        "block_id": "kind",
        "optional": True,
        "label": {"type": "plain_text", "text": "Kind"},
        "element": {
            "type": "static_select",
            "action_id": "k",
            "options": [{"text": {"type": "plain_text", "text": "Big"}, "value": "big"}],
            "initial_option": {"text": {"type": "plain_text", "text": "Big"}, "value": "big"},
        },
    },
    {"type": "carousel"},
]
TEXTS = [
    "*bold* _it_ ~gone~ `code` snake_case_name 2*3*4",
    "<https://example.com|a site> <@U1> <!here> <#C1|general>",
    "&lt;script&gt;alert(1)&lt;/script&gt; <javascript:alert(1)|click>",
    "```\n*not bold*\n```",
    "&gt; quoted\nplain :four: :no_such_emoji:",
]


def test_block_kit_and_mrkdwn_render_as_slack_shows_them(tmp_path: Path) -> None:
    sync_api = need_browser()
    with playground_process("--start", "2026-12-01") as playground, chromium_page(sync_api) as page:
        page.goto(playground.url)
        result = page.evaluate(RENDER, [BLOCKS, TEXTS])
    styled, links, hostile, code, quoted = result["texts"]
    assert "<b>bold</b>" in styled and "<i>it</i>" in styled and "<s>gone</s>" in styled
    assert "<code>code</code>" in styled and "snake_case_name 2*3*4" in styled
    assert (
        'href="https://example.com"' in links
        and "@Maria Chen" in links
        and "@here" in links
        and "#general" in links
    )
    assert "<script" not in hostile and 'href="javascript' not in hostile
    assert "&lt;script&gt;" in hostile
    assert "<pre" in code and "*not bold*" in code and "<b>" not in code
    assert "<blockquote>quoted</blockquote>" in quoted and "4️⃣" in quoted and ":no_such_emoji:" in quoted
    blocks = result["blocks"]
    for expected in (
        "Ready 🎉",
        "header-text",
        "section-fields",
        "<hr>",
        "a chart",
        "<ol",
        "<b>one</b>",
        "x = 1",
    ):
        assert expected in blocks, expected
    assert "Pick a day." in blocks and "carousel" in blocks  # the error inside, the unknown block named
    assert result["state"]["due"]["d"] == {"type": "datepicker", "selected_date": "2026-12-15"}
    assert result["state"]["kind"]["k"]["selected_option"]["value"] == "big"
    assert result["acted"] == [["s", "go", {}]]
