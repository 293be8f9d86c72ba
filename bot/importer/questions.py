"""A question as written in a note, cut into the question, the writer's hint, and principle tags."""

from __future__ import annotations

import re

from bot.importer.words import principles_in, undecorate

MAX_QUESTION = 1000
# What people put after a question to remind themselves of the answer: "-- term-finder",
# "→ the outage story", "story: billing", "(story: billing)".
HINT_MARK = re.compile(
    r"\s+(?:--+|->|→|=>|⇒|\|)\s*|\s*[(\[]?\b(?:my )?(?:story|stories|answer|example|notes?|hint|use)\s*[:=]\s*",
    re.IGNORECASE,
)
DASH_TAIL = re.compile(r"\s+[-–—]\s+([^-–—]+)$")
TRAILING_TAGS = re.compile(r"\s*[(\[]([^)\]]{2,120})[)\]]\s*$")
LEADING_TAGS = re.compile(r"^\s*[(\[]([^)\]]{2,120})[)\]]\s*")


def question_parts(text: str) -> tuple[str, str, list[str]]:
    """ "Tell me about a time you failed (Ownership) -- the outage" →
    ("Tell me about a time you failed", "the outage", ["Ownership"])."""
    text = undecorate(text)
    hint = ""
    marked = HINT_MARK.search(text)
    if marked and marked.start() > 10:
        text, hint = text[: marked.start()], text[marked.end() :].rstrip(")]").strip()
    principles: list[str] = []
    for pattern in (TRAILING_TAGS, LEADING_TAGS, DASH_TAIL):
        found = pattern.search(text)
        named = principles_in(found.group(1)) if found else []
        if found and named:
            principles += named
            text = (text[: found.start()] + " " + text[found.end() :]).strip()
    text = undecorate(text) or text
    return text[:MAX_QUESTION], hint, principles
