"""The interviewer's follow-up: one question after the answer check, aimed at its weakest part. Pure.

What a good interviewer does, and so what this does:
- Probe the weakest part first (`weakest_part`: off topic, hypothetical, no action, "we"…), asking
  for exactly what was missing: "What did *you* do, as opposed to the team?", "What was the
  measurable result?".
- A clean, strong answer still gets one. Interviewers dig into good stories too, to hear that they
  are real and to hear judgement: "What would you do differently?", "How did you decide?", or the
  principle's own probe ("What did you do once the decision went the other way?" for Backbone).
  A follow-up is the norm in a behavioral interview, and practising the second answer is the point.
- A focus drill gets the drill's follow-up (System Design: "What breaks first at ten times the load?").
- Varied, yet fixed for one answer: the wording is picked by a digest of the answer's own Slack id,
  so two answers with the same gap hear different words, and a retried reply says the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.answer_check import AnswerCheck, Finding, weakest_part


class Probe(StrEnum):
    """What a follow-up on a clean answer digs for (a finding's code names the other aims)."""

    DIFFERENTLY = "differently"  # what they would change: reflection
    DECIDE = "decide"  # how they chose: judgement
    DEEPER = "deeper"  # the principle's own probe, or the drill's


@dataclass(frozen=True)
class FollowUpQuestion:
    aim: str  # a Finding value, or a Probe value
    text: str


FOR_FINDING: dict[Finding, tuple[str, ...]] = {
    Finding.OFF_TOPIC: (
        "How does that story show {principle}? Tell me the moment that shows it best.",
        "That sounds like an answer to a different question. Which part of it shows {principle}?",
        "Let's come back to the question. Is there a time that shows {principle} more directly?",
    ),
    Finding.HYPOTHETICAL: (
        "That's what you would do. Tell me about one real time it happened: what did you actually do?",
        "Can you give me a specific example, a time this really happened, and what you did then?",
        "Has this actually happened to you? Walk me through the real case.",
    ),
    Finding.NO_ACTION: (
        "Walk me through what *you* did, step by step.",
        "What exactly did you do yourself? Give me the steps.",
        "What was the first thing you did, and what came next?",
    ),
    Finding.WE_NOT_I: (
        "What did *you* do, as opposed to the team?",
        "You said “we” a lot. What was your own part in it?",
        "Which of those steps did you take personally?",
    ),
    Finding.VAGUE: (
        "Can you make that concrete: which system, which people, what exactly did you change?",
        "Give me one specific detail: what exactly did you do, with whom, and when?",
        "What does that look like in practice? Take me through one concrete moment.",
    ),
    Finding.BLAMES_OTHERS: (
        "Looking back, what could *you* have done differently?",
        "What was your part in how it went, and what did you do about it?",
        "Setting the others aside: what in that story is yours to own?",
    ),
    Finding.NO_RESULT: (
        "How did it turn out in the end?",
        "What changed because of what you did?",
        "What was the outcome, for the customer or the business?",
    ),
    Finding.NO_LEARNING: (
        "What did you learn from it?",
        "What do you do differently since then?",
        "If it happened again tomorrow, what would you do the same, and what not?",
    ),
    Finding.NO_METRIC: (
        "What was the measurable result?",
        "How did you know it worked? What number moved?",
        "Can you put a number on the impact?",
    ),
    Finding.NO_SITUATION: (
        "Set the scene for me: where were you, and what was at stake?",
        "What was the context: the team, the project, the problem?",
    ),
    Finding.NO_TASK: (
        "What exactly were you responsible for there?",
        "What was your goal, and why was it yours to own?",
    ),
    Finding.TOO_SHORT: (
        "Tell me more: what did you do, step by step, and how did it end?",
        "Can you go deeper? What happened, what did you do, and what came of it?",
    ),
}

FOR_PROBE: dict[Probe, tuple[str, ...]] = {
    Probe.DIFFERENTLY: (
        "What would you do differently if you did it again?",
        "Looking back, what would you change?",
        "What didn't go well, and what would you do about it now?",
    ),
    Probe.DECIDE: (
        "How did you decide on that approach? What else did you consider?",
        "What was the hardest call you made there, and how did you make it?",
        "What data did you use to decide?",
    ),
}

FOR_PRINCIPLE: dict[str, str] = {
    "Customer Obsession": "How did you know what the customer actually needed?",
    "Ownership": "What did you take on there that was outside your job?",
    "Invent and Simplify": "What was the simpler option you rejected, and why?",
    "Are Right, A Lot": "What would have told you that you were wrong?",
    "Learn and Be Curious": "What did you learn along the way that you still use?",
    "Hire and Develop the Best": "How did that person grow afterwards, and how do you know?",
    "Insist on the Highest Standards": "Where did you refuse to lower the bar, and what did it cost?",
    "Think Big": "How did you get others to buy into the bigger idea?",
    "Bias for Action": "What risk did you take by moving fast, and how did you limit it?",
    "Frugality": "What did you do without, and what did that constraint make you invent?",
    "Earn Trust": "How did you know you had earned their trust?",
    "Dive Deep": "What detail did you find that others had missed, and how did you find it?",
    "Have Backbone; Disagree and Commit": "What did you do once the decision was made, and did it go your way?",
    "Deliver Results": "What was the biggest obstacle, and how did you get past it?",
    "Strive to be Earth's Best Employer": "How did the people involved feel about it afterwards?",
    "Success and Scale Bring Broad Responsibility": "Who beyond your team was affected, and how did you account for them?",
}

# A drill's checklist fills the STAR slots (bot/answer_check/drills.py): its findings ask for its items.
FOR_DRILL: dict[str, dict[Finding | Probe, str]] = {
    "System Design": {
        Finding.NO_SITUATION: "Before the design: who uses it, and what must it never do?",
        Finding.NO_TASK: "What did you trade off there, and what does it cost you?",
        Finding.NO_ACTION: "Draw it for me: what are the components, and how does a request flow through them?",
        Finding.NO_RESULT: "What happens when the busiest component fails?",
        Finding.NO_METRIC: "What scale are you designing for: users, requests a second, data size?",
        Probe.DEEPER: "What breaks first at ten times the load, and what would you change?",
    },
    "Operational Excellence": {
        Finding.NO_SITUATION: "How did you find out about the problem?",
        Finding.NO_TASK: "How bad was the impact, and who was affected?",
        Finding.NO_ACTION: "What did you do first to stop the bleeding?",
        Finding.NO_RESULT: "What mechanism did you put in place so it doesn't happen again?",
        Finding.NO_METRIC: "How long did it take to detect it, and to mitigate it?",
        Probe.DEEPER: "What would have caught it sooner?",
    },
    "People Management": {
        Finding.NO_SITUATION: "Tell me about the person: their level, and what was going on?",
        Finding.NO_TASK: "What were you aiming for with them?",
        Finding.NO_ACTION: "What did you actually say to them?",
        Finding.NO_RESULT: "How did they do afterwards?",
        Probe.DEEPER: "What would you have done if it hadn't worked?",
    },
    "Product/Project Management": {
        Finding.NO_SITUATION: "Who was the customer, and how did you learn about their problem?",
        Finding.NO_TASK: "What did you cut, and how did you decide?",
        Finding.NO_ACTION: "How did you keep it on track when something slipped?",
        Finding.NO_RESULT: "How did you judge success after the launch?",
        Finding.NO_METRIC: "What number told you it had worked?",
        Probe.DEEPER: "What would you cut if you had half the time?",
    },
    "Writing Sample": {
        Finding.NO_SITUATION: "What problem was the document meant to solve?",
        Finding.NO_TASK: "Which alternative did you argue against, and why?",
        Finding.NO_ACTION: "Which part did you write or decide yourself?",
        Finding.NO_RESULT: "What decision came out of it?",
        Probe.DEEPER: "Which piece of feedback changed the document most?",
    },
}


def index(seed: str, count: int) -> int:
    """A position below `count`, the same every time for the same seed (not Python's salted hash)."""
    digest = hashlib.sha256(seed.encode()).digest()
    return int.from_bytes(digest[:4], "big") % count


def pick(options: Sequence[str], seed: str) -> str:
    return options[index(seed, len(options))]


def follow_up_for(check: AnswerCheck, *, principle: str | None, seed: str) -> FollowUpQuestion:
    """The follow-up for an answer: `seed` is the answer's own id (its channel and message ts)."""
    weakest = weakest_part(check)
    drill = FOR_DRILL.get(check.drill or "")
    if drill is not None:
        if weakest is not None and weakest in drill:
            return FollowUpQuestion(str(weakest), drill[weakest])
        if weakest is None:
            return FollowUpQuestion(str(Probe.DEEPER), drill[Probe.DEEPER])
    if weakest is not None:
        topic = principle or "what was asked"
        return FollowUpQuestion(str(weakest), pick(FOR_FINDING[weakest], seed).format(principle=topic))
    probes: list[tuple[Probe, str]] = [(Probe.DIFFERENTLY, text) for text in FOR_PROBE[Probe.DIFFERENTLY]]
    probes += [(Probe.DECIDE, text) for text in FOR_PROBE[Probe.DECIDE]]
    if principle in FOR_PRINCIPLE:
        # the principle's own probe, as often as the other two kinds together
        probes += [(Probe.DEEPER, FOR_PRINCIPLE[principle])] * len(probes)
    aim, text = probes[index(seed, len(probes))]
    return FollowUpQuestion(str(aim), text)
