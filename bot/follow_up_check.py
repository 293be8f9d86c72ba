"""A brief check of the reply to a follow-up: does it give what the follow-up asked for? Pure.

A follow-up answer is short by nature (a few sentences, not a 2–3 minute story), so it is not put
through STAR. It is read for the one thing its question asked for, with the answer check's own
detectors: "I" and steps for "What did *you* do?", a number for "What was the measurable result?",
a lesson for "What did you learn?", a reason for "How did you decide?", the drill's own checklist
item for a drill. Then a score: 5 answered it, 4 answered it but thinly or with blame or buzzwords,
2 did not, 1 too short to tell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer_check.blame import blames_others
from bot.answer_check.content import is_vague, off_topic
from bot.answer_check.drills import checklist_for
from bot.answer_check.findings import FIX, Finding
from bot.answer_check.lesson import has_lesson
from bot.answer_check.mood import is_hypothetical
from bot.answer_check.numbers import metric_in
from bot.answer_check.outcome import has_result
from bot.answer_check.star import action_count, has_situation
from bot.answer_check.task import has_task
from bot.answer_check.text import Clause, Form, clauses, count_words, sentences
from bot.follow_up import Probe

TOO_FEW_WORDS = 8
THIN_WORDS = 20
REASON = re.compile(
    r"\b(?:because|since|so that|so we|data|numbers?|evidence|options?|alternatives?|trade-?offs?|weigh\w*|"
    r"criteria|compar\w*|chose|choose|decided|decision|pros|cons|risks?|cost|instead of|rather than|"
    r"considered|ruled out|prototype\w*|test\w*|experiment\w*)\b",
    re.IGNORECASE,
)
CHANGE = re.compile(
    r"\b(?:differently|next time|would have|i'd have|i would|i'd|earlier|sooner|instead|change|again|"
    r"in hindsight|looking back|should have)\b",
    re.IGNORECASE,
)

GOT_IT: dict[str, str] = {
    Finding.OFF_TOPIC: "it ties the story to the question",
    Finding.HYPOTHETICAL: "a real time, told in the past",
    Finding.NO_ACTION: "your steps, one by one",
    Finding.TOO_SHORT: "more of what happened and what you did",
    Finding.WE_NOT_I: "your own part, in “I”",
    Finding.VAGUE: "concrete detail",
    Finding.BLAMES_OTHERS: "your own part in it",
    Finding.NO_RESULT: "the outcome",
    Finding.NO_LEARNING: "what you learned",
    Finding.NO_METRIC: "a number behind the result",
    Finding.NO_SITUATION: "the context",
    Finding.NO_TASK: "what was yours to achieve",
    Probe.DIFFERENTLY: "what you would change",
    Probe.DECIDE: "how you decided, and why",
    Probe.DEEPER: "a real answer to the probe",
}
STILL_MISSING: dict[str, str] = {
    Probe.DIFFERENTLY: "Name one thing you would do differently, and why.",
    Probe.DECIDE: "Give the options you weighed and the reason you chose as you did.",
    Probe.DEEPER: "Answer it in two or three concrete sentences, as you would out loud.",
}


@dataclass(frozen=True)
class FollowUpCheck:
    words: int
    answered: bool  # it gives what the follow-up asked for
    score: int  # 1-5
    line: str  # what it gave, or what is still missing


def has_number(text: str) -> bool:
    """A number that measures something (a year alone does not)."""
    return metric_in(text)


def _i_did(said: list[Clause]) -> bool:
    mine = [c for c in said if c.subject == "i"]
    ours = [c for c in said if c.subject == "we"]
    return any(c.form is Form.DONE for c in mine) and len(mine) >= len(ours)


def gives(aim: str, text: str, *, principle: str | None, question: str | None, focus: str | None) -> bool:
    """Whether the reply gives what a follow-up with this aim asked for."""
    told = sentences(text)
    said = clauses(told)
    checklist = checklist_for(focus)
    slots = {Finding.NO_SITUATION: 0, Finding.NO_TASK: 1, Finding.NO_ACTION: 2, Finding.NO_RESULT: 3}
    if checklist is not None and aim in slots:
        return checklist.detect[slots[Finding(aim)]](text, told, said)
    if checklist is not None and aim == Finding.NO_METRIC:
        return checklist.metric(text, told, said) if checklist.metric else has_number(text)
    words = count_words(text)
    readers: dict[str, Callable[[], bool]] = {
        Finding.OFF_TOPIC: lambda: not off_topic(text, question=question, principle=principle),
        Finding.HYPOTHETICAL: lambda: action_count(said) >= 1 and not is_hypothetical(text, told, said),
        Finding.NO_ACTION: lambda: action_count(said) >= 2,
        Finding.TOO_SHORT: lambda: action_count(said) >= 2 or words >= 60,
        Finding.WE_NOT_I: lambda: _i_did(said),
        Finding.VAGUE: lambda: not is_vague(text, said) and words >= THIN_WORDS,
        Finding.BLAMES_OTHERS: lambda: not blames_others(text, told) and any(c.subject == "i" for c in said),
        Finding.NO_RESULT: lambda: has_result(told) or has_number(text),
        Finding.NO_LEARNING: lambda: has_lesson(text),
        Finding.NO_METRIC: lambda: has_number(text),
        Finding.NO_SITUATION: lambda: has_situation(told),
        Finding.NO_TASK: lambda: has_task(told, said),
        Probe.DIFFERENTLY: lambda: has_lesson(text) or bool(CHANGE.search(text)),
        Probe.DECIDE: lambda: bool(REASON.search(text)),
        Probe.DEEPER: lambda: words >= THIN_WORDS and not is_vague(text, said),
    }
    reader = readers.get(aim)
    return bool(reader()) if reader else words >= THIN_WORDS


def check_follow_up(
    text: str,
    *,
    aim: str,
    principle: str | None = None,
    question: str | None = None,
    focus: str | None = None,
) -> FollowUpCheck:
    words = count_words(text)
    if words < TOO_FEW_WORDS:
        return FollowUpCheck(words, False, 1, "Too short to tell: answer it in two or three sentences.")
    answered = gives(aim, text, principle=principle, question=question, focus=focus)
    if not answered:
        return FollowUpCheck(words, False, 2, _still_missing(aim, focus))
    told = sentences(text)
    said = clauses(told)
    thin = words < THIN_WORDS or blames_others(text, told) or (aim != Finding.VAGUE and is_vague(text, said))
    return FollowUpCheck(words, True, 4 if thin else 5, f"It gives {GOT_IT.get(aim, 'an answer')}.")


def _still_missing(aim: str, focus: str | None) -> str:
    checklist = checklist_for(focus)
    try:
        finding = Finding(aim)
    except ValueError:
        return STILL_MISSING.get(aim, STILL_MISSING[Probe.DEEPER])
    if checklist is not None and finding in checklist.fixes:
        return checklist.fixes[finding]
    return FIX[finding]


def follow_up_check_text(check: FollowUpCheck) -> str:
    mark = "✓" if check.answered else "✗"
    return (
        f"↳ Follow-up check: {check.words} word{'' if check.words == 1 else 's'} · "
        f"score *{check.score}/5* · {mark} {check.line}"
    )
