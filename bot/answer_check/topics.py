"""What a question is about: its own content words, the principle's theme, and whether it asks
about a failure, so the check can tell an answer that misses the question.

Words are compared by their Snowball stems, and a few families of words that interviewers and
candidates use for the same thing ("manager"/"boss", "mistake"/"failure"/"wrong") count as one.
"""

from __future__ import annotations

import re
from functools import cache

from bot.answer_check.text import stem, stems, tokens, wordset

FAMILIES: tuple[str, ...] = (
    "customer client user buyer shopper consumer patient guest seller merchant partner",
    "manager boss lead leader director supervisor head vp executive leadership skip",
    "disagree disagreement push pushback object objection challenge conflict argue argument oppose concern",
    "mistake failure fail failed wrong error regret misjudge misjudged setback slip screw blunder flop bug broke"
    " broken outage incident miss missed late",
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

# The words a story for each principle usually holds (from the principles' own wording and the questions
# interviewers ask for them); a question's own words add to them.
THEMES: dict[str, str] = {
    "Customer Obsession": """customer client user buyer feedback complaint complain need experience satisfaction
        support ticket churn review survey interview visit pain request trust retention loyal nps""",
    "Ownership": """own owner ownership responsibility responsible accountable long-term beyond job fix commit
        initiative volunteer nobody step orphan problem risk inherit follow through scope""",
    "Invent and Simplify": """simplify simple invent invention idea new automate remove reduce manual step process
        tool prototype creative innovate replace redesign borrow experiment novel complexity""",
    "Are Right, A Lot": """decide decision judgement judgment data wrong right instinct option choose choice
        evidence bet predict prediction risk assumption mind opinion perspective trade-off debate""",
    "Learn and Be Curious": """learn learned curious curiosity new skill study explore read course book
        question teach taught discover understand expert unfamiliar domain research""",
    "Hire and Develop the Best": """hire hiring recruit interview candidate coach mentor grow growth promote
        promotion feedback develop career potential talent train training report junior bar onboard""",
    "Insist on the Highest Standards": """quality standard bar defect bug review test polish excellence rework
        refuse accept fix root cause high raise checklist escape metric""",
    "Think Big": """vision bold ambitious long-term strategy scale future roadmap years big platform transform
        goal direction plan bet moonshot multiyear""",
    "Bias for Action": """quick quickly fast speed urgent risk calculated wait decide decision reversible act
        move hours days deadline immediately rollback""",
    "Frugality": """cost costs budget money spend cheap save saving savings resources constraint headcount
        license licence reuse free dollars euros fewer less""",
    "Earn Trust": """trust honest honesty transparent relationship admit mistake listen feedback respect
        apologise apologize credibility candid sceptical skeptical stakeholder promise""",
    "Dive Deep": """data root cause dig metric metrics detail details investigate analysis analyse analyze logs
        query anomaly audit trace numbers dashboard deep underlying""",
    "Have Backbone; Disagree and Commit": """disagree disagreement push pushback challenge commit decision
        convince concern object argue debate oppose manager senior leader opinion data""",
    "Deliver Results": """deliver delivered deadline goal result obstacle ship launch target date late track
        behind risk blocker priority outcome""",
    "Strive to be Earth's Best Employer": """team people wellbeing burnout inclusive inclusion environment growth
        morale engagement attrition hours safe culture care workload career""",
    "Success and Scale Bring Broad Responsibility": """impact community responsibility environment privacy safety
        society sustainability carbon ethical fairness harm wider accessibility public""",
}

# Words every behavioral question has, which say nothing about its topic.
QUESTION_FILLER = frozenset(
    stem(word)
    for word in wordset("""tell me about time describe give example when what how why did you your yours have had has
    were was are is a an the of to in on for with and or but that this it its do does done walk through
    recent most least one some any who which where would could should they them their there then than
    after before about during into out up down over again also please share situation story experience
    specific concrete real happened happen way moment case made make get got go went did do thing things
    something someone anyone nobody other others own yourself know knew""")
)

FAILURE_QUESTION = re.compile(
    r"\b(?:fail\w*|mistakes?|regret\w*|setbacks?|(?:you|i) (?:were|was) wrong|went wrong|got (?:it )?wrong|"
    r"didn't go|did not go|went badly|screw\w* up|mess\w* up|misjudg\w*|fell short|(?:did not|didn't|failed to) "
    r"meet|missed (?:a |the |your )?(?:deadline|goal|target|commitment|date)|not go as planned|biggest error)\b",
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


@cache
def theme_concepts(principle: str | None) -> frozenset[str]:
    return frozenset(concepts(THEMES.get(principle or "", "")))


def asks_about_failure(question: str | None) -> bool:
    return bool(question and FAILURE_QUESTION.search(question))
