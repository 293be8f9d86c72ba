"""What the check can find, and the one line that says how to fix each.

The vocabulary is fixed (stored on answers, printed by `python -m bot check --json`): never rename a
member. Drills reuse the STAR codes for their own checklist (see bot/answer_check/drills.py), so a
drill's line is worded for the drill.
"""

from __future__ import annotations

from enum import StrEnum


class Finding(StrEnum):
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    NO_SITUATION = "no_situation"
    NO_TASK = "no_task"
    NO_ACTION = "no_action"
    NO_RESULT = "no_result"
    WE_NOT_I = "we_not_i"
    NO_METRIC = "no_metric"
    HYPOTHETICAL = "hypothetical"
    VAGUE = "vague"
    BLAMES_OTHERS = "blames_others"
    OFF_TOPIC = "off_topic"
    NO_LEARNING = "no_learning"


# Most important first: the reply lists findings in this order and a follow-up aims at the first.
PRIORITY: tuple[Finding, ...] = (
    Finding.OFF_TOPIC,
    Finding.HYPOTHETICAL,
    Finding.NO_ACTION,
    Finding.WE_NOT_I,
    Finding.VAGUE,
    Finding.BLAMES_OTHERS,
    Finding.NO_RESULT,
    Finding.NO_LEARNING,
    Finding.NO_METRIC,
    Finding.NO_SITUATION,
    Finding.NO_TASK,
    Finding.TOO_SHORT,
    Finding.TOO_LONG,
)

# How much each costs on the 1–5 score: what makes an interviewer stop believing the story costs most.
WEIGHT: dict[Finding, float] = {
    Finding.OFF_TOPIC: 2.0,
    Finding.HYPOTHETICAL: 2.0,
    Finding.NO_ACTION: 1.5,
    Finding.WE_NOT_I: 1.0,
    Finding.VAGUE: 1.5,
    Finding.BLAMES_OTHERS: 1.5,
    Finding.NO_RESULT: 1.0,
    Finding.NO_LEARNING: 1.0,
    Finding.NO_METRIC: 0.5,
    Finding.NO_SITUATION: 0.5,
    Finding.NO_TASK: 0.5,
    Finding.TOO_SHORT: 1.0,
    Finding.TOO_LONG: 0.5,
}

LABEL: dict[Finding, str] = {
    Finding.TOO_SHORT: "Too short",
    Finding.TOO_LONG: "Too long",
    Finding.NO_SITUATION: "No situation",
    Finding.NO_TASK: "No task",
    Finding.NO_ACTION: "No action",
    Finding.NO_RESULT: "No result",
    Finding.WE_NOT_I: "“We”, not “I”",
    Finding.NO_METRIC: "No number",
    Finding.HYPOTHETICAL: "Hypothetical",
    Finding.VAGUE: "Vague",
    Finding.BLAMES_OTHERS: "Blames others",
    Finding.OFF_TOPIC: "Off topic",
    Finding.NO_LEARNING: "No lesson",
}

FIX: dict[Finding, str] = {
    Finding.TOO_SHORT: "Add the steps you took and why: aim for 2–3 minutes spoken (300–450 words).",
    Finding.TOO_LONG: "Trim to 3 minutes: one or two sentences of context, cut side stories, keep the actions.",
    Finding.NO_SITUATION: "Open with one sentence of context: where you were, the project, the problem.",
    Finding.NO_TASK: "Say what you had to achieve and why it was yours: the goal, the deadline, the stakes.",
    Finding.NO_ACTION: "Spend most of it on what you did, step by step, each step with “I” and a verb.",
    Finding.NO_RESULT: "End with the outcome: what changed because of what you did, and by how much.",
    Finding.WE_NOT_I: "Say “I” for your own part: the interviewer is hiring you, not the team.",
    Finding.NO_METRIC: "Back the result with a number: percent, time, money, customers, incidents.",
    Finding.HYPOTHETICAL: "Tell one real time it happened, in the past tense, not what you would do.",
    Finding.VAGUE: "Swap the buzzwords for specifics: which system, which people, what exactly you did.",
    Finding.BLAMES_OTHERS: "Own your part instead of faulting others: what could you have done better?",
    Finding.OFF_TOPIC: "Answer the question asked: pick a story that shows exactly that.",
    Finding.NO_LEARNING: "Close with what you learned and what you do differently since.",
}
