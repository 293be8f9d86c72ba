"""Whether a number backs the result: it must stand where the result is told (outcome.py finds where), not
anywhere in the story; the figures of the situation ("churn jumped to 9.4%") are no result."""

from __future__ import annotations

from bot.answer_check.agents import Part, parts
from bot.answer_check.numbers import metric_in
from bot.answer_check.outcome import (
    CLOSING,
    LESSON_TOLD,
    RESULT_CUE,
    headline,
    outcome_parts,
    result_region,
)
from bot.answer_check.star import CONDITIONAL, a_step
from bot.answer_check.text import normal, tokens, wordset


def has_metric(sentence_texts: list[str]) -> bool:
    """A number where the result is told: in an outcome clause ("about 7% of orders used it"), in a
    sentence with a result cue or a closing outcome, or in the last two sentences; or told first, as the
    answer's headline."""
    if headline(sentence_texts):
        return True
    start = max(len(sentence_texts) // 3, _first_step(sentence_texts) + 1)
    for sentence in sentence_texts[start:] if len(sentence_texts) > 2 else sentence_texts:
        # a failure's toll may be told before the recovery, but after the steps began: the figures of the
        # situation ("churn jumped to 9.4%", "marketing's theory was a 40%-off promotion") are no result
        if any(metric_in(_from(sentence, p)) for p in outcome_parts(sentence)):
            return True
    later = [s for s in result_region(sentence_texts) if not CONDITIONAL.search(normal(s))]
    for sentence in later:
        plain = normal(sentence)
        if (RESULT_CUE.search(plain) or CLOSING.search(plain)) and metric_in(plain):
            return True
    closing = [s for s in later if not LESSON_TOLD.search(normal(s))][-2:]
    return any(metric_in(normal(s)) for s in closing)


def _first_step(sentence_texts: list[str]) -> int:
    """Where the candidate's steps begin: the first sentence with "I"/"we" doing something in the past ("we
    ran a meal-kit business", "we needed to find out" set the scene); 0 when no step comes before the end."""
    ending = len(sentence_texts) - len(result_region(sentence_texts))
    for index in range(ending):
        if any(a_step(part) and part.verb not in FRAMING for part in parts(normal(sentence_texts[index]))):
            return index
    return 0


FRAMING = wordset(
    "was were had been worked joined led ran managed owned started moved used became inherited got needed"
)


def _from(sentence: str, part: Part) -> str:
    """The sentence from the outcome clause on: "we went live on the 19th, almost three weeks late"."""
    words = tokens(sentence)
    told = list(part.subject + part.words)
    for start in range(len(words)):
        if words[start : start + len(told)] == told:
            return " ".join(words[start:])
    return " ".join(told)
