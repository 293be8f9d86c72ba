"""Which STAR parts can be heard, and whether a number backs the result.

Each part is read from where a listener expects it and from how it is told: the situation in the
opening sentences as a setting (a place, a time, a project in trouble, told as a state: "was",
"were", "had"); the task as an obligation or a goal; the action as "I"/"we" with a verb of doing in
the past; the result in the second half as a change or an outcome.
"""

from __future__ import annotations

import re

from bot.answer_check.text import Clause, Form, count_words, normal

_I = re.IGNORECASE
SETTING = re.compile(
    r"\b(?:(?:back )?in (?:19|20)\d\d|(?:last|this|that|the previous|the following) (?:year|quarter|month|summer|"
    r"winter|spring|fall|autumn|week|sprint|season)|(?:a|one|two|three|four|five|six|few|couple of|several|"
    r"\d+) (?:years?|months?|weeks?) (?:ago|into|after)|when i (?:was|joined|started|worked|led|ran|managed|"
    r"took over|moved)|while (?:i was|working|at)|early in my|at the time|during (?:my|our|the|a|an)|recently|"
    r"(?:i|we)(?:'d| had) been \w+ing|"
    r"(?:at|in|with|for|on) (?:my|our) (?:\w+ )?(?:company|job|role|team|employer|position|startup|org|"
    r"organi[sz]ation|group|department|bank|agency|firm|client|project|workplace|business|office)|"
    r"(?:i|we) (?:was|were) (?:working|leading|running|managing|building|responsible|part|in charge|the|a|an|"
    r"on|at|in)|(?:i|we) (?:worked|joined|led|ran|managed|owned|started) (?:at|for|on|in|as|a|an|the|our|my)|"
    r"as (?:a|an|the) (?:\w+ )?(?:engineer|manager|lead|developer|analyst|designer|architect|owner|scientist|"
    r"consultant|director|intern|pm|tpm|sde|head)|my (?:previous|last|current|former|first|old) "
    r"(?:company|job|role|team|employer|manager|position)|there (?:was|were)|(?:i|we) had (?:a|an|\d+|two|three|"
    r"several|many|no)|(?:was|were|had been|kept) (?:slipping|failing|late|behind|down|struggling|broken|"
    r"growing|losing|missing|over|unhappy|complaining|stuck|blocked|delayed|crashing|timing|at risk|about to))\b",
    _I,
)
CAPITALISED_PLACE = re.compile(r"\b(?:at|in|for|with|on) (?:[A-Z][\w&.-]+|\d\w*[A-Za-z])")
CONTEXT_NOUN = re.compile(
    r"\b(?:project|team|product|service|system|customers?|clients?|company|launch|migration|release|deadline|"
    r"budget|platform|app|feature|org|department|process|program|outage|incident|startup|store|site|factory|"
    r"warehouse|hospital|school|store|shop|contract|deal|account)s?\b",
    _I,
)
STATE_VERB = re.compile(r"\b(?:was|were|had|used to|kept|became)\b", _I)

TASK = re.compile(
    r"\b(?:(?:i|we|the team|my team|he|she|they) (?:had|needed|was asked|were asked|was expected|were expected|"
    r"was supposed|were supposed|was tasked|were tasked|was told|were told|was given|were given|got asked|had "
    r"been asked|had been told|was hired|were hired|was brought in|was chosen|was picked|volunteered|offered|"
    r"set out|aimed|committed|decided|agreed|promised|chose|wanted|took it upon myself|was trying|were trying) "
    r"to|my (?:main |key |first |primary |own |whole |real )?(?:goal|task|job|role|responsibility|mandate|mission|"
    r"objective|aim|challenge|priority|assignment|remit|brief|charter|target|ask)|(?:the|our|a|one) (?:main |key "
    r"|first |primary |clear |big |only |real |hard )?(?:goal|task|objective|aim|challenge|mandate|mission|ask|"
    r"target|priority|deadline|requirement|brief|plan|problem to solve|question) (?:was|is|:|of|being|were)|"
    r"(?:i|we) (?:was|were) (?:responsible|accountable|in charge|on the hook|assigned|asked|tasked|expected|"
    r"supposed|the owner|the one)|i (?:owned|took ownership|took on|stepped up|signed up|took charge)|(?:it|this|"
    r"that) was (?:my|up to me|on me)|(?:asked|ask|asks|told|needed|wanted|expected|hired|tasked) (?:me|us|my "
    r"team|our team) to|(?:had|gave me|gave us|with|within) (?:only )?(?:\w+ )?(?:days?|weeks?|months?|hours?) "
    r"(?:to|left|before|until)|deadline|in order to|so that)\b",
    _I,
)

