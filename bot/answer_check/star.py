"""Which of Situation and Action can be heard (the Task: task.py; the Result and its number: outcome.py).

Each part is read from where a listener expects it and from who does what in it (agents.py): the
situation in the opening, before the candidate's first step, as a setting (a place, a time, an
organisation, a role) or as the world in some state ("our checkout was failing"); the task as an
obligation or a goal that is not denied ("nobody asked me to" is no task); the action as "I"/"we"
with a verb of doing in the past.
"""

from __future__ import annotations

import re

from bot.answer_check.agents import Agent, Part, parts
from bot.answer_check.text import STATIVE, STATIVE_PRESENT, Clause, Form, count_words, normal, wordset

_I = re.IGNORECASE
SETTING = re.compile(
    r"\b(?:(?:back )?in (?:19|20)\d\d|(?:last|this|that|the previous|the following) (?:year|quarter|month|summer|"
    r"winter|spring|fall|autumn|week|sprint|season)|(?:a|one|two|three|four|five|six|few|couple of|several|"
    r"\d+) (?:years?|yrs?|months?|mos?|weeks?|wks?) (?:ago|into|after)|when i (?:was|joined|started|worked|led|ran|managed|"
    r"took over|moved)|while (?:i was|working|at)|early in my|at the time|during (?:my|our|the|a|an)|recently|"
    r"(?:i|we)(?:'d| had) been \w+ing|"
    r"(?:at|in|with|for|on) (?:my|our) (?:\w+ )?(?:company|job|role|employer|position|startup|org|"
    r"organi[sz]ation|group|department|bank|agency|firm|client|project|workplace|business|office)|"
    # a day and a time: "one friday night", "sat night ~11pm", "on a Sunday"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"last|one|that) (?:night|morning|evening|afternoon)|(?:on|one|last|that) (?:a )?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)|"
    r"(?:i|we) (?:was|were) (?:working|leading|running|managing|building|responsible|part|in charge|the|a|an|"
    r"on|at|in)|(?:right now|currently|at the moment|these days),? (?:i|we)\b|(?:i|we)(?:'m| am|'re| are) "
    r"(?:currently |now )?(?:leading|running|managing|building|responsible for|in charge of|working on)|(?:i|we) (?:worked|joined|led|ran|managed|owned|started) (?:at|for|on|in|as|a|an|the|our|my)|"
    r"as (?:a|an|the) (?:\w+ )?(?:engineer|manager|lead|developer|analyst|designer|architect|owner|scientist|"
    r"consultant|director|intern|pm|tpm|sde|head)|my (?:previous|last|current|former|first|old) "
    r"(?:company|job|role|team|employer|manager|position)|there (?:was|were)|(?:i|we) had (?:a|an|\d+|two|three|"
    r"several|many|no)|(?:was|were|had been|kept) (?:slipping|failing|late|behind|down|struggling|broken|"
    r"growing|losing|missing|over|unhappy|complaining|stuck|blocked|delayed|crashing|timing|at risk|about to))\b",
    _I,
)
# "at Stripe", "in Warsaw", "at 8base"; not "in MAT" or "in SQL", which are tools more often than places
CAPITALISED_PLACE = re.compile(r"\b(?:[Aa]t|[Ii]n|[Ff]or|[Ww]ith|[Oo]n) (?:[A-Z][a-z][\w&.-]*|\d\w*[A-Za-z])")
CONTEXT_NOUN = re.compile(
    r"\b(?:project|team|product|service|system|customers?|clients?|company|launch|migration|release|deadline|"
    r"budget|platform|app|feature|org|department|process|program|outage|incident|startup|store|site|factory|"
    r"warehouse|hospital|school|store|shop|contract|deal|account)s?\b",
    _I,
)
STATE_VERB = re.compile(r"\b(?:was|were|had|used to|kept|became)\b", _I)

ORGANISATION = re.compile(
    r"\b(?:at|in|with|for|on|from) (?:a|an|the|my|our|one|this|that) (?:[\w&'-]+ ){0,4}?(?:company|startup|"
    r"start-up|firm|bank|agency|org|organi[sz]ation|department|business|retailer|shop|store|"
    r"hospital|clinic|school|university|insurer|chain|factory|warehouse|lab|studio|consultancy|provider|"
    r"platform|marketplace|enterprise|corporation|corp|government|ministry|council|project|client|customer|"
    r"site|office|plant|scale-?up|unicorn|multinational|fintech|saas|app|website|publisher|newspaper|airline|"
    r"hotel|restaurant|nonprofit|non-profit|charity|ngo|telco|carrier|insurer|lender|broker|manufacturer)\b",
    _I,
)
ROLE = re.compile(
    r"\b(?:i|we) (?:was|were|am|'m) (?:\w+ ){0,3}?(?:engineer|manager|lead|developer|analyst|designer|architect|"
    r"owner|scientist|consultant|director|intern|pm|tpm|sde|head|member|admin|administrator|officer|"
    r"specialist|coordinator|tester|sre|dev)s?\b",
    _I,
)


