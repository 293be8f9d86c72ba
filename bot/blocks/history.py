"""`/prep history`: a page of answers with their checks, ratings and thread links, and page buttons."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.blocks.kit import Block, actions, button, clip, context, divider, escape, header, message, section
from bot.blocks.prompt import finding_words
from bot.blocks.words import plural, rating
from bot.plan import short_date, zone
from bot.services.history import HistoryEntry, HistoryPage

NEWER = "history_newer"
OLDER = "history_older"
PAGE_ACTIONS = (NEWER, OLDER)
QUESTION_CLIP = 220


@dataclass(frozen=True)
class PageRequest:
    """What a page button carries: whose history, which topic, which page."""

    owner: str
    topic: str | None
    page: int

    def encode(self) -> str:
        return json.dumps({"o": self.owner, "t": self.topic, "p": self.page}, separators=(",", ":"))

    @classmethod
    def decode(cls, value: str) -> PageRequest | None:
        """None for a value we did not write (a tampered or stale payload)."""
        try:
            data = json.loads(value)
            owner, topic, page = data["o"], data["t"], data["p"]
        except (ValueError, TypeError, KeyError):
            return None
        if not isinstance(owner, str) or not isinstance(page, int) or not (topic is None or isinstance(topic, str)):
            return None
        return cls(owner, topic, page)


def verdict_line(entry: HistoryEntry) -> str:
    parts = []
    if entry.check_score is not None:
        checked = f"check {entry.check_score}/5"
        if entry.findings:
            checked += f" ({finding_words(entry.findings)})"
        parts.append(checked)
    if entry.ratings:
        parts.append(f"rated {rating(entry.average)} by {plural(len(entry.ratings), 'reviewer')}")
    else:
        parts.append("not rated yet")
    return " · ".join(parts)


def entry_lines(entry: HistoryEntry, tz: str | None, link: str | None) -> tuple[str, str]:
    """(mrkdwn for the block, plain text for the fallback)."""
    day = short_date(entry.answered_at.astimezone(zone(tz)).date())
    redo = " · 🔁 second try" if entry.second_try else ""
    question = clip(" ".join(entry.question.split()), QUESTION_CLIP) or "(question not kept)"
    thread = f" · <{link}|open the thread>" if link else ""
    block = f"*{day}* · *{entry.topic}*{redo}\n_{escape(question)}_\n{verdict_line(entry)}{thread}"
    plain = f"{day} · {entry.topic}{redo} — {question} — {verdict_line(entry)}" + (f" — {link}" if link else "")
    return block, plain


def history_message(page: HistoryPage, links: Mapping[int, str]) -> dict[str, Any]:
    """`links`: answer id to the thread's permalink, where Slack gave one."""
    about = f" on {page.topic}" if page.topic else ""
    if page.total == 0:
        text = (
            f"No answers{about} yet. Answer a daily question in its thread and it shows here; "
            "`/prep question` asks one now."
        )
        return message(text, [section(text)])
    where = f"Page {page.page + 1} of {page.pages} · {plural(page.total, 'answer')}{about}, newest first"
    blocks: list[Block] = [header(f"Your answers{about}"[:150]), context(where)]
    lines = [f"Your answers{about} — {where}"]
    for entry in page.entries:
        block, plain = entry_lines(entry, page.tz, links.get(entry.answer_id))
        blocks += [divider(), section(block)]
        lines.append(plain)
    buttons = []
    if page.has_newer:
        buttons.append(button("← Newer", NEWER, PageRequest(page.owner, page.topic, page.page - 1).encode()))
    if page.has_older:
        buttons.append(button("Older →", OLDER, PageRequest(page.owner, page.topic, page.page + 1).encode()))
    if buttons:
        blocks += [divider(), actions(*buttons, block_id=f"history_pages_{page.page}")]
    return message("\n".join(lines), blocks)
