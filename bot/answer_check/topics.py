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
    " broken outage incident miss missed late cancel cancelled shut lost lose short",
    "learn learned learnt lesson realise realize takeaway insight understand",
    "deadline date late schedule time timeline deliver delivery ship launch release",
    "data metric metrics number numbers analysis dashboard measure evidence",
    "hire hiring recruit recruiting interview candidate onboard onboarding",
    "coach mentor develop grow growth promote promotion career",
    "cost budget money spend frugal cheap save saving expense resources",
    "simplify simple simpler remove automate streamline invent invention idea innovate",
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

# What a story for each principle cannot do without: the people served for Customer Obsession, the money
# or means saved for Frugality, someone who grew for Hire and Develop… Written from the principles' own
# wording (not from any answer set). A story that holds none of its principle's words, none of its
# question's, and several of another principle's, answers another question.
THEMES: dict[str, str] = {
    "Customer Obsession": """customer client user buyer shopper patient guest member subscriber consumer merchant seller
        traveller traveler rider passenger student reader viewer player visitor tenant citizen account""",
    "Ownership": """own owned owner ownership responsibility responsible accountable accountability nobody orphan orphaned
        beyond outside volunteer volunteered inherit inherited unowned myself initiative""",
    "Invent and Simplify": """simplify simple simpler simplified invent invented invention idea automate automated
        automation manual redesign redesigned replace replaced prototype creative innovate innovative complexity
        complicated complex workflow template reuse reused script eliminate eliminated generic configuration config
        delete deleted remove removed consolidate consolidated unify unified standardise standardised standardize
        standardized streamline streamlined""",
    "Are Right, A Lot": """decision decide decided judgement judgment right wrong choose chose choice option options
        evidence bet assumption assumed predict predicted recommend recommended consensus instinct analysis proposed
        proposal instead rather""",
    "Learn and Be Curious": """learn learned learnt learning curious curiosity study studied read course book taught teach
        explore explored discover discovered unfamiliar research researched understand understood expert skill""",
    "Hire and Develop the Best": """hire hired hiring recruit recruited interview interviewed candidate coach coached
        coaching mentor mentored mentoring grow grew growth promote promoted promotion develop developed development
        career train trained training junior report onboard onboarded talent confidence""",
    "Insist on the Highest Standards": """quality standard standards bar defect defects bug bugs test tests tested testing
        review reviewed polish rework refuse refused regression checklist excellence accept reject rejected""",
    "Think Big": """vision bold ambitious ambition strategy strategic future years roadmap scale transform
        transformation platform multiyear industry decade""",
    "Bias for Action": """quick quickly fast faster speed urgent urgently wait waiting immediately hours overnight risk
        reversible rollback act acted deadline decide decided""",
    "Frugality": """cost costs budget money spend spent cheap cheaper save saved saving savings resources headcount
        license licence free dollars euros pounds fewer constraint limited negotiate negotiated""",
    "Earn Trust": """trust trusted distrust honest honesty transparent transparency relationship admit admitted apologise
        apologize apologised apologized listen listened respect credibility candid sceptical skeptical stakeholder
        promise conflict disagree disagreed tension concern concerns feedback""",
    "Dive Deep": """data root cause dig dug metric metrics detail details investigate investigated analysis analysed
        analyzed logs log query queries anomaly audit trace traced numbers dashboard debug debugged reproduce
        reproduced pattern""",
    "Have Backbone; Disagree and Commit": """disagree disagreed disagreement pushback challenge challenged commit
        committed convince convinced concern concerns object objected argue argued debate oppose opposed escalate
        escalated overruled""",
    "Deliver Results": """deliver delivered delivery deadline goal result results obstacle ship shipped launch launched
        target date late behind milestone finish finished complete completed""",
    "Strive to be Earth's Best Employer": """wellbeing burnout inclusive inclusion morale engagement attrition
        workload career safe culture care overtime flexible diverse diversity belonging quit nights weekends sleep
        stress sick parental""",
    "Success and Scale Bring Broad Responsibility": """impact community communities responsibility environment
        environmental privacy safety society sustainability carbon ethical ethics fairness fair harm wider
        accessibility accessible public city neighbourhood neighborhood vulnerable regulation regulator policy
        emissions energy waste""",
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
    r"\b(?:fail|fails|failed|failures?|(?:you|i) (?:were|was) failing|mistakes?|regret\w*|setbacks?|(?:you|i) (?:were|was) wrong|went wrong|got (?:it )?wrong|"
    r"didn't go|did not go|went badly|screw\w* up|mess\w* up|misjudg\w*|fell short|(?:did not|didn't|failed to) "
    r"meet|missed (?:a |the |your )?(?:deadline|goal|target|commitment|date)|not go as planned|biggest error|"
    # what the candidate missed or overlooked is their slip, whatever it was: "a time you missed an important
    # detail", "something you overlooked"
    r"(?:you|i) (?:\w+ )?(?:missed|overlooked|dropped the ball)|"
    r"(?:was|were|ran|went|came in|shipped|delivered) (?:\w+ )?late|behind schedule|over budget|slipp\w*|"
    r"lost (?:a|the|an) (?:\w+ )?(?:customer|client|deal|account)|did(?:n't| not) work|lost (?:the |a |their |"
    r"your |its )?(?:trust|confidence)|(?:wasn't|was not|weren't|were not) what (?:you|they|we) (?:hoped|wanted|"
    r"expected|planned)|(?:didn't|did not|doesn't|does not) (?:pay off|turn out|end well)|backfired|fell through|"
    r"(?:moved|acted|went) too (?:fast|quickly|soon)|(?:could not|couldn't|did not|didn't|(?:were|was|weren't|"
    r"wasn't) not able to|(?:were|was) unable to|not able to) (?:keep|deliver|meet|hit|finish|complete)|"
    r"(?:received?|receiving|got|get|were given|was given|gave you) (?:some |a piece of )?(?:critical|negative|"
    r"harsh|tough|hard|difficult|constructive) feedback|criticism|you were critici[sz]ed|"
    r"what (?:did|have) you learn(?:ed|t)?\b|what would you do differently|broke (?:a|your) (?:promise|commitment)|let (?:\w+ ){0,2}down|(?:about|going) to miss|wrong "
    r"(?:call|decision|bet)|bad (?:call|decision|hire|bet))\b",
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
def theme_stems(principle: str | None) -> frozenset[str]:
    """A principle's own words, by stem and not by family: "report" is a person one develops, not any colleague."""
    return frozenset(stems(THEMES.get(principle or "", "")))


def asks_about_failure(question: str | None) -> bool:
    return bool(question and FAILURE_QUESTION.search(question))