def _leads_witha_step(sentence: str) -> bool:
    """The sentence opens with the candidate doing something (or having to): the telling has begun."""
    first = next(iter(parts(sentence)), None)
    if first is None or first.agent is Agent.OTHER or first.modal:
        return False
    if first.verb in STATIVE_PRESENT and not _obliged(first):
        return False  # "the call I think about most is…", "I am working as…": the telling has not begun
    return first.verb not in SCENE_VERBS or _obliged(first)


def _obliged(part: Part) -> bool:
    """ "I had to", "we needed to", "I had five days to": what the candidate had to do."""
    if part.agent is Agent.OTHER or part.verb not in ("had", "needed", "have", "need") or part.negated:
        return False
    return "to" in part.words[1:5]


SCENE_VERBS = wordset("""was were had been worked joined led ran managed owned started moved used noticed saw
    realised realized found inherited took got became""")


def opening(sentence_texts: list[str]) -> list[str]:
    """The first sentence, and up to three more while they stay within the first 35% of the words and
    the candidate's steps have not begun. What comes before the first sentence that says anything ("Sure.",
    "Good question.", a heading such as "Situation") is not the opening."""
    total = max(1, sum(count_words(s) for s in sentence_texts))
    start = next((i for i, s in enumerate(sentence_texts[:3]) if not _preamble(s)), 0)
    chosen: list[str] = []
    seen = 0
    for sentence in sentence_texts[start : start + 4]:
        if chosen and (seen > total * 0.35 or _leads_witha_step(sentence)):
            break
        chosen.append(sentence)
        seen += count_words(sentence)
    return chosen


def _preamble(sentence: str) -> bool:
    """A word or three with no verb, before the answer begins: "Sure.", "Great question!", "Situation"."""
    return count_words(sentence) <= 3 and not parts(normal(sentence))


def anchored(text: str, *, definite: bool = False) -> bool:
    """A place, a time, an organisation or a role. definite: "in a project" is any project, so only
    "at my company", "at Stripe", "in 2021" count (for answers told as what one would do)."""
    organisation = ORGANISATION.search(text)
    if organisation and definite and organisation.group(0).split()[1].lower() in ("a", "an", "one"):
        organisation = None
    return bool(SETTING.search(text) or CAPITALISED_PLACE.search(text) or organisation or ROLE.search(text))


def has_situation(
    sentence_texts: list[str], *, anchored_only: bool = False, in_present: bool = False
) -> bool:
    """A setting in the opening. anchored_only: only a place, a time, an organisation or a role counts
    (for a hypothetical answer, whose other sentences describe no real world, and whose would-be sentences
    place nothing: "I'd look for an approval added five years ago"). in_present: a story told in the present
    describes its world in the present too ("so our search api is slow and the mobile team keeps
    complaining")."""
    told = opening(sentence_texts)
    if anchored_only:
        # the first step may carry the setting in front of it ("At my last company I set a goal…") when the
        # opening before it was a belief ("I'm a big believer that…")
        end = sentence_texts.index(told[-1]) + 1 if told else 0
        after = sentence_texts[end : end + 1] if told else []
        real = (normal(sentence) for sentence in told if not CONDITIONAL.search(normal(sentence)))
        return any(
            anchored(sentence, definite=True) and not only_points_back(sentence) for sentence in real
        ) or any(_set_before_its_subject(normal(sentence)) for sentence in after)
    if told and _leads_witha_step(told[0]):
        # an answer that opens on a step may still say where and when, but not by describing the world
        return anchored(normal(told[0]))
    for sentence in told:
        text = normal(sentence)
        state = STATE_VERB.search(text) or (in_present and PRESENT_STATE.search(text))
        if anchored(text) or (state and CONTEXT_NOUN.search(text)):
            return True
        if any(p.agent is Agent.OTHER and (p.past or in_present) and p.subject for p in parts(text)):
            return True  # the world before the story: "our payment provider announced…"
    return False


def _set_before_its_subject(sentence: str) -> bool:
    """ "At my last company I…", "In 2021, we…": a setting said before the candidate's first step."""
    first = next(iter(parts(sentence)), None)
    if first is None or first.agent is Agent.OTHER or len(first.subject) < 3:
        return False
    before = " ".join(first.subject[:-1])
    return not CONDITIONAL.search(sentence) and anchored(before, definite=True)


PRESENT_STATE = re.compile(r"\b(?:is|are|has|have|keeps?|becomes?)\b", _I)


