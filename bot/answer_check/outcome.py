"""Where the result is told, and whether a number backs it.

The result is heard after the opening as a change told of the world rather than of "I" ("errors
fell to 0.2%", "he was promoted", read per clause by agents.py), as "we" delivering it ("we shipped
on April 12th"), or after a result cue ("as a result", "two weeks later"); the number must stand
where the result is told, not anywhere in the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.answer_check.agents import Agent, Part, parts
from bot.answer_check.numbers import METRIC, metric_in
from bot.answer_check.star import CONDITIONAL, a_step
from bot.answer_check.text import normal, wordset

_I = re.IGNORECASE

RESULT_CUE = re.compile(
    r"\b(?:as a result|in the end|the (?:end )?result|results? (?:was|were)|resulted in|outcome|ended up|led to|"
    r"which meant|this meant|that meant|the impact|impact was|eventually|by the end|since then|afterwards|"
    r"thanks to|because of (?:this|that|it)|at the end|in total|overall|that quarter|that year|the next "
    r"(?:day|week|month|quarter|year)|(?:a|one|two|three|four|six|few|\d+) (?:days?|weeks?|months?|quarters?|"
    r"years?) later|within (?:a |\w+ )?(?:days?|weeks?|months?|quarters?)|from then on|to this day|still (?:uses?|used|in "
    r"use|running)|after (?:this|that|the|these|those|my|our) (?:\w+ )?(?:change|changes|fix|fixes|release|launch|"
    r"rollout|migration|work|project)|never \w+ again)\b",
    _I,
)


def second_half(sentence_texts: list[str]) -> list[str]:
    """Where an outcome can be told: after the first third (the opening sets the scene, not the result);
    in an answer of one or two sentences, anywhere."""
    if len(sentence_texts) <= 2:
        return sentence_texts
    return sentence_texts[len(sentence_texts) // 3 :]


CLOSING = re.compile(
    r"\b(?:now|today|instead of|on time|(?:was|were|is) (?:a )?(?:big |huge |great )?success|(?:was|were) (?:very )?"
    r"(?:happy|pleased|satisfied|delighted|unhappy|not happy)|(?:after|within) (?:a|\w+) (?:days?|weeks?|months?|quarters?))\b",
    _I,
)
CHANGE = wordset("""reduced increased improved cut saved grew dropped fell rose doubled tripled halved launched shipped
    delivered finished completed met hit exceeded achieved won retained renewed resolved recovered prevented avoided
    eliminated became stabilised stabilized passed adopted signed closed beat earned succeeded went approved
    accepted released disappeared vanished stopped shrank climbed jumped declined churned stayed held reached
    landed worked returned failed slipped lost crashed broke dipped spiked lowered raised agreed decided renewed
    promoted grown shrunk sped cleared kept caught""")
WENT = wordset("up down from to live back out well smoothly badly wrong sideways south quiet flat away over")
# What "I" did that is itself a measured change ("I cut costs by 30%", "I saved $40k").
MEASURED = wordset("""reduced increased improved cut saved grew doubled tripled halved lowered raised shrank sped
    trimmed boosted""")
DELIVERED = wordset("""shipped launched delivered finished completed met hit exceeded achieved won reached landed
    released closed signed saved cut reduced went""")
STATE_OF = wordset("""faster slower better worse higher lower more less fewer bigger smaller cheaper quicker easier
    shorter longer happier safer happy pleased satisfied delighted unhappy normal stable fine success successful
    smooth smoothly zero gone live ready done confident proud impressed on-time late promoted able""")


WE_HAD = wordset("had saw lost gained grew got kept retained added churned")
EMBEDDED = wordset("why how what whether if where who whom")
# Verbs whose past is their present ("people put a summary in"): with a number alone, no sign it happened.
SAME_IN_PRESENT = wordset("is are put set let read shut cost hurt quit spread bet split burst")


# Verbs that report what someone found, saw or said: the clause after them is a finding, not an outcome.
REPORTING = wordset("""found saw noticed realised realized discovered learned learnt showed confirmed checked
    measured estimated calculated noted spotted figured thought believed assumed knew said told argued""")


def _outcome_part(part: Part) -> bool:
    if part.modal or (part.subject and part.subject[0] in EMBEDDED):
        return False  # "…would have corrupted", "…why it was needed": not what happened after
    if YOU & set(part.subject):
        return False  # "curiosity makes you better at everything": the general "you" is a belief, no outcome
    told = " ".join(part.subject + part.words)  # "about 7% of orders used it": the number may lead
    numbered = bool(METRIC.search(told))
    if part.verb == "went" and not set(part.words[1:2]) & WENT:
        return False  # "the time went into matching photos", "I went through the logs": no change told
    if part.agent is Agent.OTHER:
        early = part.words[:6]
        stated = any(
            w in STATE_OF and (i == 0 or early[i - 1] not in ("no", "any")) for i, w in enumerate(early)
        )
        return part.verb in CHANGE or stated or (numbered and part.verb not in SAME_IN_PRESENT)
    if part.agent is Agent.WE and (part.verb in DELIVERED or (part.verb in WE_HAD and numbered)):
        return True  # "we shipped on the 12th", "we had zero incidents", "we lost 18% of our accounts"
    return part.verb in MEASURED and numbered  # "I cut costs by 30%" is a result however it is told


def result_region(sentence_texts: list[str]) -> list[str]:
    """Where a story's outcome is told: its last 40% (at least its last two sentences), after the steps;
    an answer of one or two sentences, anywhere. What the world did mid-story is the situation moving."""
    count = len(sentence_texts)
    if count <= 2:
        return sentence_texts
    return sentence_texts[min(count - 2, (count * 3) // 5) :]


def has_result(sentence_texts: list[str]) -> bool:
    """An outcome at the end: a change told of the world rather than of "I" (what "I" did is a step), a
    result cue after the opening, a plain closing outcome ("now it takes…") in the last two sentences, or
    the world going on after the candidate's last step ("when the next interns started, all of them had
    it running"). A story whose last two sentences are still steps ends before its outcome: what the
    world did earlier was the situation moving ("the prototype found only 41%"), not the result."""
    if ends_in_flight(sentence_texts):
        return False
    if headline(sentence_texts):
        return True
    sentence_texts = before_the_lesson(sentence_texts)
    later = result_region(sentence_texts)
    cued = [s for s in second_half(sentence_texts) if not CONDITIONAL.search(normal(s))]
    if any(RESULT_CUE.search(normal(sentence)) for sentence in cued):  # "as a result…", wherever it comes
        return True
    outcomes = [part for sentence in later for part in outcome_parts(sentence)]  # each clause's own mood
    if _ends_on_steps(sentence_texts):  # "errors fell to 0.1%. I then wrote a runbook…" still told it
        closing = any(_closing(s) for s in later if not CONDITIONAL.search(normal(s)))
        return closing or any(part.verb in CHANGE for part in outcomes)
    if outcomes:
        return True
    late = [s for s in later if not CONDITIONAL.search(normal(s))]
    return any(_closing(s) for s in late[-2:]) or _world_after_the_steps(sentence_texts)


# What a step was for ("a log file so the technicians could send it instead of calling") is no outcome.
PURPOSE = re.compile(r"\bso (?:that )?(?:\w+ ){0,3}?(?:could|can|might|would)\b.*$", _I)
YOU = wordset("you you're you've")


def _closing(sentence: str) -> bool:
    return bool(CLOSING.search(PURPOSE.sub("", normal(sentence))))


# "Here's how", "this is how I did it": the answer opened on its outcome and now tells the story behind it.
HEADLINE_CUE = re.compile(
    r"\b(?:here(?:'s| is) how|this is how|that's how|let me (?:walk you through|explain|tell you) how)\b", _I
)


def headline(sentence_texts: list[str]) -> bool:
    """The outcome told first, as a headline, with its number: "I cut our monthly churn from 4.1% to 2.6% in
    two quarters. Here is how." Read in the first sentence: the candidate's own measured change ("I cut…",
    "we doubled…"), or any number followed by a "here's how"."""
    first, then = sentence_texts[:1], " ".join(sentence_texts[1:3])
    if not first or not metric_in(normal(first[0])):
        return False
    own = any(
        part.agent is not Agent.OTHER and part.past and not part.negated and part.verb in MEASURED
        for part in parts(normal(first[0]))
    )
    return own or bool(HEADLINE_CUE.search(normal(then)))


def _steps_in(sentence: str) -> bool:
    return any(a_step(part) for part in parts(normal(sentence)))


def _ends_on_steps(sentence_texts: list[str]) -> bool:
    told = list(sentence_texts)
    while told and LESSON_TOLD.search(normal(told[-1])) and not _outcome(told[-1]):
        told.pop()  # the lesson closing the story is read after it, not as its last step
    if len(told) < 4:
        return False
    return all(
        _steps_in(s)
        and not _outcome(s)
        and not RESULT_CUE.search(normal(s))
        and not CLOSING.search(normal(s))
        for s in told[-2:]
    )


def _world_after_the_steps(sentence_texts: list[str]) -> bool:
    """Someone or something other than the candidate doing or being something, in the past, after the
    candidate's last step and where the story ends."""
    stepped = [index for index, s in enumerate(sentence_texts) if _steps_in(s)]
    if not stepped or len(sentence_texts) < 3:
        return False
    after = sentence_texts[max(stepped[-1] + 1, len(sentence_texts) - len(result_region(sentence_texts))) :]
    return any(
        part.agent is Agent.OTHER and part.past and not part.modal and part.subject
        for sentence in after
        if not CONDITIONAL.search(normal(sentence))
        for part in parts(normal(sentence))
    )


