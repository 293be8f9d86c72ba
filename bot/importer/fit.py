"""Which of several principles a question is about, when a part of the note names more than one
("Priya (Earn Trust / Dive Deep)", "### Ownership & Bias for Action"): the one whose words the
question uses most, the principle's own name counting double; on a tie, the first named.

The words are the answer check's principle themes (bot/answer_check/topics.py), compared by stem.
"""

from __future__ import annotations

from functools import cache

from bot.answer_check.text import stems
from bot.answer_check.topics import QUESTION_FILLER, theme_stems
from bot.principles import STOPWORDS

# Words questions use for a principle that its theme leaves out (the theme is written for answers).
ASKED = {
    "Think Big": "biggest bigger bold moonshot ambitious vision long-term",
    "Bias for Action": "quickly fast without information calculated risk",
    "Have Backbone; Disagree and Commit": "overruled pushed back",
    "Ownership": "beyond role",
}


@cache
def _name_stems(principle: str) -> frozenset[str]:
    return frozenset(
        stems(" ".join(w for w in principle.replace(";", " ").split() if w.lower() not in STOPWORDS))
    )


@cache
def _asked_stems(principle: str) -> frozenset[str]:
    return frozenset(stems(ASKED.get(principle, "")))


def best_fit(question: str, principles: list[str]) -> str:
    """The principle of `principles` (at least one) the question reads as."""
    if len(principles) == 1:
        return principles[0]
    words = stems(question) - QUESTION_FILLER

    def weight(principle: str) -> int:
        own = _name_stems(principle)
        themed = theme_stems(principle) | _asked_stems(principle)
        return sum(2 if word in own else 1 for word in words if word in own or word in themed)

    weights = [weight(principle) for principle in principles]
    return principles[weights.index(max(weights))]
