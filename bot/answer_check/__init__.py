"""The answer check: a quick, local, deterministic reading of a written answer, as an interviewer
would listen to it.

`check_answer` returns an `AnswerCheck`: length and spoken minutes (150 words a minute against the
prompt's 2–3 minutes), the STAR parts heard (or a focus drill's own checklist in the same four
slots, see bot/answer_check/drills.py), findings from the fixed `Finding` vocabulary, and a 1–5
score. `check_text` renders it as the thread reply; `weakest_part` names the finding a follow-up
question should aim at.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.answer_check.agents import Agent, parts
from bot.answer_check.blame import blames_others
from bot.answer_check.content import is_vague, off_topic
from bot.answer_check.drills import STAR_WORDS, Checklist, checklist_for
from bot.answer_check.findings import PRIORITY, WEIGHT, Finding
from bot.answer_check.intents import asked, misses_the_intent
from bot.answer_check.lesson import has_lesson, tells_a_failure, tells_no_setback
from bot.answer_check.mood import is_hypothetical
from bot.answer_check.outcome import DELIVERED, WE_HAD
from bot.answer_check.render import check_text
from bot.answer_check.result_number import has_metric
from bot.answer_check.telling import Telling, drill_items, how_told, star_heard
from bot.answer_check.text import (
    WORDS_PER_MINUTE,
    Clause,
    Form,
    clauses,
    count_words,
    normal,
    sentences,
    wordset,
)
from bot.answer_check.topics import asks_about_failure
from bot.principles import PrincipleError, match_principle

__all__ = ["AnswerCheck", "Finding", "check_answer", "check_text", "weakest_part"]

MAX_CHARS = 20_000  # far beyond any spoken answer; keeps the check fast on pasted documents


@dataclass(frozen=True)
class AnswerCheck:
    words: int
    minutes: float
    findings: tuple[Finding, ...]  # most important first (PRIORITY; "too short" leads when very short)
    # STAR parts heard; for a drill, its checklist in the same four slots (drills.py has the table)
    star: dict[str, bool]
    score: int  # 1–5
    i_count: int = 0
    we_count: int = 0
    drill: str | None = None  # the focus drill whose checklist was used, None for STAR
    labels: tuple[str, str, str, str] = ("Situation", "Task", "Action", "Result")
    metric_label: str | None = "Number"  # None when the drill does not ask for a number


def check_answer(
    text: str, *, principle: str | None = None, question: str | None = None, focus: str | None = None
) -> AnswerCheck:
    text = text[:MAX_CHARS]
    told = sentences(text)
    said = clauses(told)
    words = count_words(text)
    checklist = checklist_for(focus)
    content = _content(
        text, told, said, principle=_canonical(principle), question=question, checklist=checklist
    )
    telling = how_told(text, told, said, content, checklist)
    star = star_heard(text, told, said, checklist, telling)
    findings = set(_shape(text, told, words, star, checklist, telling)) | content
    if checklist is not None and question and not any(drill_items(text, told, said, checklist).values()):
        # nothing of the drill's checklist at all: another kind of answer, so nothing it asks is told
        findings |= {Finding.OFF_TOPIC, *((Finding.NO_METRIC,) if checklist.metric else ())}
    if (
        (checklist is None or checklist.we_counts)
        and Finding.HYPOTHETICAL not in findings  # nothing was done, by "I" or by "we": that is the finding
        and _we_not_i(told, said)
    ):
        findings.add(Finding.WE_NOT_I)
    ordered = tuple(finding for finding in PRIORITY if finding in findings)
    if Finding.TOO_SHORT in findings and words < (checklist.words[0] if checklist else STAR_WORDS[0]) / 3:
        # a few lines are not yet an answer: "say more" comes before what the missing parts would be
        ordered = (Finding.TOO_SHORT, *(f for f in ordered if f is not Finding.TOO_SHORT))
    return AnswerCheck(
        words=words,
        minutes=round(words / WORDS_PER_MINUTE, 1),
        findings=ordered,
        star=star,
        score=max(1, 5 - math.ceil(sum(WEIGHT[f] for f in ordered))),
        i_count=sum(1 for c in said if c.subject == "i"),
        we_count=sum(1 for c in said if c.subject == "we"),
        drill=checklist.name if checklist else None,
        labels=checklist.labels if checklist else ("Situation", "Task", "Action", "Result"),
        metric_label=("Scale" if checklist and checklist.name == "System Design" else "Number")
        if checklist is None or checklist.metric
        else None,
    )


def weakest_part(check: AnswerCheck) -> Finding | None:
    """The finding a follow-up question should aim at: the most important one a question can fix.

    Findings are in priority order (findings.PRIORITY: off topic, hypothetical, no action, "we"…);
    length alone is no follow-up ("too long" is skipped), and a clean answer has none.
    """
    return next((finding for finding in check.findings if finding is not Finding.TOO_LONG), None)


def _shape(
    text: str,
    told: list[str],
    words: int,
    star: dict[str, bool],
    checklist: Checklist | None,
    telling: Telling,
) -> list[Finding]:
    fewest, most = checklist.words if checklist else STAR_WORDS
    found = [Finding.TOO_SHORT] if words < fewest else [Finding.TOO_LONG] if words > most else []
    missing = {
        "situation": Finding.NO_SITUATION,
        "task": Finding.NO_TASK,
        "action": Finding.NO_ACTION,
        "result": Finding.NO_RESULT,
    }
    if telling is Telling.AS_IF:
        # "Hypothetical" is what one would do instead of what one did: it already says no step and no goal of
        # one real time were told, and its fix ("tell one real time") is the one to follow. "No action" and
        # "No task" beside it would say the same thing twice; a setting and an outcome are still parts the
        # real story must add, so "no situation" and "no result" stay.
        missing = {slot: finding for slot, finding in missing.items() if slot not in ("task", "action")}
    found += [missing[slot] for slot, present in star.items() if not present and slot in missing]
    if telling is Telling.AS_IF:
        numbered = True  # nothing happened, so no result to number: "hypothetical" says it
    elif checklist is None:  # a result told needs its number; with no result, "no result" says it
        numbered = not star["result"] or has_metric(told)
    else:
        numbered = checklist.metric is None or checklist.metric(text, told, [])
    if not numbered:
        found.append(Finding.NO_METRIC)
    return found


PAST_QUESTION = re.compile(
    r"\b(?:tell me about|describe a|give (?:me )?an example|a time|walk me through (?:a|the|how you)|have you|"
    r"did you|real|when you|example|most|worst|best|hardest|last)\b",
    re.IGNORECASE,
)
GENERAL_QUESTION = re.compile(
    r"\b(?:how (?:do|would|will|should) you|describe how you|what (?:would|do|is) you|what is your|design)\b",
    re.I,
)


def _content(
    text: str,
    told: list[str],
    said: list[Clause],
    *,
    principle: str | None,
    question: str | None,
    checklist: Checklist | None,
) -> set[Finding]:
    found: set[Finding] = set()
    asks_in_general = bool(
        question and GENERAL_QUESTION.search(question) and not PAST_QUESTION.search(question)
    )
    if (
        (checklist is None or checklist.hypothetical)
        and not asks_in_general
        and is_hypothetical(text, told, said)
    ):
        found.add(Finding.HYPOTHETICAL)
    if is_vague(text, said):
        found.add(Finding.VAGUE)
    if Finding.HYPOTHETICAL not in found and blames_others(text, told):  # what one would do faults nobody
        found.add(Finding.BLAMES_OTHERS)
    if (
        question
        and Finding.HYPOTHETICAL not in found
        and _beside_the_question(text, told, question, principle, checklist)
    ):
        found.add(Finding.OFF_TOPIC)
    about_failure = asks_about_failure(question) or tells_a_failure(text)
    if (
        about_failure and not has_lesson(text) and Finding.HYPOTHETICAL not in found
    ):  # no real time to learn from
        found.add(Finding.NO_LEARNING)
    return found


def _beside_the_question(
    text: str, told: list[str], question: str, principle: str | None, checklist: Checklist | None
) -> bool:
    """A story for another question. Where the question's kind is known (intents.py), by whether the
    story shows any of it; otherwise by its words and its principle's (content.off_topic). A failure
    question is answered by any failure, but not by a story with no setback in it at all (a team's
    success); a design is judged by its own checklist."""
    if checklist is not None and not checklist.story:
        return False
    if asks_about_failure(question):
        return checklist is None and tells_no_setback(text)
    if asked(question):
        return misses_the_intent(told, question)
    return checklist is None and off_topic(text, question=question, principle=principle)


def _we_not_i(told: list[str], said: list[Clause]) -> bool:
    """Mostly "we": more of the doing, or far more of the telling, is the team's than one's own. A note or a
    bullet that drops its "I" ("Built a small tool…", "Wrote a one-page guide…") is one's own step."""
    dropped = sum(1 for sentence in told if _drops_its_i(sentence))
    i_done = dropped + sum(1 for c in said if c.subject == "i" and c.form is Form.DONE)
    we_done = sum(
        1 for c in said if c.subject == "we" and c.form is Form.DONE and c.verb not in TEAM_OUTCOMES
    )
    i_all = dropped + sum(1 for c in said if c.subject == "i")
    we_all = sum(1 for c in said if c.subject == "we")
    return (we_done >= 2 and we_done > i_done) or (we_all >= 3 and we_all > 1.5 * i_all)


# "We shipped on the 12th", "we passed the review": the outcome the team reached, not a step told as "we".
TEAM_OUTCOMES = DELIVERED | WE_HAD | wordset("passed")


def _drops_its_i(sentence: str) -> bool:
    first = next(iter(parts(normal(sentence))), None)
    return first is not None and not first.subject and first.agent is Agent.I and first.past


def _canonical(principle: str | None) -> str | None:
    if not principle:
        return None
    try:
        return match_principle(principle)
    except PrincipleError:
        return None