def _outcome(sentence: str) -> bool:
    return any(True for _ in outcome_parts(sentence))


def outcome_parts(sentence: str) -> Iterator[Part]:
    """The sentence's clauses that tell an outcome, but none reported as a finding ("I found that only 11
    were used", "what I saw was that the forms took two minutes")."""
    reported = False
    for part in parts(normal(sentence)):
        if not reported and _outcome_part(part):
            yield part
        reported = (part.verb in REPORTING and part.agent is not Agent.OTHER) or (
            reported and not part.subject
        )


# A lesson closing the answer is no part of its result: the result's last lines are read before it.
LESSON_TOLD = re.compile(
    r"\b(?:i (?:learned|learnt)|lessons?|taught me|takeaway|what i took|next time|in hindsight|looking back|"
    r"(?:let|made|helped) me (?:understand|realis\w*|realiz\w*|see|learn)|(?:main|key|big|biggest) learning)\b",
    _I,
)


def before_the_lesson(sentence_texts: list[str]) -> list[str]:
    """The story without the lesson that closes it: "this experience let me understand that learning the
    tool is more important…" judges, it tells no outcome. A closing line that also tells a change ("errors
    fell to zero and I learned…") stays."""
    told = list(sentence_texts)
    while len(told) > 1 and LESSON_TOLD.search(normal(told[-1])) and not _changed(told[-1]):
        told.pop()
    return told


