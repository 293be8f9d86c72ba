"""Whether the Task can be heard: the goal, need or problem the candidate took on.

An interviewer hears the task in two ways. Said: an obligation, an assignment or a goal that is not
denied ("my goal was…", "I had to…", "my manager asked me to…", "I took it on myself to fix…";
"nobody asked me to" is no task). Or evident: the situation tells something going wrong or pressing
("our nightly export was failing twice a week", "the disk was filling up, ~3h left", "customers kept
complaining") and the candidate then acts on it; nobody needs "my goal was to fix it" to hear that.
An answer that opens on its steps with no setting, or describes a state nobody takes on, tells none.
"""

from __future__ import annotations

import re

from bot.answer_check.agents import parts
from bot.answer_check.star import CONDITIONAL, _obliged, has_action, has_situation, only_points_back
from bot.answer_check.text import Clause, Form, normal

_I = re.IGNORECASE

TASK = re.compile(
    r"\b(?:(?:i|we|the team|my team|he|she|they) (?:had|needed|was asked|were asked|was expected|were expected|"
    r"was supposed|were supposed|was tasked|were tasked|was told|were told|was given|were given|got asked|had "
    r"been asked|had been told|was hired|were hired|was brought in|was chosen|was picked|volunteered|offered|"
    r"set out|aimed|committed|promised|took it upon myself|was trying|were trying) "
    r"to|i (?:\w+ly )?(?:owned|took ownership|took on|took (?:it|this|that) on|stepped up|signed up|took charge)|(?:got|received|was given|"
    r"were given|had|took on) (?:the|a|an) (?:\w+ )?(?:task|job|goal|mission|assignment|mandate)|asked (?:me|us) "
    r"(?:if|whether)|my (?:main |key |first |primary |own |whole |real )?(?:goal|task|job|role|responsibility|mandate|mission|"
    r"objective|aim|challenge|priority|assignment|remit|brief|charter|target|ask)|(?:the|our|a|one) (?:main |key "
    r"|first |primary |clear |big |only |real |hard )?(?:goal|task|objective|aim|challenge|mandate|mission|ask|"
    r"target|priority|deadline|requirement|brief|plan|problem to solve|question) (?:was|is|:|of|being|were)|"
    r"(?:i|we) (?:was|were) (?:responsible|accountable|in charge|on the hook|assigned|asked|tasked|expected|"
    r"supposed|the owner|the one)|i (?:owned|took ownership|took on|stepped up|signed up|took charge)|(?:it|this|"
    r"that) was (?:my|up to me|on me)|(?:asked|ask|asks|told|needed|wanted|expected|hired|tasked) (?:me|us|(?:my|"
    r"our) (?:\w+ ){0,2}?(?:team|group|org|organi[sz]ation|department|squad|unit|function)) to|(?:had|gave me|gave us|with|within) (?:only )?(?:\w+ )?(?:days?|weeks?|months?|hours?) "
    r"(?:to|left|before|until)|deadline|in order to|so that)\b",
    _I,
)


# A sentence of the would-be or of habit ("if someone pushes before a deadline, I…", "I've had to do this
# many times"): no task of one real time.
UNREAL = re.compile(
    r"\b(?:would|will)\b|'d\b|'ll\b|^\W*(?:if|when|whenever)\b|\b(?:usually|always|typically|generally|"
    r"normally|often)\b|\b(?:i|we)(?:'ve| have) had to\b",
    _I,
)
NOBODY = re.compile(
    r"\b(?:nobody|no one|no-one|never|not|n't|wasn't|weren't|didn't|without being)\s+(?:\w+\s+)?$", _I
)
RESPONSIBLE = re.compile(
    r"\b(?:i|we) (?:was|were|am|are|'m) (?:\w+ ){0,4}?(?:responsible|accountable|in charge|on the hook)|"
    r"\b(?:goal|task|job|objective|aim|mandate|mission|target|priority|ask)s? (?:\w+ ){0,3}?(?:was|were|is) "
    r"(?:to|that|simple|clear|(?!getting (?:worse|harder|bigger|later))\w+ing)\b",  # "the goal I own is getting…"
    _I,
)


