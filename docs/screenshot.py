"""Take the README's picture of the playground: `python docs/screenshot.py` (needs Chromium and Playwright).

It plays the first morning of a prep in `python -m bot try` and saves docs/playground.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.playground_browser import chromium_page, need_browser, playground_process
from tests.test_playground_browser import ANSWER, command, reply

OUT = Path(__file__).with_name("playground.png")


def main() -> None:
    sync_api = need_browser()
    expect = sync_api.expect
    with (
        playground_process("--start", "2026-12-01") as playground,
        chromium_page(sync_api, 1440, 860) as page,
    ):
        page.goto(playground.url)
        command(page, expect, "/prep loop 2026-12-16")
        command(page, expect, "/prep interview add Natesh: backbone, earn trust, hire and develop")
        command(page, expect, "/prep reviewer add @maria")
        page.get_by_role("button", name="Next morning ⏭").click()
        page.locator(".place", has_text="Maria, Loop Coach").click()
        question = page.locator(".message", has=page.locator(".block-header")).last
        question.hover()
        question.get_by_role("button", name="Reply in thread").click()
        reply(page, ANSWER)
        page.get_by_role("radio", name="Act as Maria Chen").click()
        page.locator(".place", has_text="Alex, Loop Coach").click()
        page.locator(".thread-summary").last.click()
        answer = page.locator("#thread .message", has_text="At Acme in 2023")
        answer.hover()
        answer.get_by_role("button", name="React with :four:").click()
        reply(page, "Strong. Lead with the 40% next time, then the story.")
        page.get_by_role("radio", name="Act as Alex Rivera").click()
        page.locator(".place", has_text="Maria, Loop Coach").click()
        page.locator(".thread-summary").last.click()
        page.mouse.move(0, 0)
        page.evaluate("document.querySelectorAll('.toast').forEach((t) => t.remove())")
        page.screenshot(path=str(OUT))
    print(f"saved {OUT}")


if __name__ == "__main__":
    main()
