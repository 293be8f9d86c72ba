"""What a question is about: its own content words, the principle's theme, and whether it asks
about a failure, so the check can tell an answer that misses the question.

Words are compared by their Snowball stems, and a few families of words that interviewers and
candidates use for the same thing ("manager"/"boss", "mistake"/"failure"/"wrong") count as one.
"""

from __future__ import annotations

import re

from bot.answer_check.text import stem, stems, tokens

FAMILIES: tuple[str, ...] = (
    "customer client user buyer shopper consumer patient guest seller merchant partner",
    "manager boss lead leader director supervisor head vp executive leadership skip",
    "disagree disagreement push pushback object objection challenge conflict argue argument oppose concern",
    "mistake failure fail failed wrong error regret misjudge misjudged setback slip screw blunder flop",
    "learn learned learnt lesson realise realize takeaway insight understand",
    "deadline date late schedule time timeline deliver delivery ship launch release",
    "data metric metrics number numbers analysis dashboard measure evidence",
    "hire hiring recruit recruiting interview candidate onboard onboarding",
    "coach mentor develop grow growth promote promotion career feedback",
    "cost budget money spend frugal cheap save saving expense resources",
    "simplify simple simpler remove automate streamline invent invention idea innovate new",
    "trust honest honesty transparent credibility relationship respect",
    "decide decision judgement judgment choose choice call tradeoff",
    "quality standard bar defect bug polish",
    "quick quickly fast speed urgent risk calculated wait",
    "vision bold ambitious long big strategy future",
    "curious curiosity explore study read course",
    "team colleague peer coworker teammate engineer employee report people",
    "outage incident page alarm alert downtime",
)
_FAMILY_OF: dict[str, int] = {}
for _index, _family in enumerate(FAMILIES):
    for _word in _family.split():
        _FAMILY_OF.setdefault(stem(_word), _index)

# The words a story for each principle usually needs; a question's own words add to them.
THEMES: dict[str, str] = {
    "Customer Obsession": "customer feedback need complaint experience",
    "Ownership": "own responsibility long beyond job fix commit accountable",
    "Invent and Simplify": "simplify invent idea new automate remove",
    "Are Right, A Lot": "decide decision judgement data wrong right instinct",
    "Learn and Be Curious": "learn curious new skill study explore",
    "Hire and Develop the Best": "hire coach mentor grow promote feedback develop",
    "Insist on the Highest Standards": "quality standard bar defect review",
    "Think Big": "vision bold ambitious long strategy scale",
    "Bias for Action": "quick decide risk wait urgent fast",
    "Frugality": "cost budget money resources save",
    "Earn Trust": "trust honest feedback relationship admit mistake listen",
    "Dive Deep": "data root cause dig metric detail investigate analysis",
    "Have Backbone; Disagree and Commit": "disagree push challenge commit decision convince concern",
    "Deliver Results": "deliver deadline goal result obstacle ship",
    "Strive to be Earth's Best Employer": "team people wellbeing burnout inclusive environment growth",
    "Success and Scale Bring Broad Responsibility": "impact community responsibility environment privacy safety",
}

# Words every behavioral question has, which say nothing about its topic.
QUESTION_FILLER = frozenset(
    stem(word)
    for word in """tell me about time describe give example when what how why did you your yours have had has
    were was are is a an the of to in on for with and or but that this it its do does done walk through
    recent most least one some any who which where would could should they them their there then than
    after before about during into out up down over again also please share situation story experience
    specific concrete real happened happen way moment case made make get got go went did do thing things
    something someone anyone nobody other others own yourself know knew""".split()
)

FAILURE_QUESTION = re.compile(
    r"\b(?:fail\w*|mistake\w*|wrong|regret\w*|setback\w*|didn't go|did not go|went badly|screw\w* up|"
    r"mess\w* up|misjudg\w*|biggest error|not work|didn't work|differently|missed|fell short|go back)\b",
    re.IGNORECASE,
)


def family(word_stem: str) -> str:
    index = _FAMILY_OF.get(word_stem)
    return f"family:{index}" if index is not None else word_stem


def concepts(text: str) -> set[str]:
    return {family(word) for word in stems(text)}


def question_concepts(question: str) -> set[str]:
    words = {stem(token) for token in tokens(question) if len(token) > 2}
    return {family(word) for word in words - QUESTION_FILLER}


def theme_concepts(principle: str | None) -> set[str]:
    return concepts(THEMES.get(principle or "", ""))


def asks_about_failure(question: str | None) -> bool:
    return bool(question and FAILURE_QUESTION.search(question))
