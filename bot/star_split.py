"""An answer split into its STAR parts, to pre-fill a story from it. Pure.

The split reads each sentence with the answer check's own detectors (bot/answer_check/star.py), in
the order a listener hears a story:
- the result is the closing run of sentences that tell an outcome, a number or a lesson (read from
  the end back, so a mid-story "the team adopted it" does not end the story early); failing that,
  from the first sentence after the opening third with a result cue ("As a result…");
- before it, the story moves forward only: Situation (the opening's setting sentences), then Task
  (an obligation or goal), then Action (what was done); a sentence that is none of these stays with
  the part before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from bot.answer_check.lesson import has_lesson
from bot.answer_check.numbers import metric_in
from bot.answer_check.outcome import RESULT_CUE, has_result, second_half
from bot.answer_check.star import action_count, has_situation, opening
from bot.answer_check.task import has_task
from bot.answer_check.text import clauses, normal, sentences

MAX_TITLE = 90
MAX_NUMBERS = 1000


class Part(IntEnum):
    SITUATION = 0
    TASK = 1
    ACTION = 2
    RESULT = 3


@dataclass(frozen=True)
class StarParts:
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""


def has_number(sentence: str) -> bool:
    return metric_in(sentence)


def _result_start(told: list[str]) -> int:
    """Where the result begins: the index of its first sentence, or len(told) when there is none."""
    earliest = len(told) - len(second_half(told))
    start = len(told)
    for index in range(len(told) - 1, earliest - 1, -1):
        sentence = told[index]
        if has_result([sentence]) or has_number(sentence) or has_lesson(sentence):
            start = index
        else:
            break
    if start < len(told) and any(has_result([s]) or has_number(s) for s in told[start:]):
        return start
    cued = [i for i in range(earliest, len(told)) if RESULT_CUE.search(normal(told[i]))]
    return cued[0] if cued else len(told)


def _part_of(sentence: str, *, in_opening: bool, before: Part | None) -> Part:
    said = clauses([sentence])
    steps = action_count(said)
    task = has_task([sentence], said) and (before is None or before <= Part.TASK)
    if task and steps == 0:
        found = Part.TASK  # an obligation or a goal, nothing done yet
    elif in_opening and before in (None, Part.SITUATION) and has_situation([sentence]):
        found = Part.SITUATION  # "When I joined Acme, deploys failed weekly" sets the scene
    elif steps >= 1:
        found = Part.ACTION
    elif task:
        found = Part.TASK
    else:
        found = before if before is not None else Part.SITUATION
    return found if before is None else max(found, before)  # a story only moves forward


def split_star(text: str) -> StarParts:
    told = sentences(text)
    if not told:
        return StarParts()
    start = _result_start(told)
    opened = len(opening(told))
    parts: dict[Part, list[str]] = {part: [] for part in Part}
    before: Part | None = None
    for index, sentence in enumerate(told[:start]):
        before = _part_of(sentence, in_opening=index < opened, before=before)
        parts[before].append(sentence)
    parts[Part.RESULT] = told[start:]
    joined = {part: " ".join(found) for part, found in parts.items()}
    return StarParts(joined[Part.SITUATION], joined[Part.TASK], joined[Part.ACTION], joined[Part.RESULT])


FRAGMENT_BREAK = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+(?=(?:the|our|my|both|all|\w+s)\b)")
LEAD_IN = re.compile(
    r"^(?:as a result|in the end|overall|eventually|in total|by the end)[, ]+", re.IGNORECASE
)


def numbers_of(text: str) -> str:
    """The result's figures, each in the phrase that tells it ("failures fell from 30 a week to 2")."""
    found: list[str] = []
    for sentence in sentences(text):
        for fragment in FRAGMENT_BREAK.split(sentence.rstrip(".!")):
            fragment = LEAD_IN.sub("", fragment.strip())
            if fragment and has_number(fragment) and fragment not in found:
                found.append(fragment)
    joined = "; ".join(found)
    return joined if len(joined) <= MAX_NUMBERS else joined[: MAX_NUMBERS - 1] + "…"


ASKING = re.compile(
    r"^(?:tell me about|describe|give (?:me )?an example of|walk me through|share|talk about|"
    r"can you (?:tell me about|describe|give me an example of))\s+(?:a |an |the |one )?"
    r"(?:specific |recent |particular )?(?:time|situation|example|occasion|case|moment|project)?\s*"
    r"(?:when|where|that|in which|of|that you)?\s*",
    re.IGNORECASE,
)
PRONOUNS = {
    "you": "I",
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you've": "I've",
    "you're": "I'm",
}


def story_title(question: str | None, principle: str | None) -> str:
    """A short title from the question asked: "Tell me about a time you disagreed with your manager…"
    becomes "Disagreed with my manager…"; the principle when there is no question."""
    first = re.split(r"(?<=[.?!])\s", (question or "").strip(), maxsplit=1)[0].rstrip(".?! ")
    phrase = ASKING.sub("", first)
    words = [PRONOUNS.get(word.lower(), word) for word in phrase.split()]
    if words and words[0] == "I" and len(words) > 1:
        words = words[1:]  # "you disagreed with…" → "Disagreed with…"
    title = " ".join(words)
    if not title:
        return principle or "A story"
    title = title[0].upper() + title[1:]
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"
    return title