# "I had to deal with this at my last job", "I've seen that a lot": a sentence that only points back at the
# question names no project and no problem of its own. Before an answer of what one would do, it is no
# situation and no task (a real story goes on to tell them, and is read as told).
POINTS_BACK = re.compile(
    r"\b(?:deal(?:t)? with|handled?|done|do|faced?|seen|been (?:in|through)|gone through|went through|come across|"
    r"run into|ran into) (?:this|that|it|something like (?:this|that)|(?:this|that|a similar|such a|these|those) "
    r"(?:kind of |sort of )?(?:situations?|things?|problems?|cases?))\b",
    _I,
)


def only_points_back(sentence: str) -> bool:
    """Nothing but the pointer and where it happened ("at my old company"): no project, no problem."""
    if not POINTS_BACK.search(sentence):
        return False
    rest = ORGANISATION.sub(" ", SETTING.sub(" ", POINTS_BACK.sub(" ", sentence)))
    return not CONTEXT_NOUN.search(rest)


CONDITIONAL = re.compile(r"\b(?:would|will)\b|'d\b|'ll\b", _I)


def action_count(clauses: list[Clause]) -> int:
    return sum(1 for clause in clauses if clause.form is Form.DONE)


def has_action(sentence_texts: list[str], clauses: list[Clause]) -> bool:
    """Two steps told as done by "I" or "we": read from the pronoun's verb, or from every clause of a list
    that shares it ("I profiled the service, found the query, rewrote it"). A full answer whose steps fill
    under a tenth of it ("So I took care of it.") skips them: the action is what it is told for."""
    step_sentences = [s for s in sentence_texts if any(a_step(part) for part in parts(normal(s)))]
    total = sum(count_words(s) for s in sentence_texts)
    if total >= SKIPPED_BELOW[0] and sum(count_words(s) for s in step_sentences) < total * SKIPPED_BELOW[1]:
        return False
    # the role that sets the scene is no step: "I managed a distribution center in Ohio", said in the opening
    scene = {index for index, sentence in enumerate(sentence_texts) if sentence in opening(sentence_texts)}
    stance = [stance_verbs(sentence) for sentence in sentence_texts]
    done = [
        c
        for c in clauses
        if c.form is Form.DONE
        and c.verb not in DECIDING
        and not (c.sentence in scene and c.verb in ROLE_VERBS)
        and c.verb not in stance[c.sentence]
    ]
    if len(done) >= 2:
        return True
    return (
        sum(
            1
            for index, sentence in enumerate(sentence_texts)
            for part in parts(normal(sentence))
            if a_step(part)
            and not (index in scene and part.verb in ROLE_VERBS)
            and part.verb not in stance[index]
        )
        >= 2
    )


# Saying how one held the work is no step of it: "I took ownership of it", "I took this very seriously", "I
# focused on quality", "I made it clear we would hold a higher bar", "I made sure nothing slipped", "I did my
# best", "I worked really hard", and "I did not treat it as…" (what one did not do). Read after "I"/"we" or as
# the next verb of a list ("…and made it clear").
STANCE = re.compile(
    r"\b(?:(?:i|we) (?:\w+ )?|and )(?:"
    r"(?P<took>took) (?:(?:it|this|that|full|real|complete|personal) )*(?:very |really |so )?"
    r"(?:ownership|seriously|personally|responsibility)|"
    r"(?P<focused>focused) (?:\w+ )?on (?:quality|results|delivery|execution|it|this|that|"
    r"the (?:goal|outcome|customer|details|big picture))\b|"
    r"(?P<made>made) (?:sure|(?:it )?(?:clear|(?:a|my|our|the) (?:main |top |number one |first )?priority))|"
    r"(?P<did>did) (?:(?:my|our) (?:very )?best|not|never)|"
    r"(?P<gave>gave) (?:it )?(?:my|our) (?:all|best|everything)|"
    r"(?P<worked>worked) (?:really |very |so )?hard)",
    _I,
)


def stance_verbs(sentence: str) -> set[str]:
    """The verbs of the sentence that only say how the candidate held the work (STANCE)."""
    return {
        verb for match in STANCE.finditer(normal(sentence)) for verb in match.groupdict().values() if verb
    }


ROLE_VERBS = wordset("worked joined led ran managed")  # "I ran a store", "I joined a bank": the scene
SKIPPED_BELOW = (150, 0.10)  # words in the answer, share of them in sentences with a step
# resolving to act is not yet acting, nor is needing something ("we needed the town's support")
DECIDING = wordset("decided agreed chose wanted known needed")


def a_step(part: Part) -> bool:
    return (
        part.agent is not Agent.OTHER
        and part.past
        and not part.negated
        and part.verb not in STATIVE
        and part.verb not in DECIDING
    )
