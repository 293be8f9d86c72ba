"""Where the result is told, and whether a number backs it.

The result is heard after the opening as a change told of the world rather than of "I" ("errors
fell to 0.2%", "he was promoted", read per clause by agents.py), as "we" delivering it ("we shipped
on April 12th"), or after a result cue ("as a result", "two weeks later"); the number must stand
where the result is told, not anywhere in the story.
"""

from __future__ import annotations

import re

from bot.answer_check.agents import Agent, Part, parts
from bot.answer_check.star import CONDITIONAL
from bot.answer_check.text import normal, wordset

_I = re.IGNORECASE

RESULT_CUE = re.compile(
    r"\b(?:as a result|in the end|the (?:end )?result|results? (?:was|were)|resulted in|outcome|ended up|led to|"
    r"which meant|this meant|that meant|the impact|impact was|eventually|by the end|since then|afterwards|"
    r"thanks to|because of (?:this|that|it)|at the end|in total|overall|that quarter|that year|the next "
    r"(?:day|week|month|quarter|year)|(?:a|one|two|three|four|six|few|\d+) (?:days?|weeks?|months?|quarters?|"
    r"years?) later|within (?:a |\w+ )?(?:days?|weeks?|months?)|from then on|to this day|still (?:uses?|used|in "
    r"use|running)|after (?:this|that|the|these|those|my|our) (?:\w+ )?(?:change|changes|fix|fixes|release|launch|"
    r"rollout|migration|work|project)|never \w+ again)\b",
    _I,
)
METRIC = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s*(?:%|percent|x\b|k\b|m\b|bn\b|ms\b|s\b|qps\b|rps\b|tps\b|gb\b|tb\b|pb\b|mb\b)|"
    r"[$€£]\s?\d|\b\d+(?:[.,]\d+)?\b(?<!\b(?:19|20)\d\d)|\b(?:doubled|tripled|quadrupled|halved|tenfold|"
    r"twofold|threefold)\b|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|sixty|hundred|dozens?|hundreds?|thousands?|millions?|billions?) (?:of )?"
    r"(?:\w+ )?(?:percent|customers?|users?|people|developers?|engineers?|teams?|days?|weeks?|months?|years?|"
    r"quarters?|hours?|minutes?|seconds?|calls?|times|tickets?|incidents?|outages?|pages?|bugs?|defects?|deals?|"
    r"dollars?|euros?|pounds?|points?|hires?|stores?|sites?|releases?|services?|requests?|orders?|accounts?|"
    r"clients?|servers?)\b|\bzero\b|(?:by|in|to) (?:half|a "
    r"third|a quarter)|(?:half|a third|a quarter|two thirds) of)",
    _I,
)
YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


def second_half(sentence_texts: list[str]) -> list[str]:
    """Where an outcome can be told: after the first third (the opening sets the scene, not the result);
    in an answer of one or two sentences, anywhere."""
    if len(sentence_texts) <= 2:
        return sentence_texts
    return sentence_texts[len(sentence_texts) // 3 :]


CLOSING = re.compile(
    r"\b(?:now|today|instead of|on time|(?:was|were|is) (?:a )?(?:big |huge |great )?success|(?:was|were) (?:very )?"
    r"(?:happy|pleased|satisfied|delighted|unhappy|not happy)|(?:after|within) (?:a|\w+) (?:days?|weeks?|months?))\b",
    _I,
)
CHANGE = wordset("""reduced increased improved cut saved grew dropped fell rose doubled tripled halved launched shipped
    delivered finished completed met hit exceeded achieved won retained renewed resolved recovered prevented avoided
    eliminated became stabilised stabilized passed adopted signed closed beat earned succeeded went approved
    accepted released disappeared vanished stopped shrank climbed jumped declined churned stayed held reached
    landed worked returned failed slipped lost crashed broke dipped spiked lowered raised agreed decided renewed
    promoted grown shrunk sped cleared kept caught""")
DELIVERED = wordset("""shipped launched delivered finished completed met hit exceeded achieved won reached landed
    released closed signed saved cut reduced went""")
STATE_OF = wordset("""faster slower better worse higher lower more less fewer bigger smaller cheaper quicker easier
    shorter longer happier safer happy pleased satisfied delighted unhappy normal stable fine success successful
    smooth smoothly zero gone live ready done confident proud impressed on-time late promoted able""")


EMBEDDED = wordset("why how what whether if where who whom")
# Verbs whose past is their present ("people put a summary in"): with a number alone, no sign it happened.
SAME_IN_PRESENT = wordset("is are put set let read shut cost hurt quit spread bet split burst")


def _outcome_part(part: Part) -> bool:
    if part.modal or (part.subject and part.subject[0] in EMBEDDED):
        return False  # "…would have corrupted", "…why it was needed": not what happened after
    told = " ".join(part.words)
    numbered = bool(METRIC.search(told))
    if part.agent is Agent.OTHER:
        early = part.words[:6]
        stated = any(
            w in STATE_OF and (i == 0 or early[i - 1] not in ("no", "any")) for i, w in enumerate(early)
        )
        return part.verb in CHANGE or stated or (numbered and part.verb not in SAME_IN_PRESENT)
    if part.agent is Agent.WE and part.verb in DELIVERED:
        return True
    return part.verb in CHANGE and numbered  # "I cut costs by 30%" is a result however it is told


def has_result(sentence_texts: list[str]) -> bool:
    """An outcome after the opening: a result cue, or a change told of the world rather than of "I"
    (what "I" did is a step); the last two sentences may close with a plain outcome ("now it takes…")."""
    later = second_half(sentence_texts)
    if any(_outcome(sentence) for sentence in later):  # each clause's own mood is read there
        return True
    late = [s for s in later if not CONDITIONAL.search(normal(s))]
    if any(RESULT_CUE.search(normal(sentence)) for sentence in late):
        return True
    return any(CLOSING.search(normal(s)) for s in late[-2:])


def _outcome(sentence: str) -> bool:
    return any(_outcome_part(part) for part in parts(normal(sentence)))


def has_metric(sentence_texts: list[str]) -> bool:
    """A number where the result is told: a sentence with a result cue or an outcome, or the last two."""
    late = [s for s in second_half(sentence_texts) if not CONDITIONAL.search(normal(s))]
    told = [s for s in late if RESULT_CUE.search(normal(s)) or _outcome(s) or CLOSING.search(normal(s))]
    return any(_metric_in(sentence) for sentence in told + late[-2:])


def _metric_in(sentence: str) -> bool:
    return any(not YEAR_ONLY.match(match.group(0).strip()) for match in METRIC.finditer(sentence))
