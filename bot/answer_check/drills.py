"""Focus drills have their own checklist instead of STAR.

Each checklist fills the same four slots as STAR, so `AnswerCheck.star`, the findings and the
follow-ups keep one shape; the reply names the drill's own items and words the fix for the drill:

| drill                       | situation     | task            | action        | result              | number |
|-----------------------------|---------------|-----------------|---------------|---------------------|--------|
| System Design               | requirements  | trade-offs      | components    | failure modes       | scale  |
| Operational Excellence      | detection     | impact          | response      | what changed after  | yes    |
| People Management           | the people    | the goal        | what you did  | how they did after  | no     |
| Product/Project Management  | the customer  | the priorities  | the execution | launch and success  | yes    |
| Writing Sample              | the problem   | the reasoning   | what you did  | the result          | no     |

A drill that asks how one works ("How do you run your one-on-ones?") may be answered in the
present tense; System Design is told as a design ("I would shard by…"), so it is never
hypothetical and "we" is never held against it; a Writing Sample argues for what should happen,
so it is never hypothetical either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer_check.findings import Finding
from bot.answer_check.numbers import METRIC
from bot.answer_check.outcome import has_result
from bot.answer_check.result_number import has_metric
from bot.answer_check.star import has_situation
from bot.answer_check.task import has_task
from bot.answer_check.text import Clause, Form, normal
from bot.focus import drilled, match_focus

_I = re.IGNORECASE
Detector = Callable[[str, list[str], list[Clause]], bool]
SLOTS = ("situation", "task", "action", "result")
# A STAR answer's bounds around the prompt's 2–3 minutes: under 1½ or over 3½ minutes (paces run 130–170
# words a minute) is short or long.
STAR_WORDS = (225, 525)


def cue(pattern: str, minimum: int = 1) -> Detector:
    compiled = re.compile(pattern, _I)

    def found(text: str, _sentences: list[str], _clauses: list[Clause]) -> bool:
        return len({m.group(0).lower() for m in compiled.finditer(normal(text))}) >= minimum

    return found


def either(*detectors: Detector) -> Detector:
    def found(text: str, sentences: list[str], clauses: list[Clause]) -> bool:
        return any(detector(text, sentences, clauses) for detector in detectors)

    return found


def steps(minimum: int) -> Detector:
    """What one did or does: clauses with "I"/"we" and a verb of doing, past or present."""

    def found(_text: str, _sentences: list[str], clauses: list[Clause]) -> bool:
        doing = (Form.DONE, Form.PRESENT, Form.HABITUAL, Form.CONDITIONAL)
        return sum(1 for c in clauses if c.form in doing and c.verb) >= minimum

    return found


def star_situation(_text: str, sentences: list[str], _clauses: list[Clause]) -> bool:
    return has_situation(sentences)


def star_task(_text: str, sentences: list[str], clauses: list[Clause]) -> bool:
    return has_task(sentences, clauses)


def star_result(_text: str, sentences: list[str], _clauses: list[Clause]) -> bool:
    return has_result(sentences)


def any_metric(text: str, _sentences: list[str], _clauses: list[Clause]) -> bool:
    return bool(METRIC.search(text))


def result_metric(_text: str, sentences: list[str], _clauses: list[Clause]) -> bool:
    """A story drill's number stands where its result is told; with no result told there is none to back."""
    return not has_result(sentences) or has_metric(sentences)


@dataclass(frozen=True)
class Checklist:
    name: str
    labels: tuple[str, str, str, str]
    detect: tuple[Detector, Detector, Detector, Detector]
    fixes: dict[Finding, str]
    metric: Detector | None = any_metric
    hypothetical: bool = True
    story: bool = True  # told as what happened; a design is told as a design, in general by nature
    we_counts: bool = True
    words: tuple[int, int] = STAR_WORDS


