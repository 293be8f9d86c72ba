"""Blaming others: the failure put on other people, with no part of it owned.

Read per clause (agents.py): a clause whose subject is people (a manager, the vendor, "their support
team", "legal") and whose predicate is a fault ("was slow", "changed it without telling anyone", "never
answered") counts as one; a turn of phrase that disowns the outcome ("not my fault", "my team did
everything we could", "if people had listened") counts as two. Three, with nothing owned ("my
mistake", "I should have", "I learned"), is blame. Customers and users can complain without being
blamed, and a subject-less clause is the people's only when the clause it continues was theirs.
"""

from __future__ import annotations

import re

from bot.answer_check.agents import Agent, parts
from bot.answer_check.text import normal, wordset

_I = re.IGNORECASE

PEOPLE = wordset("""he she they who manager managers boss lead leads pm pms po vendor vendors contractor contractors
    team teams designer designers architect architects developer developers engineer engineers colleague colleagues
    coworker coworkers co-worker predecessor report reports director directors leadership management hr qa tester
    testers partner partners sales marketing ops cto ceo vp guy guys offshore analyst analysts owner owners
    stakeholder stakeholders executive executives department departments agency infra infrastructure security legal
    finance devops support platform backend frontend procurement recruiter recruiters recruiting provider providers
    supplier suppliers client clients founder founders panel seniors juniors""")
FAULT = wordset("""ignored refused blocked complained disappeared forgot failed missed messed screwed lied blamed wasted
    delayed broke changed kept late slow useless incompetent careless lazy sloppy unreliable unresponsive difficult
    toxic rude terrible clueless unprofessional wrong mess poorly incorrect awful worst arrogant defensive
    without outdated oversold overpromised misled unwilling""")