def _changed(sentence: str) -> bool:
    return any(part.verb in CHANGE and part.past for part in outcome_parts(sentence))


# Work told as still under way where the story ends: no outcome yet, however well it is going.
IN_FLIGHT = re.compile(
    r"\b(?:(?:we're|we are|i'm|i am|it's|it is|still) (?:\w+ )?in the middle of|(?:the )?plan is to (?:finish|"
    r"ship|launch|complete|roll|go)|(?:haven't|have not|hasn't|has not|isn't|is not) (?:\w+ )?(?:finished|"
    r"launched|shipped|done|complete\w*|live) yet|not (?:done|finished|live|launched|shipped) yet|still in "
    r"progress|(?:for|under) review in (?:the )?next|ask(?:s|ed)? me to prepare|the real test (?:is|will be)|"
    r"still (?:working on|waiting|rolling out|ongoing|underway|figuring)|(?:is|are) (?:planned|scheduled) for|"
    r"(?:we|i)(?:'ll| will) (?:only )?(?:know|see|find out)|(?:don't|do not) (?:\w+ )?know yet|too early to "
    r"(?:tell|say)|remains to be seen|halfway through|(?:which |that |it |they )?(?:will|'ll|is going to|are "
    r"going to) (?:be )?(?:release|launch|ship|go live|roll out|deploy)\w*)\b",
    _I,
)


def ends_in_flight(sentence_texts: list[str]) -> bool:
    """The last lines (before any lesson) say the work is still going on ("the cutover is planned for
    November", "the fix will release next month"), and no change of the world is told where the story
    ends: "errors fell 40%; phase two will launch next year" has its result."""
    told = before_the_lesson(sentence_texts)
    if not any(IN_FLIGHT.search(normal(s)) for s in told[-2:]):
        return False
    return not any(
        part.verb in REACHED and part.past for s in result_region(told) for part in outcome_parts(s)
    )


# What the work reached, as opposed to what befell it on the way ("when that team lost two people").
REACHED = wordset("""reduced increased improved cut saved grew dropped fell rose doubled tripled halved launched shipped
    delivered finished completed met hit exceeded achieved won resolved recovered eliminated passed adopted
    closed beat released reached landed lowered raised cleared stabilised stabilized""")


# A story told in the present tells its outcome in the present too ("the failures go from 47 to 3 a
# month", "the page load in 2.4 seconds", "we save 42,000 dollars", "the team is very happy").
PRESENT_OUTCOME = re.compile(
    r"\bfrom (?:about |around |roughly )?[$€£]?\d[^.;]{0,40}? to (?:about |around |only |under |below )?[$€£]?\d|"
    r"\b(?:go|goes|come|comes|get|gets|is|are|am|become|becomes|stay|stays)(?: also| now| much| very| even)? "
    r"(?:down|up|back|faster|slower|better|lower|higher|happy|happier|fine|stable|live|promoted|able)\b|"
    r"\b(?:save|saves|cut|cuts|reduce|reduces|drop|drops|fall|falls|grow|grows|increase|increases|decrease|"
    r"decreases|improve|improves) (?:\w+ ){0,3}?(?:by )?[$€£]?\d|"
    r"\b(?:launch|launches|ship|ships|finish|finishes|go live|goes live|deliver|delivers) (?:\w+ ){0,2}?on time\b",
    _I,
)


def has_present_result(sentence_texts: list[str]) -> bool:
    """An outcome told in the present where the story ends (for a story told in the present)."""
    if ends_in_flight(sentence_texts):
        return False
    told = before_the_lesson(sentence_texts)
    later = [normal(s) for s in result_region(told) if not CONDITIONAL.search(normal(s))]
    return any(PRESENT_OUTCOME.search(sentence) for sentence in later)