COMPONENTS = (
    r"\b(?:load balancers?|api gateway|gateway|caches?|caching|redis|memcached|cdn|databases?|\bdb\b|sql|nosql|"
    r"dynamo\w*|cassandra|postgres\w*|mysql|queues?|kafka|sqs|sns|kinesis|pub/?sub|topics?|s3|blob store|object "
    r"stor\w+|workers?|micro-?services?|shard\w*|partition\w*|replicas?|replication|index\w*|elasticsearch|"
    r"websockets?|push notifications?|scheduler|cron|lambdas?|containers?|kubernetes|streams?|batch|hash\w*|"
    r"bloom filter|rate limiter|token bucket|leader election|zookeeper|etcd|apis?|rest|grpc|servers?|storage|"
    r"data model|schema|tables?|key-value|clients?|endpoints?|manifests?|registry|fleet|consumers?|producers?|"
    r"event bus|time-series|tsdb|dashboards?)\b"
)
FAILURES = (
    r"\b(?:fail\w*|outages?|goes down|go down|retr(?:y|ies)|time-?outs?|back-?off|circuit breakers?|fallback|"
    r"degrad\w*|redundan\w*|multi-?az|multi-?region|disaster|roll ?back|idempoten\w*|dead[- ]letter|hot "
    r"(?:keys?|partitions?|spots?)|single point|brick\w*|corrupt\w*|split brain|overload\w*|throttl\w*|"
    r"thundering herd|health ?checks?|canar\w*|monitor\w*|alarms?|alerts?)\b"
)
TRADE_OFFS = (
    r"\b(?:trade-?offs?|versus|vs\.?|at the cost of|downside|the cost is|pros and cons|"
    r"alternative\w*|eventual(?:ly)? consisten\w*|strong(?:ly)? consisten\w*|over (?:a|an) "
    r"\w+ because|i chose|i'd choose|i would choose|i picked|i'd pick|i would pick|we could also|but it costs|"
    r"in exchange|the price)\b"
)
# Words that compare, but as often describe what the system does ("shows a warning page instead of
# redirecting"): two different ones are a weighing of options, one alone is not.
COMPARING = r"\b(?:instead of|rather than|cheaper|simpler|faster|slower|more expensive|less)\b"
REQUIREMENTS = (
    r"\b(?:requirements?|functional|use cases?|users? (?:can|need|want|should|must)|must (?:support|handle|be|"
    r"work|never)|should (?:support|handle|be able)|clarify|scope|customers? (?:are|is|want|need)|who (?:is|are) "
    r"the|the problem|goals?|non-goals?|sla|slo|latency target|availability target)\b"
)

SYSTEM_DESIGN = Checklist(
    name="System Design",
    labels=("Requirements", "Trade-offs", "Components", "Failure modes"),
    detect=(
        cue(REQUIREMENTS),
        either(cue(TRADE_OFFS), cue(COMPARING, 2)),
        cue(COMPONENTS, 3),
        cue(FAILURES, 2),
    ),
    fixes={
        Finding.NO_SITUATION: "Start with the requirements: who uses it, what it must do, what it must never do.",
        Finding.NO_TASK: "Name the trade-offs: what you chose over what, and what it costs.",
        Finding.NO_ACTION: "Sketch the components: APIs, services, stores, queues, and how data flows.",
        Finding.NO_RESULT: "Say where it fails and what happens then: retries, fallbacks, alarms.",
        Finding.NO_METRIC: "Put numbers on the scale: users, requests a second, data size, latency target.",
        Finding.TOO_SHORT: "Walk it through in more depth: requirements, scale, design, trade-offs, failures.",
    },
    hypothetical=False,
    story=False,
    we_counts=False,
    words=(225, 900),
)

OPERATIONAL_EXCELLENCE = Checklist(
    name="Operational Excellence",
    labels=("Detection", "Impact", "Response", "What changed"),
    detect=(
        cue(
            r"\b(?:alarm\w*|alert\w*|page[ds]?|paging|detect\w*|noticed|dashboards?|monitor\w*|incidents?|"
            r"outages?|sev-?\d|on-?call|error rates?|latency|spikes?|tickets?|complain\w*|reported)\b"
        ),
        either(
            cue(
                r"\b(?:impact\w*|customers? (?:affected|impacted|saw|could not|couldn't)|severity|sla|slo|"
                r"priorit\w*|revenue|blast radius|downtime)\b"
            ),
            star_task,
        ),
        steps(2),
        cue(
            r"\b(?:post-?mortems?|coe|correction of errors?|root cause|runbooks?|playbooks?|automat\w*|"
            r"mechanisms?|action items?|since then|now we|now i|prevent\w*|never happened again|guardrails?|"
            r"checklists?|added (?:a|an|the)? ?(?:alarm|test|check|canary)|reviews?)\b"
        ),
    ),
    fixes={
        Finding.NO_SITUATION: "Say how the problem showed up: which alarm, metric or customer report, and when.",
        Finding.NO_TASK: "Size the impact: who was affected, how badly, and what had to happen first.",
        Finding.NO_ACTION: "Walk through the response step by step: what you did, in what order, and why.",
        Finding.NO_RESULT: "End with what changed after: the root cause, the fix, the mechanism that prevents it.",
        Finding.NO_METRIC: "Give the numbers: time to detect and mitigate, customers affected, pages a week.",
    },
)