FAULT_PHRASE = re.compile(
    r"\b(?:out of date|for (?:their|his|her) own|longer than (?:expected|planned|promised|agreed)|without (?:telling|asking|checking|"
    r"consulting|warning|informing)|sided with|more interested in|(?:wasn't|weren't|was not|were not) willing|"
    r"(?:didn't|did not|couldn't|could not) (?:be )?bother|"
    # what they ought to have done and did not: "the research team should have flagged it"
    r"^should(?:'ve| have) (?!been able)\w+|"
    # a promise of theirs that the story goes on to say was broken: "the platform team was supposed to…"
    r"^(?:was|were) supposed to)",
    _I,
)
STRONG_BLAME = re.compile(
    r"\b(?:(?:their|his|her|hr's|management's) fault|(?:not|wasn't|was not|isn't|is not|never) my fault|"
    # the defence: "my team did nothing wrong", "not much more we could have done"
    r"(?:nothing|not (?:much|a lot|anything)|little) (?:more |else )?(?:that )?(?:i|we) could (?:have )?(?:do|done)|"
    r"(?:i|we|my team|our team|the team) (?:did nothing|didn't do anything|did not do anything) wrong|"
    r"out of my (?:control|hands)|(?:was|were) to blame|threw (?:me|us) under|not (?:the|"
    r"our) fault|fault of (?:the|them|him|her)|dropped the ball|if (?:he|she|they|people|anyone|someone|somebody|"
    r"everyone|my \w+|the \w+) had (?:only )?(?:listened|done|told|followed|tested|delivered|asked|checked)|did "
    r"everything (?:\w+ ){0,2}could|(?:problem|issue|fault|delay|mistake|error|bug|blame)s? (?:was|were|lay|lies) "
    r"(?:\w+ )?(?:on|with) (?:their|the \w+) (?:side|end)|given what (?:we|i) (?:were|was) (?:dealing|up) (?:with|"
    r"against)|everything (?:i'd|i had) warned|(?:wasn't|was not|isn't|is not|not) on me|(?:not|beyond|outside) "
    r"(?:of )?(?:in )?(?:my|our) control|(?:not something|nothing) (?:that )?(?:i|we) could (?:have )?(?:controlled|"
    r"prevented|changed)|(?:was|had) no way (?:for (?:\w+ ){1,2})?(?:to|of) (?:know|knowing|tell|telling|predict|"
    r"see|seeing)|(?:outside|beyond) (?:of )?(?:my|our) (?:\w+'s )?control|"
    # the loss laid at their door: "that was entirely on leadership"
    r"(?:was|is|were|are) (?:entirely |all |squarely |completely |fully |100% )on (?:leadership|management|"
    r"them|him|her|(?:the|my|our) (?:\w+ )?(?:manager|boss|lead|director|vendor|team|leadership|management)))\b",
    _I,
)
OTHERS = (
    r"(?:he|she|they|them|him|her|marketing|sales|management|leadership|procurement|legal|finance|hr|"
    r"(?:my|our|the|their) (?:\w+ )?(?:manager|boss|lead|director|vendor|partner|client|contractor|pm|team|teams|"
    r"department|dependenc(?:y|ies))|other teams?|upstream(?: \w+)?|external \w+)"
)
# The failure put down to other people, as its cause: "the whole thing happened because he didn't listen",
# "the delay came from upstream dependencies". A technical cause ("it failed because the cache was cold")
# names no one.
CAUSED_BY_OTHERS = re.compile(
    r"\b(?:delay|slip|slippage|miss|failure|problem|issue|outage|thing|it|this|that)s? (?:all |only |really )?"
    r"(?:happened|came|stemmed|was caused|were caused|was due|were due|failed|slipped|fell (?:over|apart)|went "
    r"wrong)(?: mostly| mainly| entirely| only)? (?:because (?:of )?|from |by |to )" + OTHERS + r"\b",
    _I,
)
# Faults of others told as plain context, each one on its own: a promise they broke ("three weeks after the date
# they had agreed to", "which they'd promised in one"), decisions they reopened, a verdict on their competence
# ("was, frankly, not strong").
CONTEXT_FAULT = re.compile(
    r"\b(?:(?:after|later than|past) (?:the (?:date|deadline|day) )?(?:they|he|she)(?:'d| had)? (?:agreed|"
    r"promised|committed)|(?:they|he|she)(?:'d| had) (?:promised|agreed to) (?:it )?(?:in|by|for|within)|"
    r"reopen(?:ed|ing) (?:\w+ )?decisions|(?:was|were),? (?:frankly,? |honestly,? |simply |just )?(?:not|n't) "
    r"(?:very |particularly |that |really )?(?:strong|good|competent|capable|experienced|up to (?:it|the job|the "
    r"task)|reliable|responsive|helpful))",
    _I,
)
OWNING = re.compile(
    r"\b(?:my (?:fault|mistake|bad)|my part in|my responsibility|i should have|i could have|i take responsibility|"
    r"i took responsibility|i took ownership|on me(?! to\b)|i was wrong|what (?:i|we) could control|i apologi[sz]ed|i misjudged|i underestimated|"
    # "I learned the sandbox" is a tool picked up, not a lesson
    r"i learned(?! (?:the|a|an|our|their|its) (?!hard way|lesson|lot\b|importance|value)\w+(?: \w+)?(?:,|\.| and| then| in))|i learnt|"
    r"lesson|next time i)\b",
    _I,
)
# Half-blame, each a fault on its own: "exactly what I had predicted", "as I expected", "leadership not
# listening", "nobody told me", "that's their job", "I built it correctly with the data I was given".
TOLD_YOU_SO = re.compile(
    r"\b(?:(?:exactly|just|precisely|basically|pretty much|as) (?:what|as) |as )(?:i|we) (?:had )?(?:predicted|"
    r"warned|said|proposed|feared|suggested|told them|flagged|expected)|\b(?!(?:i|we)\b)\w+ (?:not|never|didn't|"
    r"did not|wouldn't|would not|refused to) (?:really )?listen(?:ing|ed)?\b|"
    r"\b(?:nobody|no one|no-one) (?:ever )?(?:told|warned|informed|alerted) (?:me|us)\b|"
    r"\b(?:that's|that is|which is|which was|that was|it's|it is|it was) (?:literally |exactly |supposed to be )?"
    r"(?:their|his|her) (?:job|responsibility)\b|"
    r"\b(?:with|from|on) the (?:data|inputs?|information|numbers|specs?|requirements) (?:i|we) (?:was|were) "
    r"(?:given|handed|sent)\b",
    _I,
)
DENIED = re.compile(r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+)?$", _I)
FILLER = wordset("also then still just only even really all both")
SELF = wordset("i me we us myself ourselves i've i'd we've we'd")


