"""How the answer is told: a real time, in whatever tense, or what one would do or does in general.

Tense is no test of a story. Many second-language speakers tell a past story in the present ("In 2021
I work in a bank, the release is late, I call the vendor…"), and that is a story. What makes an answer
hypothetical is the unreal or the habitual told of oneself: "would", "'d", "could", "will", "going to";
"I usually", "I always", "I typically"; "my approach is"; the general "you"; "if …, I …". And an answer
of present steps placed nowhere ("I look at their impact, I collect feedback, I write the document") is
how one works in general. A narrative placed in a real time or setting, with particulars a listener
could check (names, systems, numbers) and the candidate's steps in sequence, is a story in any tense.
"""

from __future__ import annotations

import re

from bot.answer_check.agents import parts
from bot.answer_check.content import checkable
from bot.answer_check.outcome import has_present_result
from bot.answer_check.star import anchored, opening
from bot.answer_check.text import STATIVE_PRESENT, Clause, Form, count_words, normal, tokens, wordset

_I = re.IGNORECASE

GENERIC_ADVICE = re.compile(
    r"\b(?:you (?:would|should|need to|have to|must|want to|can)|one (?:should|must|needs to)|if i were|"
    r"if i was|my (?:general |usual |normal |typical |overall )?(?:approach|philosophy|rule|process|method|"
    r"style) (?:is|would be|when|as|for|to)|i believe (?:in|that)|i'm a (?:big |strong |firm )?believer|"
    r"the (?:key|best way|right way|important thing|first thing|trick|secret) (?:is|would be|when|with|to)|"
    r"it(?:'s| is) (?:important|essential|critical|key) to|in (?:such|that|this|these|those) (?:a |kind of "
    r"|sort of |kinds of )?(?:case|cases|situation|situations|scenario)|in a case like (?:that|this)|"
    r"in general|generally speaking|what (?:i|we) (?:usually |typically |normally |always |generally )?do "
    r"(?:is|with|when|in|first))\b",
    _I,
)
# "If someone pushes to cut corners, I explain the cost": a rule for any time, not one time.
IF_THEN_I = re.compile(
    r"(?:^|[.!?]\s+)if\b[^.!?]{3,90}?,\s*(?:then )?(?:i|we) (?!was\b|were\b|had\b)(\w+)", _I
)
# "I decided I would fix it", "so I could focus", "I told him we'd ship on Friday": a would reported in a
# story, or a purpose, is no plan for a hypothetical.
REPORTED = re.compile(
    r"\b(?:decided?|decides|said|says|told \w+|promised?|promises|thought|think|knew|know|realis\w*|"
    r"realiz\w*|agreed?|agrees|hoped?|hopes|planned?|plans|expected?|expects|sure|clear|meant|means|"
    r"confident|worried|afraid|warned? \w+|committed|commit|so|so that|until|unless|whether|if) "
    r"(?:that )?(?:i|we)(?: will| would|'d|'ll| could| can| am going to| was going to|'m going to)\b",
    _I,
)
HABIT_OPENING = re.compile(
    r"\W*(?:usually|typically|generally|normally|most of the time|often|as a rule)\b", _I
)
YOU = wordset("you you're you've you'll you'd")
HEDGE_VERBS = wordset("say argue guess imagine think bet estimate describe call add")
# A time in the past: "in 2023", "last year", "two years ago", "when I was…", "in my first job", "in March".
PAST_TIME = re.compile(
    r"\b(?:(?:back )?in (?:19|20)\d\d|(?:last|that) (?:year|quarter|month|summer|winter|spring|autumn|fall|week)|"
    r"(?:a|one|two|three|four|five|six|few|couple of|several|\d+) (?:years?|yrs?|months?|mos?|weeks?|wks?) ago|when i (?:was|joined|"
    r"started|worked|am|work|join|start)|in my (?:previous|last|first|former|old|second|third) (?:job|company|"
    r"role|team|position|employer)|during my|(?:in|early|late) (?:january|february|march|april|june|july|august|"
    r"september|october|november|december)\b|(?:in|during|at) (?:the|my|our) (?:internship|master's|bachelor's|"
    r"phd|university|studies))",
    _I,
)


def _unreal(text: str, told: list[str], said: list[Clause]) -> int:
    """What is told as would-be, as habit or as advice: each clause or phrase counts one."""
    plain = normal(text)
    conditional = sum(
        1
        for c in said
        if c.form is Form.CONDITIONAL and c.verb not in HEDGE_VERBS and c.verb != "have"  # "I should have"
    )
    return max(0, conditional - len(REPORTED.findall(plain))) + _habits(text, told, said)