PEOPLE_MANAGEMENT = Checklist(
    name="People Management",
    labels=("The people", "The goal", "What you did", "How they did"),
    detect=(
        either(
            star_situation, cue(r"\b(?:report|engineer|manager|team|person|people|hire|he|she|they)\b", 2)
        ),
        either(star_task, cue(r"\b(?:goals?|expectations?|bar|promotion|growth|improve|performance|aim)\b")),
        steps(2),
        either(
            star_result,
            cue(
                r"\b(?:promoted|grew|improved|left|stayed|became|now (?:leads|runs|owns)|"
                r"since then|after that)\b"
            ),
        ),
    ),
    fixes={
        Finding.NO_SITUATION: "Introduce the people: who they were, their level, what was going on.",
        Finding.NO_TASK: "Say what you were aiming for with them: the goal, the bar, the expectation.",
        Finding.NO_ACTION: "Give what you actually did: the conversations, the plan, the follow-through.",
        Finding.NO_RESULT: "End with how they did after: growth, performance, promotion, or a hard call.",
    },
    metric=None,
)

PRODUCT_MANAGEMENT = Checklist(
    name="Product/Project Management",
    labels=("The customer", "Priorities", "Execution", "Launch and success"),
    detect=(
        either(
            star_situation, cue(r"\b(?:customers?|users?|clients?|problem|pain|need\w*|feedback|research)\b")
        ),
        either(
            star_task, cue(r"\b(?:priorit\w*|requirements?|roadmap|scope|cut|mvp|must-have|trade-?offs?)\b")
        ),
        steps(2),
        either(
            star_result, cue(r"\b(?:launch\w*|shipped|adoption|metrics?|success|kpis?|retention|usage)\b")
        ),
    ),
    fixes={
        Finding.NO_SITUATION: "Start from the customer and their problem: who, and how you knew.",
        Finding.NO_TASK: "Say how you prioritised: what made the cut, what did not, and why.",
        Finding.NO_ACTION: "Walk through the execution: plan, dependencies, how you kept it on track.",
        Finding.NO_RESULT: "End with the launch and how you judged success.",
        Finding.NO_METRIC: "Give the success metric and its number: adoption, revenue, time saved.",
    },
    metric=result_metric,
)

WRITING_SAMPLE = Checklist(
    name="Writing Sample",
    labels=("The problem", "The reasoning", "What you did", "The result"),
    detect=(
        either(
            star_situation,
            cue(r"\b(?:problem|question|issue|proposal|decision|gap|risk|document|doc|paper)\b"),
        ),
        cue(r"\b(?:because|why|reason\w*|so that|therefore|evidence|data|argu\w*|trade-?offs?|assum\w*)\b"),
        steps(1),
        either(
            star_result, cue(r"\b(?:result\w*|outcome|approved|adopted|decided|conclusion|showed|shows)\b")
        ),
    ),
    fixes={
        Finding.NO_SITUATION: "Name the problem the document addressed, in one sentence.",
        Finding.NO_TASK: "Give the reasoning: why this, on what evidence, against which alternative.",
        Finding.NO_ACTION: "Say what you wrote, proposed or decided yourself.",
        Finding.NO_RESULT: "Say what came of it: the decision, the change, the numbers after.",
    },
    metric=None,
    hypothetical=False,  # a document argues for what should happen: "we should", "I recommend" are its form
    words=(60, 525),
)

CHECKLISTS = {
    c.name: c
    for c in (SYSTEM_DESIGN, OPERATIONAL_EXCELLENCE, PEOPLE_MANAGEMENT, PRODUCT_MANAGEMENT, WRITING_SAMPLE)
}


def checklist_for(focus: str | None) -> Checklist | None:
    if not focus:
        return None
    try:
        return CHECKLISTS.get(drilled(match_focus(focus)) or "")
    except ValueError:
        return None