def fault_clauses(sentence_texts: list[str]) -> float:
    """Clauses that put a fault on other people; those in the opening count half (they may be the context
    the candidate walked into rather than the excuse)."""
    count = 0.0
    for index, sentence in enumerate(sentence_texts):
        weight = 0.5 if index < max(1, len(sentence_texts) // 5) else 1.0
        theirs = False  # whether the clause a subject-less one continues was people's
        for part in parts(normal(sentence)):
            if part.subject:
                theirs = _a_person(part.subject)
            elif part.link in RELATIVE:
                theirs = False  # "she picked the upload service, which was slow": the service was

            if part.agent is not Agent.OTHER or not theirs:
                continue
            early = part.words[:7]
            cooperative_not = part.negated and part.verb not in ("was", "were", "is", "are")
            faulted = set(early) & FAULT or FAULT_PHRASE.search(" ".join(part.words[:9]))
            if cooperative_not or faulted or ("no" in early and "reason" in part.words[:10]):
                count += weight
    return count


RELATIVE = wordset("which that")


def _a_person(subject: tuple[str, ...]) -> bool:
    """A clause's subject names people other than the candidate: its head noun ("the vendor's support team"),
    or a short name in it; "I and the previous manager kept…" is shared, not put on others."""
    if set(subject) & SELF:
        return False
    words = [word for word in subject if word not in FILLER and not word.endswith("ly")] or list(subject)
    head = words[-1].removesuffix("'s")
    if head in ("report", "reports"):  # "my report" is a person, "the weekly sales report" a document
        return len(words) > 1 and words[-2] in ("my", "his", "her", "their", "our", "direct")
    short_names = (word for word in subject if len(word) <= 4)  # he, she, they, hr, qa
    return head in PEOPLE or any(word in PEOPLE for word in short_names)


# A lesson that is about controlling others, not about oneself: "you cannot rely on other teams to keep their
# dates", "you need a lot more leverage over them, like penalty clauses". It owns nothing; it is one more fault.
LESSON_ON_OTHERS = re.compile(
    r"\b(?:(?:can't|cannot|can not|never|not|don't|do not) (?:\w+ )?(?:rely|count|depend) on|leverage over|"
    r"penalty clauses?|(?:never|don't|do not|not) trust (?:other|vendors?|agenc\w+|partners?|people|them|"
    r"contractors?)|hold (?:them|other teams|vendors|partners|people) (?:to account|accountable))",
    _I,
)


def blame_score(text: str, sentence_texts: list[str]) -> tuple[float, int]:
    plain = normal(text)
    told = [normal(sentence) for sentence in sentence_texts]
    owned = sum(_owned(sentence) for sentence in told)
    strong = 2 * (len(STRONG_BLAME.findall(plain)) + len(CAUSED_BY_OTHERS.findall(plain)))
    strong += len(TOLD_YOU_SO.findall(plain)) + len(CONTEXT_FAULT.findall(plain))
    strong += sum(1 for sentence in told if LESSON_ON_OTHERS.search(sentence))
    return fault_clauses(sentence_texts) + strong, owned


def _owned(sentence: str) -> int:
    """What the sentence owns; "the lesson is that you cannot rely on other teams" owns nothing."""
    on_others = LESSON_ON_OTHERS.search(sentence) is not None
    return sum(
        1
        for m in OWNING.finditer(sentence)
        if not DENIED.search(sentence[: m.start()])
        and not (on_others and m.group(0).lower().startswith(("lesson", "i learn")))
    )


def blames_others(text: str, sentence_texts: list[str]) -> bool:
    blame, owned = blame_score(text, sentence_texts)
    return blame >= 3 and owned == 0