def _habits(text: str, told: list[str], said: list[Clause]) -> int:
    """What is told as done every time: "I usually…", "If a deploy broke, I roll back", "Typically…", "my
    approach is…", the general "you"."""
    plain = normal(text)
    habitual = sum(1 for c in said if c.form is Form.HABITUAL)
    if_then = sum(1 for m in IF_THEN_I.finditer(plain) if not m.group(1).endswith("ed"))
    habit_led = sum(1 for s in told if HABIT_OPENING.match(normal(s)))
    repeated = len(REPEATED.findall(plain))
    return habitual + if_then + habit_led + repeated + len(GENERIC_ADVICE.findall(plain)) + _generic_you(told)


# Many occasions, not one: "I had many conflicts, it is normal". ("Every time" and "many times" are not
# here: a real story says them of what followed, "rates changed many times and every time we only…".)
REPEATED = re.compile(
    r"\b(?:it(?:'s| is) (?:normal|natural|common)|(?:many|several|lots of|a lot of|countless|so many|plenty of) "
    r"(?:conflicts|disagreements|situations|cases|occasions))\b",
    _I,
)


def _generic_you(told: list[str]) -> int:
    """The general "you" ("you look at the logs, you fix it"): how things are done, not what was."""
    return sum(
        1
        for sentence in told
        for part in parts(normal(sentence))
        if part.subject[-1:] and part.subject[-1] in YOU and not part.past
    )


ATTITUDE = wordset(
    "try tries care cares like likes love loves want wants believe believes feel feels value values "
    "enjoy enjoys strive strives prefer prefers"
)


def present_steps(said: list[Clause]) -> int:
    """The candidate's steps told in the present ("I ask my manager", "I rebuild the agents")."""
    return sum(1 for c in said if c.form is Form.PRESENT and c.verb and c.verb not in STATIVE_PRESENT)


def placed(text: str, told: list[str]) -> bool:
    """Set in one real time or place with particulars: a past time in the opening ("in 2021", "in my previous
    company"), or at least two checkable details (names, systems, figures) per 100 words with a named setting
    or with a measured outcome where the story ends ("after the deploy p95 goes from 2s to 280ms"): a routine
    has no one outcome to measure. Chat-typed stories are often told in the present and placed nowhere."""
    if PAST_TIME.search(" ".join(normal(text).split()[:45])):
        return True
    words = max(1, len(tokens(text)))
    if 100 * checkable(text) / words < 2.0:
        return False
    return any(anchored(normal(s)) for s in opening(told)) or has_present_result(told)


def _one_time(text: str, told: list[str], said: list[Clause]) -> bool:
    """Present steps that tell one time: placed, and not said to happen every time (two marks of habit make
    "At Stripe, when an alert fires I usually check…, I always write…" a routine, however named)."""
    return placed(text, told) and _habits(text, told, said) < 2


def told_in_the_present(text: str, told: list[str], said: list[Clause]) -> bool:
    """A real story told mostly in the present: one time, its steps in the present, and few would-bes."""
    done = sum(1 for c in said if c.form is Form.DONE)
    steps = present_steps(said)
    return (
        steps >= 3 and steps > done and _one_time(text, told, said) and _unreal(text, told, said) * 2 < steps
    )


def is_hypothetical(text: str, told: list[str], said: list[Clause]) -> bool:
    """What one would do, or does in general: nothing told as having happened and would-bes or present
    steps of no one time; or, beside a real story, more would-bes than steps by half again."""
    if count_words(text) == 0:
        return False
    signals = _unreal(text, told, said)
    steps = sum(1 for c in said if c.form is Form.DONE)
    if _one_time(text, told, said):
        steps += present_steps(said)
    if steps == 0:
        # nothing done: what one would do, or how one works. An attitude kept among beliefs ("customers matter
        # to me, I always try to put myself in their shoes, we have a strong culture") is values talk, no
        # routine of steps: no action, not a hypothetical
        habits, present = _habits(text, told, said), present_steps(said)
        attitudes = sum(1 for c in said if c.form is Form.HABITUAL and c.verb in ATTITUDE)
        return signals > habits or habits > attitudes or present >= 3 or (habits >= 1 and present >= 1)
    return signals >= 3 and signals > 1.5 * steps