# A decision or a wish to take it on, in any tense: "I decided to own it", "I decide I will fix it", "I
# wanted every student to feel…", "I want that my team can…".
INTENT = re.compile(
    r"\b(?:i|we) (?:\w+ly )?(?:decided?|decides|agreed?|chose|choose|wanted|want|offered?|resolved|made up "
    r"my mind) (?:(?:\w+ ){0,6}?to|that|(?:i|we) (?:will|would|'d|'ll|should|must|can|could))\b",
    _I,
)


def has_task(
    sentence_texts: list[str],
    clauses: list[Clause],
    *,
    acted: bool | None = None,
    evident: bool = True,
    in_present: bool = False,
) -> bool:
    """A goal or an obligation told before the end (a decision only early: "I decided to own it"; deciding
    mid-story is a step), or a problem the situation tells and the candidate then acts on. evident=False
    (an answer told as what one would do): only a task said outside the would-be counts."""
    if not evident:
        sentence_texts = [
            s if not UNREAL.search(normal(s)) and not only_points_back(normal(s)) else ""
            for s in sentence_texts
        ]
        clauses = [c for c in clauses if sentence_texts[c.sentence]]
    early = max(1, round(len(sentence_texts) * 0.4))
    if any(INTENT.search(normal(s)) for s in sentence_texts[:early]):
        return True
    cut = max(1, round(len(sentence_texts) * 0.75))
    if any(clause.form is Form.OBLIGED and clause.sentence < cut for clause in clauses):
        return True
    if any(_obliged(part) for sentence in sentence_texts[:cut] for part in parts(normal(sentence))):
        return True
    said = [normal(s) for s in sentence_texts[:cut]]
    for sentence in said:
        for match in (
            *TASK.finditer(sentence),
            *RESPONSIBLE.finditer(sentence),
            *TAKEN_ON.finditer(sentence),
        ):
            before = sentence[: match.start()]
            # "nobody asked us to" is no task, nor is "I would be responsible"
            if not NOBODY.search(before) and not CONDITIONAL.search(" ".join(before.split()[-3:])):
                return True
    return evident and _problem_taken_on(sentence_texts, clauses, acted=acted, in_present=in_present)


