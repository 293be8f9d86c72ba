"""A quick, local, deterministic check of a written answer, the way an interviewer would listen.

Length against a 2–3 minute spoken answer; which STAR parts can be heard; "I" against "we";
whether a number backs the result; then the two or three tips that would help most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS_PER_MINUTE = 150  # a calm interview pace
IDEAL_WORDS = (300, 450)  # two to three minutes spoken
SHORT_WORDS, LONG_WORDS = 200, 600

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’%$.,-]*")
PARTS = ("Situation", "Task", "Action", "Result")

CUES: dict[str, re.Pattern[str]] = {
    "Situation": re.compile(
        r"\b(when i was|at my (?:last|previous|current|old|first) (?:job|company|role|team|employer)|"
        r"(?:back )?in (?:19|20)\d\d|last (?:year|quarter|month)|the situation|context|our team (?:was|had)|"
        r"the team (?:was|had)|we were (?:building|working|running|facing|growing|struggling|trying)|"
        r"the company (?:was|had)|i was (?:working|leading|running|managing) |was facing|had a problem|"
        r"at the time|a few years ago|recently hired|startup|our (?:customers|ceo|cto|product|manager))",
        re.IGNORECASE,
    ),
    "Task": re.compile(
        r"\b(my (?:goal|task|job|role|responsibility|mandate|mission)|i was (?:responsible|asked|tasked|charged|expected)|"
        r"i (?:needed|had) to|the goal was|the task was|our goal|objective|the challenge was|we needed to|"
        r"i wanted to|it was up to me|i owned|deadline)",
        re.IGNORECASE,
    ),
    "Action": re.compile(
        r"\b(i (?:then |first |quickly |personally )?(?:decided|built|led|organi[sz]ed|created|wrote|proposed|analy[sz]ed|"
        r"talked|met|set up|designed|implemented|pushed|asked|presented|convinced|changed|introduced|ran|started|"
        r"negotiated|drove|prioriti[sz]ed|reached out|called|escalated|coached|hired|investigated|dug|measured|"
        r"shipped|launched|refactored|made|took|gathered|surveyed|published|consolidated|scheduled|interviewed|"
        r"mapped|cut|moved|spoke|explained|worked|brought|focused|rebuilt|automated|tested|reviewed)|"
        r"so i\b|first,? i|next,? i|then i|my approach)",
        re.IGNORECASE,
    ),
    "Result": re.compile(
        r"\b(as a result|the result|results? (?:was|were)|outcome|in the end|ended up|which led to|led to|"
        r"resulted in|we (?:saved|reduced|increased|improved|grew|cut|shipped|launched|delivered|hit|beat|won)|"
        r"(?:saved|reduced|increased|improved|doubled|tripled|halved|grew|cut) (?:\w+ )?(?:by|from|to)|"
        r"i learned|lesson|looking back|the impact|this meant|which meant|finally|"
        r"(?:this|which|that) (?:brought|convinced|got|helped|allowed|made|gave)|was (?:sufficient|enough) (?:to|in))",
        re.IGNORECASE,
    ),
}

FIRST_PERSON = re.compile(r"\b(i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|myself)\b", re.IGNORECASE)
PLURAL = re.compile(r"\b(we|we're|we’re|we've|we’ve|we'd|we’d|us|our|ours|ourselves)\b", re.IGNORECASE)
METRIC = re.compile(
    r"(\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|k\b|m\b|ms\b|users?|customers?|people|developers|engineers|teams?|"
    r"days?|weeks?|months?|hours?|minutes?|seconds?|calls?|times|points?|tickets?|deals?|million|thousand|"
    r"billion|dollars?)|[$€£]\s?\d|\b\d{2,}\b(?<!\b(?:19|20)\d\d)|\b(?:doubled|tripled|halved|tenfold)\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?) "
    r"(?:of )?(?:customers|users|people|developers|engineers|teams|days|weeks|calls|times))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AnswerCheck:
    words: int
    parts: dict[str, bool]
    i_count: int
    we_count: int
    has_metric: bool
    tips: tuple[str, ...]

    @property
    def minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE

    @property
    def length(self) -> str:
        if self.words < SHORT_WORDS:
            return "short"
        if self.words < IDEAL_WORDS[0]:
            return "a little short"
        if self.words <= IDEAL_WORDS[1]:
            return "right"
        return "a little long" if self.words <= LONG_WORDS else "long"

    @property
    def missing(self) -> list[str]:
        return [part for part in PARTS if not self.parts[part]]


def result_section(text: str) -> str:
    """Where the result is told: the last 40% of the answer, or from an earlier result cue on."""
    found = CUES["Result"].search(text)
    start = int(len(text) * 0.6)
    return text[min(found.start(), start) if found else start :]


def check_answer(text: str) -> AnswerCheck:
    words = len(WORD.findall(text))
    parts = {part: bool(CUES[part].search(text)) for part in PARTS}
    i_count, we_count = len(FIRST_PERSON.findall(text)), len(PLURAL.findall(text))
    has_metric = bool(METRIC.search(result_section(text)))
    partial = AnswerCheck(words, parts, i_count, we_count, has_metric, ())
    return AnswerCheck(words, parts, i_count, we_count, has_metric, tips_for(partial))


TIP_FOR_PART = {
    "Situation": "Open with the situation in one or two sentences: where, when, what was at stake.",
    "Task": "Say what *you* had to achieve: the goal, the deadline, why it was yours.",
    "Action": "Spend most of the answer on what you did, step by step, in the first person.",
    "Result": "Finish with the result: what changed, by how much, and what you learned.",
}


def tips_for(check: AnswerCheck) -> tuple[str, ...]:
    tips = [TIP_FOR_PART[part] for part in check.missing]
    if check.length in ("short", "a little short"):
        tips.append(
            f"Add detail to reach 2–3 minutes spoken (about {IDEAL_WORDS[0]}–{IDEAL_WORDS[1]} words); "
            "the action part is where depth counts."
        )
    elif check.length in ("long", "a little long"):
        tips.append("Trim towards 3 minutes: keep the situation short and cut side stories.")
    if check.we_count > check.i_count:
        tips.append("Say “I” more than “we”: the interviewer is assessing your part, not the team's.")
    if not check.has_metric:
        tips.append("Back the result with a number: percent, time saved, customers, revenue, incidents.")
    if not tips:
        tips.append(
            "Strong structure: rehearse it aloud once, timing it, so it sounds told rather than read."
        )
    for follow_up in FOLLOW_UPS:  # two tips at least: there is always a follow-up question to prepare
        if len(tips) >= 2:
            break
        tips.append(follow_up)
    return tuple(tips[:3])


FOLLOW_UPS = (
    "Prepare the follow-up interviewers ask most: what would you do differently, and what did you learn?",
    "Have a second example ready for the same principle, in case the interviewer asks for another.",
)


def check_summary(check: AnswerCheck) -> str:
    parts = " ".join(f"{part[0]} {'✓' if present else '✗'}" for part, present in check.parts.items())
    number = "a number backs the result" if check.has_metric else "no number backs the result"
    minutes = f"about {check.minutes:.1f} min spoken"
    return (
        f"📝 Answer check: {check.words} words ({minutes}, length {check.length}) · STAR {parts} · "
        f"“I” {check.i_count} / “we” {check.we_count} · {number}"
    )


def check_text(check: AnswerCheck) -> str:
    return check_summary(check) + "\n" + "\n".join(f"• {tip}" for tip in check.tips)
