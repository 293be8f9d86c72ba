"""A question as written in a note, cut into the question, the writer's hint, and principle tags."""

from __future__ import annotations

import re

from bot.importer.words import principles_in, undecorate
from bot.principles import normalise

MAX_QUESTION = 1000
# What people put after a question to remind themselves of the answer: "-- term-finder",
# "→ the outage story", "story: billing", "(story: billing)".
HINT_MARK = re.compile(
    r"\s+(?:--+|->|→|=>|⇒|\|)\s*|\s*[(\[]?\b(?:my )?(?:story|stories|answer|example|notes?|hint|use)\s*[:=]\s*",
    re.IGNORECASE,
)
DASH_TAIL = re.compile(r"\s+[-–—]\s+([^-–—]+)$")
DASH_HEAD = re.compile(r"^([^-–—]{2,40}?)\s+[-–—]\s+")  # "bias 4 action — Tell me about…"
# "(Story A)", "(see the outage story)", "[use: billing]": which story answers it
STORY_REFERENCE = re.compile(
    r"\s*[(\[]\s*((?:my\s+|the\s+)?(?:story|stories|use|see|ex|example|historia)\b[^)\]]{0,100}|"
    r"[^)\]]{1,100}\bstory)\s*[)\]]\s*$",
    re.IGNORECASE,
)
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
    referred = STORY_REFERENCE.search(text)
    if referred and referred.start() > 10 and not principles_in(referred.group(1)):
        text, hint = text[: referred.start()], "\n".join(h for h in (referred.group(1).strip(), hint) if h)
    principles: list[str] = []
    for pattern in (TRAILING_TAGS, LEADING_TAGS, DASH_TAIL, DASH_HEAD):
        found = pattern.search(text)
        named = principles_in(found.group(1)) if found else []
        if found and named:
            principles += named
            text = (text[: found.start()] + " " + text[found.end() :]).strip()
    text = undecorate(text) or text
    return text[:MAX_QUESTION], hint, principles


REFERENCE_WORDS = frozenset(
    {"story", "stories", "use", "see", "the", "my", "ex", "example", "s", "a", "for", "historia"}
)


def story_reference(hint: str, titles: list[str], labels: dict[str, str]) -> str | None:
    """The title of the one story a hint points to: "(Story A)" by its label, "latency story" by the
    words of its title ("p99 latency"); None when it names it already, or none, or several."""
    key = normalise(hint)
    if not key:
        return None
    found = {title for label, title in labels.items() if re.search(rf"\b{re.escape(label)}\b", key)}
    if not found:
        words = {w for w in key.split() if w not in REFERENCE_WORDS}
        found = {t for t in titles if words and words <= set(normalise(t).split())}
    if len(found) != 1:
        return None
    title = found.pop()
    return None if normalise(title) in key else title
