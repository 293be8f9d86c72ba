"""The lesson a failure story owes: asked for by a failure question, or owed by a story that tells
the candidate's own failure ("I made a mistake", "that was on me"; a job that failed is not theirs), and heard when it is said ("I learned…", "the lesson…", "it taught me…")
or shown as a change the candidate made since ("since then I always…", "now I…", "I no longer…", "I changed how I…",
"next time I…", "I should have…"). Hindsight counts only when the candidate looks at themselves in it
("in hindsight, I should have…"); "looking back, given what we faced, it was a fair outcome" is none.
"""

from __future__ import annotations

import re

from bot.answer_check.text import normal

_I = re.IGNORECASE

LESSON = re.compile(
    r"\b(?:i (?:learned|learnt|have since|'ve since|took away)|lessons?|taught me|takeaway|what i took|"
    r"next time|(?:now|today) i|"
    r"i (?:now|no longer)|no longer (?:do|take|trust|assume|skip|ship|report|accept)|(?:i|i'd|i'll|we|we'd) "
    r"(?:\w+ ){0,4}?differently|(?:changed?|"
    r"change (?:was|is) in) (?:how|the way) i|i (?:always )?make sure|never again|i (?:would|should|could) have|"
    r"i wish i(?:'d| had)?|if i (?:did|had) it (?:again|over)|i (?:always|never) \w+ (?:now|again|since)|"
    r"i (?:started|began) (?:to )?(?:\w+ ){0,3}?(?:every|always|each|before)|made it a rule|"
    r"(?:in hindsight|looking back|in retrospect|with hindsight)[, ]+(?:\w+ ){0,2}?(?:i|i'd|i'm|i've|my|we|we'd) "
    r"(?:\w+ ){0,2}?(?:should|would|could|wish|realis\w*|realiz\w*|see|saw|learned|learnt|know|knew|now|"
    r"'d|was wrong|made|missed|underestimated|misjudged|overlooked))\b",
    _I,
)
# A change since, told of the candidate ("since then I always…", "we have run a pre-mortem ever since"); "the
# system has worked fine since then" is the outcome lasting, not a lesson.
SINCE = re.compile(
    r"\b(?:since then|ever since|from then on|from now on|going forward|these days)\b[, ]+(?:\w+ ){0,2}?(?:i|we|my|"
    r"our|i've|we've|i'm|we're)\b|\b(?:i|we|i've|we've|i'm|we're)\b[^.!?;]{0,80}?\b(?:since then|ever since|"
    r"from then on|from now on|going forward|these days)\b",
    _I,
)
OWN_FAILURE = re.compile(
    r"\b(?:i (?:failed(?! over| back)|made a mistake|made the mistake|messed up|got it wrong|was wrong|had been wrong|screwed up|"
    r"dropped the ball|misjudged|underestimated|overlooked)|my (?:mistake|failure|fault|biggest failure)|"
    r"(?:that|this|it) was on me)\b",
    _I,
)


def tells_a_failure(text: str) -> bool:
    return bool(OWN_FAILURE.search(normal(text)))


def has_lesson(text: str) -> bool:
    plain = normal(text)
    return bool(LESSON.search(plain) or SINCE.search(plain))
