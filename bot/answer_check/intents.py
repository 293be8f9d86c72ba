"""What a question asks a story to show, and whether the story shows it at all.

Behavioral questions come in a few kinds: a disagreement (or one lost and then committed to), a quick call
on little information, work outside one's area, raising the bar, growing someone, hiring, a customer, doing
more with less, learning something, digging into data, a long-term vision, making the team a better place,
choosing between priorities. Each kind is recognised in the question by its wording, and a story that
answers it cannot be told without some word of it ("disagreed", "pushed back", "argued"… for a
disagreement). A story with none of them answers another question: the intent is read from the question, not
from its exact words, and the evidence is broad on purpose, so that only a story clearly about something
else is flagged. Sentences that only say what the story shows ("I think it shows I'm not afraid to
challenge…") are no evidence. A failure question is answered by any failure, so it has no intent here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer_check.text import normal, stem

_I = re.IGNORECASE


@dataclass(frozen=True)
class Intent:
    name: str
    asks: re.Pattern[str]  # read in the question
    shows: re.Pattern[str]  # read in the story: one word of it shows the kind
    hints: re.Pattern[str] | None = None  # weaker words, common in stories of any kind: two distinct show it
    unless: re.Pattern[str] | None = None  # a question that says this does not ask for the kind


def _intent(name: str, asks: str, shows: str, *, hints: str = "", unless: str = "") -> Intent:
    return Intent(
        name,
        re.compile(rf"\b(?:{asks})", _I),
        _words(shows),
        _words(hints) if hints else None,
        re.compile(rf"\b(?:{unless})", _I) if unless else None,
    )


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", _I)


# A question that asks for a decision one lost and then backed, not any disagreement: a story of winning the
# argument answers another question (the disagreement intent stands aside for it).
DISAGREE_AND_COMMIT = (
    r"(?:still |but |and )?commit(?:ted)? to (?:it|the decision|a decision|that decision)|commit(?:ted)? "
    r"(?:to it )?anyway|lost the argument|(?:didn't|did not) go your way|disagree and commit|(?:were|got) overruled"
)

INTENTS: tuple[Intent, ...] = (
    _intent(
        "disagreement",
        r"disagree\w*|push(?:ed)? back|pushback|challenged? (?:a|an|the|your|someone)|conflict|argued|"
        r"unpopular (?:position|view|opinion|decision)|held your ground|overrul\w*|decision you argued",
        r"disagree\w*|(?:didn't|did not|don't|not) agree|push(?:ed|ing)? back|pushback|object\w*|argu\w*|"
        # not "merge conflicts" or a git "commit": the same words in a story about code
        r"debat\w*|challeng\w*|(?<!merge )conflict(?!s? resolution)\w*|oppos\w*|"
        r"against (?:it|the|this|that|his|her|their|my|our)|concern\w*|"
        r"convinc\w*|persuad\w*|(?:made|make) (?:my|the|a|our) case|escalat\w*|overrul\w*|tension|compromis\w*|"
        r"(?:i|we) (?:thought|felt|believed|was sure|were sure) (?:it|this|that|the|we|they|he|she) |"
        r"wrong|mistake|risk\w*|(?:said|told \w+) no|veto\w*|commit(?:ted|ting)? to|disagree and commit|bad idea|"
        r"(?:told|warned) (?:him|her|them|"
        r"my \w+|the \w+) (?:so|that|it|not)|went along|frustrat\w*|difficult|complain\w*|(?:didn't|did not|"
        r"wouldn't|would not) listen|alternative\w*|(?:i|we) (?:showed|explained)|unhappy|angry|upset|ignor\w*|"
        # friction between people told without a disagreement about one thing: "we had really different
        # working styles", "we clashed", "we butted heads", "we never saw eye to eye"
        r"friction|clash\w*|at odds|butt(?:ed|ing)? heads|(?:see|saw|seeing) eye to eye|fell out|falling out|"
        r"(?:different|conflicting|opposite|clashing) (?:\w+ )?(?:styles|views|opinions|priorities|approaches)",
        unless=DISAGREE_AND_COMMIT,
    ),
    _intent(
        "losing the argument and committing",
        DISAGREE_AND_COMMIT,
        # the decision went the other way and the candidate backed it: committing, going ahead anyway,
        # "it was his call", "I set my concerns aside", "I supported it" (a hedge "even though" counts too)
        r"commit\w*|anyway|regardless|despite|even though|although|overrul\w*|went ahead|lost|"
        r"(?:didn't|did not|wasn't|was not) (?:go|going) (?:my|our) way|(?:set|put) (?:my|our) (?:\w+ )?"
        r"(?:aside|behind)|got behind|backed|support\w*|(?:his|her|their|the \w+'s) (?:call|decision|way)|"
        r"made (?:it|that|the \w+) work",
    ),
    _intent(
        "a call on little information",
        r"(?:decision|decide|call|judg(?:e)?ment)\w* (?:\w+ ){0,6}?(?:quickly|fast|without (?:all|complete|full|"
        r"enough|much|the)|with (?:incomplete|limited|little|partial) (?:data|information)|under uncertainty)|"
        r"(?:incomplete|limited|little|partial|imperfect) (?:data|information)|without (?:all |much |enough |"
        r"complete |full )?(?:the )?(?:data|information|facts)|judg(?:e)?ment call",
        r"decid\w*|decision|chose|choice|(?:made|make|my) (?:the |a )?call|bet\b|options?|judg\w*|went with|"
        r"picked|opted|recommend\w*|assum\w*|prox(?:y|ies)|uncertain\w*|unknowns?|risk\w*|reversib\w*|"
        r"gamble|hypothes\w*|guess\w*|(?:couldn't|could not|didn't|did not) wait|no time to",
        hints=r"estimat\w*|forecast\w*|predict\w*",
    ),
    _intent(
        "acting quickly",
        r"(?:act(?:ed)?|mov(?:e|ed)|respond(?:ed)?) (?:\w+ )?(?:quickly|fast|urgently)|without (?:waiting|"
        r"approval|permission|being asked)|calculated risk|bias for action|speed (?:mattered|was critical)",
        r"quick\w*|fast\w*|immediate\w*|right away|straight away|same (?:day|night|evening)|within (?:an? |\d+ |"
        r"\w+ )?(?:minutes?|hours?|days?)|minutes|hours?|\d+ ?h\b|overnight|wait\w*|no time|urgent\w*|deadline|"
        r"risk\w*|reversib\w*|roll ?back|approv\w*|permission|on (?:a|my|his|her|their) (?:flight|vacation|"
        r"holiday|leave|plane)|(?:wasn't|was not|weren't|not) (?:answering|available|reachable|around)|"
        r"(?:couldn't|could not) reach|sunday|saturday|weekend|night|alert\w*|page[ds]?\b|\bleft\b|before",
    ),
    _intent(
        "work outside one's area",
        r"outside (?:of )?(?:your|the) (?:\w+ )?(?:area|scope|role|responsibilit\w*|job|team)|(?:wasn't|was not|"
        r"isn't|is not|weren't) (?:strictly |technically )?(?:yours|your (?:job|responsibility|problem|area))|"
        r"not (?:strictly |technically )?(?:your|part of your) (?:job|responsibilit\w*|area|problem)|beyond "
        r"(?:your|the) (?:role|scope|job|responsibilit\w*)|nobody (?:else )?(?:owned|wanted|would)|no one (?:else )?"
        r"(?:owned|wanted|would)",
        r"not (?:strictly |technically |really )?(?:my|our|mine|ours)|(?:wasn't|was not|isn't|weren't) "
        r"(?:strictly |technically |really )?(?:my|our|mine|ours)|outside (?:of )?(?:my|our)|(?:another|other|"
        r"a different) team|(?:the \w+|their) team's|belong\w* to|owned by|nobody|no one|no owner|orphan\w*|"
        r"unowned|volunteer\w*|"
        r"stepped (?:in|up)|took (?:it|this|that) on|took ownership|on my own|beyond|dissolved|reorg\w*|"
        r"inherit\w*|technically|(?:their|his|her) (?:system|service|code|job|area|responsibility)|"
        # done on one's own time is done beyond the job: "one weekend I rewrote the tool"
        r"weekends?|(?:my|our) own time|(?:my|our) (?:spare|free) time|after hours|"
        r"(?:wasn't|was not) (?:asked|assigned)|nobody asked|without being asked",
    ),
    _intent(
        "raising the bar",
        r"high(?:er|est)? (?:standards?|bar|quality)|raised? the (?:quality )?bar|quality bar|refused? to "
        r"(?:compromise|ship|accept|release)|compromise on|accept(?:ing)? less|not good enough|cut(?:ting)? corners",
        r"quality|standards?|\bbar\b|tests?\b|testing|review\w*|bugs?|defects?|refus\w*|insist\w*|reject\w*|"
        r"(?:not|wasn't) (?:good enough|ready)|polish\w*|checklist|regression\w*|rework|(?:wouldn't|would not|"
        r"didn't|did not) (?:ship|release|accept|approve|sign)|no-go|audit\w*|accessib\w*|consisten\w*",
        # "a hire who raised the bar": the bar is the hiring bar, and the question asks about the hire
        unless=r"hir(?:e|ed|es|ing)\b|recruit\w*",
    ),
    _intent(
        "growing someone",
        r"mentor\w*|coach\w*|develop(?:ed)? (?:someone|a |an |your|their|people)|grow (?:into|in)|helped "
        r"(?:someone|a \w+|them) grow|low performer|struggling|not meeting expectations|underperform\w*",
        r"mentor\w*|coach\w*|intern\b|junior|new grads?|report\b|grow|grew|growth|promot\w*|career|one-on-ones?|"
        r"1:1s?|feedback|pair\w*|taught|teach\w*|confiden\w*|struggl\w*|expectations?|performance (?:review|plan|"
        r"issues?|problems?|improvement)|improvement plan|pip|training|onboard\w*|learn\w*|develop\w*|stretch|"
        r"graduates?|grads?|buddy|buddies|apprentic\w*|shadow\w*|ramp(?:ed|ing)? up|up to speed|new hires?|"
        r"newcomers?|productive",
    ),
    _intent(
        "hiring",
        r"hire[ds]?\b|hiring|recruit\w*|interview loop|bar raiser|built a team|candidates?",
        r"hir(?:e|ed|es|ing)\b|recruit\w*|interview\w*|candidates?|offers?\b|job (?:ad|description|post\w*)|"
        r"sourc\w*|panel|debrief\w*|bar raiser|onboard\w*|resum\w*|\bcvs?\b|referr\w*|headcount|joined",
    ),
    _intent(
        "a customer",
        r"customers?|clients?|(?:your |the |a )users?\b|user (?:feedback|problem|need)",
        r"customers?|clients?|users?|buyers?|shoppers?|patients?|guests?|merchants?|sellers?|members|"
        # "feedback" or a "review" alone may come from a colleague: a customer's is named as such
        r"subscribers?|partners?|accounts?|complain\w*|tickets?|(?:app|store|star|online|product) reviews?|"
        r"reviews? (?:on|from) (?:the|our|customers|users)|nps|churn\w*|renew\w*|"
        r"people who (?:use|used|bought)|families|drivers|riders|students|travell?ers|restaurants?|clinics?|"
        r"hospitals?|stores?|agenc(?:y|ies)|carers?|nurses?|adjusters?|technicians?|teams? (?:we|that) serve",
    ),
    _intent(
        "earning trust",
        r"earn(?:ed|ing)? (?:\w+ ){0,3}?trust|(?:skeptic|sceptic)\w*|w[io]n (?:\w+ ){0,2}?over|(?:rebuil\w*|regain\w*|"
        r"lost|los\w*) (?:\w+ ){0,2}?trust|credibility",
        r"skeptic\w*|sceptic\w*|doubt\w*|wary|distrust\w*|mistrust\w*|suspicio\w*|credib\w*|reputation|"
        r"relationships?|(?:their|his|her|my|our|its) trust|trust(?:ed|s)? (?:me|us|my|our|him|her|them|the team)|"
        r"(?:didn't|did not|don't|wouldn't|would not) (?:\w+ )?trust|convinc\w*|persuad\w*|won (?:\w+ ){1,3}?over|"
        r"(?:was|were|been|being|be) (?:\w+ )?(?:honest|open|transparent|candid|upfront)|honesty|transparen\w*|"
        r"admit\w*|apolog\w*|(?:kept|keep|keeping) (?:my|our) (?:word|promises?)|promis\w*|follow(?:ed)? "
        r"through|hesitan\w*|reluctan\w*|resist\w*|push(?:ed)? back|pushback|concerns?|worried|burn(?:ed|t)|"
        r"listen\w*|1:1s?|one-on-ones?|weekly|check-?ins?|(?:shared|sharing|showed|showing) (?:\w+ )?(?:data|"
        r"numbers|progress|plan|results)|cynic\w*|frustrat\w*|(?:angry|upset|unhappy)",
    ),
    _intent(
        "doing more with less",
        r"budget|cost|money|frugal\w*|fewer (?:resources|people)|less (?:money|budget|resources)|limited "
        r"(?:resources|budget)|more with less|saved? money|headcount|cheap\w*",
        r"budget|costs?|cost\w+|money|spen[dt]\w*|cheap\w*|sav(?:e|ed|es|ing|ings)|[$€£]\s?\d+\w*|dollars?|"
        r"euros?|pounds?|headcount|fewer|less|limited|only (?:two|three|four|one|\d+)|without (?:hiring|"
        r"extra|more|new|buying)|reus\w*|free\b|licen[cs]\w*|part-time|volunteer\w*|constrain\w*|bill\w*|"
        r"refurbish\w*|donat\w*",
    ),
    _intent(
        "learning",
        r"learn\w*|taught yourself|new skill|curious|curiosity|explor\w*|new (?:technology|area|domain|field|"
        r"tool|language)|stud(?:y|ied)",
        r"learn\w*|taught|teach\w*|course|books?|\bread\b|stud(?:y|ied|ying)|tutorials?|docs\b|documentation|"
        r"papers?|explor\w*|experiment\w*|curio\w*|new to|unfamiliar|understand\w*|practi[cs]\w*|prototype\w*|"
        r"notebook|tried|research\w*|workshop|mentor\w*|asked (?:\w+ ){0,3}to explain",
    ),
    _intent(
        "digging into data",
        r"data|metrics?|root cause|dig\w*|dive|dove|details?|investigat\w*|analy[sz]\w*|numbers",
        r"data|metrics?|logs?\b|quer(?:y|ies)|dashboards?|numbers|analy[sz]\w*|investigat\w*|root cause|dug|"
        r"dig\w*|trac(?:e|es|ed|ing)\b|debug\w*|profil\w*|\bsql\b|spreadsheet|split (?:it|the|by)|broke (?:it |"
        r"them )?down|correlat\w*|pattern|anomal\w*|found (?:that|the|out)|noticed|compar\w*|audit\w*|"
        r"reproduc\w*|sample|events?|funnel|cohorts?|reports?|measur\w*|\d+ ?%",
        unless=r"(?:without|incomplete|limited|little|no|imperfect|partial|not enough|lack of) (?:much |enough |all "
        r"(?:the )?|complete |full )?(?:data|information)",
    ),
    _intent(
        "a long-term vision",
        r"vision|bold|think(?:ing)? big|ambitio\w*|long-term (?:vision|plan|strategy|goal|bet|direction)|"
        r"strategy|big bet|transform\w*",
        r"vision|bold|ambitio\w*|long[- ]term|strateg\w*|roadmap|future|transform\w*|"
        r"company-wide|org-wide|industry|propos\w*|pitch\w*|narrative|north star|multi-?year|(?:two|three|"
        r"five|ten|\d+)[- ]years?|rethink\w*|reimagin\w*",
        hints=r"platform|scale|beyond|instead of|entire|every team",
    ),
    _intent(
        "the team's wellbeing",
        r"better place to work|work environment|morale|burn(?:ed|t)? ?out|wellbeing|well-being|inclusive|"
        r"belong\w*|better for (?:your |the )?(?:employees|people|team)",
        r"morale|burn\w*|wellbeing|well-being|stress\w*|workload|on-?call|overtime|(?:working|worked|work) "
        r"(?:\w+ )?(?:weekends?|nights?|late)|vacations?|"
        r"holidays?|leave\b|inclusi\w*|belong\w*|engagement|survey|attrition|quit|resign\w*|left the (?:team|"
        r"company)|retention|career|growth|promot\w*|recogni\w*|psychological|safe|flexib\w*|remote|\bhours\b|"
        r"balance|pages?\b|paged|paging|parents?|family|sick|health|one-on-ones?|1:1s?|culture|welcom\w*|"
        r"onboard\w*|lonely|isolat\w*|voice|listen\w*|comfortable|uncomfortable|quiet\w*|left out|singl\w* "
        r"out|afraid|fear\w*|shy|nervous|intimidat\w*|international|accessib\w*",
    ),
    _intent(
        # a tight deadline: the story must show the clock (a date, time left, late or on time), not only work
        "a tight deadline",
        r"(?:tight|short|hard|aggressive|impossible|unrealistic) (?:deadline|timeline|timeframe|time ?frame)|"
        r"under (?:a )?(?:\w+ )?(?:deadline|time pressure)|time pressure|pressed for time|(?:very |really )?"
        r"little time|against the clock",
        r"deadlines?|due|on time|in time|late|ahead of|behind|slipp\w*|days? (?:left|away|to go|before)|weeks? "
        r"(?:left|away|to go|before)|hours? (?:left|away|to go|before)|dates?|before (?:the|our|a)|by (?:the end|"
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|end of|q[1-4])|end of (?:the )?(?:day|week|"
        r"month|quarter|sprint|year)|pressure|crunch|rush\w*|urgent\w*|tight|scope|descop\w*|cut (?:the |some )?"
        r"features?|launch|go-?live|cut-?over|overtime|weekends?|countdown|timeline|schedule\w*|(?:only|just) "
        r"(?:\d+|a|one|two|three|four|five|six|a few) (?:days?|weeks?|hours?|months?)",
    ),
    _intent(
        "choosing between priorities",
        r"priorit\w*|competing|limited capacity|(?:many|several) (?:projects|priorities|requests)|what to "
        r"(?:drop|cut)|cut scope|roadmap you had to cut",
        r"priorit\w*|competing|trade-?offs?|capacity|deprioriti\w*|postpon\w*|defer\w*|push(?:ed)? (?:back|out)|"
        r"cut (?:scope|it|the|back)|scope|roadmap|backlog|(?:drop|dropped|dropping) (?:the|a|it|one|two|our|"
        r"some|that|this)|paus\w*|instead of|rather than|"
        r"(?:more|most) important|rank\w*|said no|(?:two|three|both) (?:projects|requests|teams|initiatives)|"
        r"sequenc\w*|which (?:one|project|to)|bandwidth|headcount|(?:could not|couldn't|can't|cannot) do (?:both|"
        r"all|everything)|(?:two|three|both|competing|conflicting) (?:asks|requests|deadlines|priorities|projects|"
        r"goals|demands|teams)|side by side|first,? (?:and )?(?:then|later)|(?:decid\w*|agreed|chose) to (?:\w+ )"
        r"{0,4}?first",
    ),
)

# A sentence that only says what the story shows, or what one thinks of it, is no evidence for it.
REFLECTION = re.compile(
    r"^\W*(?:so,? |and |overall,? )?(?:i think|i believe|i feel|for me|what i (?:learned|took)|i learned|"
    r"i'm proud|i am proud|(?:it|this|that) (?:shows|showed|demonstrates|was a good example|is a good example|"
    r"is an example|is how|is why|is the kind)|that's (?:how|why|the kind))|\b(?:it|this|that) shows (?:that )?"
    r"(?:i|we|my)\b",
    re.IGNORECASE,
)


def asked(question: str) -> list[Intent]:
    plain = normal(question)
    return [
        intent
        for intent in INTENTS
        if intent.asks.search(plain) and not (intent.unless and intent.unless.search(plain))
    ]


def misses_the_intent(sentence_texts: list[str], question: str) -> bool:
    """The question asks for some kind of story, the story has no word of any kind it asks for, and it
    is plainly a story of another kind (two different words of one): a plain answer that merely lacks the
    words is given the benefit of the doubt. A long story needs no more of them than a short one: the words
    of the kind asked are broad, so a full story with none of them is already far from the question (a
    "zero trust" network rollout told for "a time you won over a skeptical colleague")."""
    wanted = asked(question)
    if not wanted:
        return False
    told = " ".join(normal(s) for s in sentence_texts if not REFLECTION.search(normal(s)))
    if any(_shown(intent, told) for intent in wanted):
        return False
    return any(_distinct(intent, told) >= OTHER_KIND for intent in INTENTS if intent not in wanted)


OTHER_KIND = 2  # different words of one other kind that make a story plainly of that kind


def _shown(intent: Intent, told: str) -> bool:
    if intent.shows.search(told):
        return True
    return intent.hints is not None and len({stem(m.group(0)) for m in intent.hints.finditer(told)}) >= 2


def _distinct(intent: Intent, told: str) -> int:
    return len({match.group(0).lower() for match in intent.shows.finditer(told)})