RESULT_CUE = re.compile(
    r"\b(?:as a result|in the end|the (?:end )?result|results? (?:was|were)|resulted in|outcome|ended up|led to|"
    r"which meant|this meant|that meant|the impact|impact was|eventually|by the end|since then|afterwards|"
    r"thanks to|because of (?:this|that|it)|at the end|in total|overall|that quarter|that year|the next "
    r"(?:day|week|month|quarter|year)|(?:a|one|two|three|four|six|few|\d+) (?:days?|weeks?|months?|quarters?|"
    r"years?) later|within (?:a |\w+ )?(?:days?|weeks?|months?)|from then on|to this day|still (?:uses?|used|in "
    r"use|running))\b",
    _I,
)
OUTCOME_VERB = re.compile(
    r"\b(?:reduced|increased|improved|cut|saved|grew|dropped|fell|rose|doubled|tripled|halved|launched|shipped|"
    r"delivered|finished|completed|met|hit|exceeded|achieved|won|retained|renewed|resolved|recovered|prevented|"
    r"avoided|eliminated|became|stabili[sz]ed|passed|adopted|signed|closed|beat|earned|succeeded|went (?:down|up|"
    r"from|live)|got promoted|was promoted|were promoted|approved|accepted|released|went away|disappeared|"
    r"stopped|shrank|climbed|jumped|declined|churned|stayed|held|reached|landed|worked|paid off|went ahead|slipped)\b",
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
    r"clients?|servers?)\b|(?:by|in|to) (?:half|a "
    r"third|a quarter)|(?:half|a third|a quarter|two thirds) of)",
    _I,
)
YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


def opening(sentence_texts: list[str]) -> list[str]:
    """The first sentence, and up to three more while they stay within the first 35% of the words."""
    total = max(1, sum(count_words(s) for s in sentence_texts))
    chosen: list[str] = []
    seen = 0
    for sentence in sentence_texts[:4]:
        if chosen and seen > total * 0.35:
            break
        chosen.append(sentence)
        seen += count_words(sentence)
    return chosen


def has_situation(sentence_texts: list[str]) -> bool:
    for sentence in opening(sentence_texts):
        text = normal(sentence)
        if SETTING.search(text) or CAPITALISED_PLACE.search(text):
            return True
        if STATE_VERB.search(text) and CONTEXT_NOUN.search(text):
            return True
    return False


def has_task(sentence_texts: list[str], clauses: list[Clause]) -> bool:
    cut = max(1, round(len(sentence_texts) * 0.75))
    if any(clause.form is Form.OBLIGED and clause.sentence < cut for clause in clauses):
        return True
    said = [normal(s) for s in sentence_texts[:cut]]
    return any(TASK.search(s) for s in said if not CONDITIONAL.search(s))


def action_count(clauses: list[Clause]) -> int:
    return sum(1 for clause in clauses if clause.form is Form.DONE)


def has_action(clauses: list[Clause]) -> bool:
    return action_count(clauses) >= 2


def second_half(sentence_texts: list[str]) -> list[str]:
    """Where an outcome can be told: after the first third (the opening sets the scene, not the result)."""
    if len(sentence_texts) <= 2:
        return sentence_texts[-1:]
    return sentence_texts[len(sentence_texts) // 3 :]


CONDITIONAL = re.compile(r"\b(?:would|will)\b|'d\b|'ll\b", _I)
CLOSING = re.compile(
    r"\b(?:now|today|instead of|on time|(?:was|were|is) (?:a )?(?:big |huge |great )?success|(?:was|were) (?:very )?"
    r"(?:happy|pleased|satisfied|delighted|unhappy|not happy)|(?:after|within) (?:a|\w+) (?:days?|weeks?|months?))\b",
    _I,
)


def has_result(sentence_texts: list[str]) -> bool:
    """An outcome after the opening: a result cue, or a change told of something other than "I" (what
    "I" did is a step); the last two sentences may close with a plain outcome ("now it takes…")."""
    late = [s for s in second_half(sentence_texts) if not CONDITIONAL.search(normal(s))]
    if any(RESULT_CUE.search(normal(sentence)) for sentence in late):
        return True
    if any(_outcome(sentence) for sentence in late):
        return True
    return any(CLOSING.search(normal(s)) for s in late[-2:])


def _outcome(sentence: str) -> bool:
    text = normal(sentence)
    for match in OUTCOME_VERB.finditer(text):
        before = text[: match.start()].split()[-3:]
        if "I" not in before and "we" not in [w.lower() for w in before[-1:]]:
            return True
        if METRIC.search(text[match.end() :]):  # "we cut costs by 30%" is a result however it is told
            return True
    return False


def has_metric(sentence_texts: list[str]) -> bool:
    """A number where the result is told: a sentence with a result cue or an outcome, or the last two."""
    late = [s for s in second_half(sentence_texts) if not CONDITIONAL.search(normal(s))]
    told = [s for s in late if RESULT_CUE.search(normal(s)) or _outcome(s) or CLOSING.search(normal(s))]
    return any(_metric_in(sentence) for sentence in told + late[-2:])


def _metric_in(sentence: str) -> bool:
    return any(not YEAR_ONLY.match(match.group(0).strip()) for match in METRIC.finditer(sentence))
