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
    r"(?:let|made|helped) me (?:understand|realis\w*|realiz\w*)|(?:main|key|big|biggest) learning|"
    # "the biggest thing I took from it", "nowadays I…", "I realised I had assumed…", "…on every change now"
    r"(?:i|we) took (?:away )?from (?:it|this|that|the experience)|nowadays,? (?:i|we)|"
    r"i (?:realised|realized) (?:that )?i (?:had|should|was|needed)|"
    r"i (?:\w+ ){1,6}?(?:every|each|any) (?:\w+ ){0,2}now\b(?! and then)|"
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
    r"\b(?:i (?:failed(?! over| back)|made a mistake|made the mistake|messed up|was wrong|had been wrong|screwed up|"
    r"dropped the ball|misjudged|underestimated|overlooked)|my (?:mistake|failure|fault|biggest failure)|"
    # "one I got wrong", "I got the estimate badly wrong"
    r"i got (?:(?:it|that|this|them|the \w+|my \w+) )?(?:badly |completely |very )?wrong|"
    r"(?:that|this|it) was on me(?! to\b))\b",  # "it was on me to fix it" is a duty, not a fault
    _I,
)


def tells_a_failure(text: str) -> bool:
    return bool(OWN_FAILURE.search(normal(text)))


def has_lesson(text: str) -> bool:
    plain = normal(text)
    return bool(LESSON.search(plain) or SINCE.search(plain))


# Anything going less than well, told anywhere in the story: what any answer to a failure question holds.
SETBACK = re.compile(
    r"\b(?:fail\w*|mistakes?|wrong|miss(?:ed|ing|es)?|late|later than|slipp?\w*|lost|lose|losing|loss\w*|errors?|"
    r"regret\w*|(?:should|could|would|might) have|didn't|did not|couldn't|could not|wasn't|weren't|unable|"
    r"fell short|short of|behind|delay\w*|backfir\w*|broke|broken|outages?|incidents?|apolog\w*|fault|blam\w*|"
    r"disappoint\w*|frustrat\w*|angry|upset|cancel\w*|roll(?:ed)? ?back|revert\w*|bugs?|worse|problems?|"
    r"issues?|underestimat\w*|overestimat\w*|misjudg\w*|overlook\w*|too (?:late|slow|fast|early|optimistic|"
    r"much|many|few|little)|not enough|only (?:\d|half|a |one|two|three)|below|under (?:target|plan)|hindsight|"
    r"lessons?|learn\w*|differently|painful|the hard way|embarrass\w*|escalat\w*|complain\w*|churn\w*|unhappy|"
    r"poor\w*|bad|badly|damage\w*|cost us|wasted?|rework|post-?mortem|retro\w*|gaps?|struggl\w*|never|"
    r"no longer|not|n't)\b",
    _I,
)


# A story told as a success: on time, ahead, a record, praise, pride.
SUCCESS = re.compile(
    r"\b(?:on time|ahead of (?:schedule|time|plan)|before the deadline|(?:days?|weeks?) early|success\w*|proud|"
    r"great (?:team )?(?:effort|result|outcome|job|win)|exceeded|beat (?:the|our) (?:target|goal|deadline)|"
    r"record|celebrat\w*|praised|recogni[sz]ed|thanked|smooth(?:ly|est)?|flawless\w*|without (?:a hitch|any "
    r"(?:issues|problems|incidents)))\b",
    _I,
)


def tells_no_setback(text: str) -> bool:
    """A success told to a failure question: nothing going less than well anywhere in it, and told as a
    success (on time, a record, pride). A failure told in other words ("the points were calculated twice,
    we switched it off") has no success to tell."""
    plain = NONE_OF_IT.sub(" ", normal(text))
    return not SETBACK.search(plain) and bool(SUCCESS.search(plain))


# A setback denied is a success: "with zero billing errors", "no incidents", "without any issues".
NONE_OF_IT = re.compile(
    r"\b(?:zero|no|without(?: any| a single)?|not a single|never had (?:a|any)) (?:\w+ )?(?:errors?|incidents?|"
    r"issues?|problems?|bugs?|outages?|downtime|complaints?|defects?|failures?|rollbacks?)\b",
    _I,
)