# Said in other words than the regular forms above: taking it on, being asked, what mattered, a date.
TAKEN_ON = re.compile(
    r"\b(?:took (?:it|this|that) (?:on|upon) (?:myself|ourselves)|took (?:it|this|that) on|took the lead|"
    r"took charge|stepped (?:in|up)|volunteered|(?:was|were|got|been) (?:\w+ )?(?:asked|told|tasked|assigned|"
    r"expected|supposed|hired|brought in) to|asked (?:me|us) (?:for|to)|assigned (?:me|us)|gave (?:me|us) "
    r"(?:the|a|an) (?:\w+ )?(?:task|job|project|goal|lead)|(?:it|this|that) was (?:very |really |so |"
    r"extremely )?(?:important|critical|essential|crucial|urgent) (?:for me |for us |to me )?to|"
    r"(?:team|group|org|company|business|we|i) (?:\w+ ){0,5}?(?:had|needed) to|(?:launch|due|target|"
    r"go-live|hard|release|cut-?over) date|committed to (?:a|the) (?:\w+ )?(?:date|deadline|launch)|"
    r"(?:and|i|we) (?:\w+ly )?(?:decided|wanted|set out|aimed|offered) to|"
    # what success was to be: "success for me meant getting…", "done looked like…"
    r"(?:success|done|winning) (?:for (?:me|us|the team) )?(?:meant|means|looked like|would mean|was defined as))\b",
    _I,
)
# Something going wrong or pressing, told of the situation: what a candidate who then acts took on.
TROUBLE = re.compile(
    r"\b(?:fail(?:ing|ed|s|ure|ures)?|broken|broke|breaking|crash\w*|outages?|incidents?|went down|was down|"
    r"slow(?:er|ing|ly)?|late|behind|slipp\w*|delay\w*|stuck|blocked|missing|missed|lose|losing|lost|end (?:of )?support\w*|"
    r"stop(?:ped|s)? support\w*|sunset\w*|drop(?:ped|ping|s)?|took (?:\w+ ){0,5}?(?:\d+|\w+ty|two|three|four|five|"
    r"six|several|many) (?:seconds|minutes|hours|days|weeks|months)|"
    # time lost to toil: "support spent two hours a day copying requests by hand"
    r"spen(?:t|d|ds|ding) (?:\w+ ){0,3}?(?:\d+|an?|two|three|four|five|six|several|many|hours|days) (?:\w+ )?"
    r"(?:minutes|hours|days|weeks)|by hand|manually|"
    r"fell|falling|declin\w*|spik\w*|complain\w*|complaints?|angry|unhappy|frustrat\w*|upset|churn\w*|at risk|"
    r"risky|risks?|mistakes?|threaten\w*|worried|problems?|issues?|bugs?|errors?|alerts?|alarms?|paged|filling up|running out|ran "
    r"out|tim(?:ing|ed) out|time-?outs?|leak\w*|wrong|tedious|painful|struggl\w*|overloaded|burn(?:ing|t|ed)? "
    r"?out|attrition|resign\w*|expensive|over budget|too (?:long|slow|expensive|many|much|few|small)|"
    r"(?:could|did|would|was|were|does|do|might|may|can)(?:n't| not) (?:work|support|scale|match|fit|trust|answer|"
    r"respond|exist|speak|show|come|keep|say|know|tell|find|get|reach|handle|cope|meet|afford|use)|never (?:answered|"
    r"replied|responded|came back|converted|showed up|opened|finished|arrived)|(?:nobody|no one) "
    r"(?:could|knew|owned|wanted|was)|warn(?:ed|ing|s)?|shortages?|shortfall|short (?:of|by|on)|unable|can't|cannot|"
    r"deadline|urgent|pressure|shut(?:ting)? down|deprecat\w*|end of life|double-charged|disputes?|"
    r"skeptic\w*|sceptic\w*|distrust|mistrust|tension|conflicts?|disagree\w*|rejected|escalat\w*|"
    r"regress\w*|vulnerab\w*|breach\w*|gaps?|bottlenecks?|backlog|"
    # a date to hit: "product wanted to ship friday", "the demo is on Monday"
    r"(?:ship|launch|release|go live|deliver|demo)\w* (?:\w+ ){0,3}?(?:by |on |before |for )?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|tomorrow|next week|end of (?:the )?(?:day|week|month|quarter|sprint))|"
    # "leadership wanted it live by the end of Q3", "ready before the audit in March"
    r"(?:live|done|ready|shipped|finished|launched|complete|in place) (?:by|before) (?:the )?(?:end of (?:the )?)?"
    r"(?:q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december|monday|"
    r"tuesday|wednesday|thursday|friday|next|year|month|quarter|sprint|audit|launch|holidays?|peak|\d))\b",
    _I,
)


def _problem_taken_on(
    sentence_texts: list[str], clauses: list[Clause], *, acted: bool | None, in_present: bool = False
) -> bool:
    """A situation that tells trouble in the first half of the answer, and steps that follow it (acted: the
    steps as the caller heard them, in whatever tense; else read here, in the past)."""
    if acted is None:
        acted = has_action(sentence_texts, clauses)
    if not acted or not has_situation(sentence_texts, in_present=in_present):
        return False
    half = max(1, (len(sentence_texts) + 1) // 2)
    return any(TROUBLE.search(normal(sentence)) for sentence in sentence_texts[:half])
