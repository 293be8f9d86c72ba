"""What the answer says, beyond its shape: told as a real time or a hypothetical, concrete or
buzzwords, owning the story or blaming others, on the question or beside it, and with the lesson a
failure question asks for."""

from __future__ import annotations

import re

from bot.answer_check.star import METRIC
from bot.answer_check.text import Clause, Form, normal, stem, tokens, wordset
from bot.answer_check.topics import THEMES, concepts, family, question_concepts, theme_concepts

_I = re.IGNORECASE

# -- hypothetical: what one would do, or does in general, instead of what one did
GENERIC_ADVICE = re.compile(
    r"\b(?:you (?:would|should|need to|have to|must|want to|can)|one (?:should|must|needs to)|if i were|"
    r"if i was|my (?:approach|philosophy|rule|process) (?:is|would be)|i believe (?:in|that)|the (?:key|best way|"
    r"right way) (?:is|would be)|it(?:'s| is) (?:important|essential|critical|key) to|in (?:such|that|this) "
    r"(?:a )?(?:case|situation|scenario)|in general|generally speaking)\b",
    _I,
)


def hypothetical_signals(text: str, clauses: list[Clause]) -> int:
    told_as_if = sum(1 for c in clauses if c.form in (Form.CONDITIONAL, Form.HABITUAL))
    return told_as_if + len(GENERIC_ADVICE.findall(normal(text)))


def is_hypothetical(text: str, clauses: list[Clause]) -> bool:
    signals = hypothetical_signals(text, clauses)
    done = sum(1 for c in clauses if c.form is Form.DONE)
    present = sum(1 for c in clauses if c.form is Form.PRESENT and c.verb)
    if done == 0:  # nothing told as having happened: what one would do, or does in general
        return signals >= 1 or present >= 3
    return signals >= 3 and signals > 1.5 * done


# -- vague: claims with no concrete detail
BUZZ_STRONG = frozenset(
    stem(word)
    for word in wordset("""leverage leveraged synergy synergies alignment aligned holistic spearheaded spearhead empower
    empowered foster fostered orchestrated orchestrate streamline streamlined proactive proactively seamless
    seamlessly impactful paradigm ecosystem best-in-class world-class game-changer value-add visibility
    cross-functional crossfunctional stakeholders stakeholder synergistic transformational transformation
    championed champion mindset excellence initiatives initiative strategic strategically innovative
    deliverables bandwidth learnings alignment""")
)
BUZZ_MILD = frozenset(
    stem(word)
    for word in wordset("""ensure ensured drive drove driven efficiency efficiencies effectiveness productivity improve
    improved improvement optimize optimized optimise optimised enhance enhanced facilitate facilitated
    collaboration collaborate collaborated communication communicated engagement various multiple significant
    significantly greatly substantially overall key processes framework solutions solution outcomes value
    impact culture ownership accountability transparency success successful successfully""")
)
ABSTRACT_VERBS = wordset("""drove led ensured aligned leveraged facilitated spearheaded championed streamlined optimized optimised
    enabled empowered fostered orchestrated managed handled worked helped supported coordinated collaborated
    communicated engaged improved oversaw executed owned partnered drove enhanced focused""")
PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z0-9&]+|\b[A-Z]{2,}\b|\b\w*\d\w*\b")
QUOTED = re.compile(r"\"[^\"]{6,}\"|'[^']{12,}'")


def vagueness(text: str, clauses: list[Clause]) -> tuple[float, float]:
    """(buzzwords, concrete details), each per 100 words."""
    words = tokens(text)
    total = max(1, len([w for w in words if w.isalpha() or "'" in w]))
    buzz = sum(1.0 for w in words if stem(w) in BUZZ_STRONG) + sum(0.5 for w in words if stem(w) in BUZZ_MILD)
    done = [c for c in clauses if c.form is Form.DONE]
    buzz += sum(0.5 for c in done if c.verb in ABSTRACT_VERBS)
    plain = normal(text)
    names = {m.group(0) for m in PROPER.finditer(plain) if m.group(0) not in ("I", "I'm", "I've", "I'd")}
    concrete = float(len(names) + len(METRIC.findall(plain)) + 2 * len(QUOTED.findall(plain)))
    concrete += 0.5 * sum(1 for c in done if c.verb not in ABSTRACT_VERBS)
    return 100 * buzz / total, 100 * concrete / total


def is_vague(text: str, clauses: list[Clause]) -> bool:
    buzz, concrete = vagueness(text, clauses)
    return buzz >= 4.0 and concrete < buzz * 1.5


# -- blames others
OTHERS = (
    r"(?:he|she|they|my (?:manager|boss|lead|predecessor|report|colleague|coworker|co-worker|peer|director|"
    r"vp|pm|teammates?|client|team)|the (?:other|\w+) (?:team|teams|engineer|engineers|developer|developers|"
    r"manager|vendor|contractor|designer|lead)|the (?:manager|pm|vendor|client|customer|contractor|intern|qa|"
    r"designer|previous \w+|new hire|junior|juniors|management|leadership|business|developers|engineers|"
    r"testers|sales team|offshore team)|the (?:\w+ )?(?:owner|team|teams|designers?|testers?|developers?)|hr|"
    r"management|leadership|nobody|no one|everyone else)"
)
FAILED_AT = (
    r"(?:didn't|did not|never|failed to|refused to|wouldn't|would not|couldn't|could not|forgot to|"
    r"ignored|dropped the ball|messed (?:it |everything )?up|screwed (?:it |everything )?up|lied|"
    r"blamed|blocked|should have|kept (?:missing|changing|breaking|ignoring|pushing)|wasted|(?:was|were) "
    r"always late|was (?:lazy|incompetent|useless|clueless|"
    r"careless|sloppy|unreliable|unresponsive|difficult|toxic|rude|terrible|slow|wrong|to blame|not "
    r"(?:competent|capable|good enough|interested))|were (?:lazy|incompetent|useless|clueless|careless|sloppy|"
    r"unreliable|unresponsive|difficult|toxic|rude|terrible|slow|wrong|to blame|not (?:competent|capable|"
    r"good enough|interested)))"
)
BLAME = re.compile(rf"\b{OTHERS} (?:\w+ )?{FAILED_AT}", _I)
STRONG_BLAME = re.compile(
    r"\b(?:(?:their|his|her|hr's|management's) fault|(?:not|wasn't|was not|isn't|is not|never) my fault|nothing "
    r"i could (?:have )?(?:do|done)|out of my (?:control|hands)|(?:was|were) to blame|because of (?:him|her|them)|"
    r"threw (?:me|us) under|not (?:the|our) fault|fault of (?:the|them|him|her)|incompetent|lazy|useless|clueless|dropped the ball|if (?:he|she|they) had (?:only )?"
    r"(?:listened|done|told|followed)|(?:he|she|they) (?:caused|ruined|sabotaged))\b",
    _I,
)
OWNING = re.compile(
    r"\b(?:my (?:fault|mistake|part|responsibility|bad)|i should have|i could have|i take responsibility|"
    r"i took responsibility|i owned|i own|on me|i was wrong|i apologi[sz]ed|i misjudged|my own|i underestimated)\b",
    _I,
)


def blame_score(text: str) -> tuple[int, int]:
    plain = normal(text)
    return len(BLAME.findall(plain)) + 2 * len(STRONG_BLAME.findall(plain)), len(OWNING.findall(plain))


def blames_others(text: str) -> bool:
    blame, owning = blame_score(text)
    return blame >= 3 and blame > 2 * owning


# -- off topic
GENERIC = frozenset(
    stem(word)
    for word in wordset("""team project work change plan problem company job result goal need way help improve issue
    success difficult hard important big handle deal approach role better best good bad situation process
    product person people long short first last""")
)


def off_topic(text: str, *, question: str | None, principle: str | None) -> bool:
    """Nothing of the question's own words, little of its principle, and clearly about another one.

    Word overlap is a weak sign on its own (a good answer may share no word with its question), so
    this fires only when every sign agrees: a question with at least three topic words, none of them
    in the answer, at most one word of the principle's theme, and another principle's theme plainly
    ahead. A drill has no theme: there the question's words alone decide.
    """
    said = concepts(text)
    asked = question_concepts(question) if question else set()
    generic = {family(word) for word in GENERIC}
    core = {c for c in asked if c not in generic}
    if len(core) < 3 or core & said:
        return False
    if principle is None:
        return True
    on_theme = len(theme_concepts(principle) & said)
    best_other = max(len(theme_concepts(other) & said) for other in THEMES if other != principle)
    return on_theme <= 1 and best_other >= on_theme + 2


# -- no learning, for a failure or a mistake
LESSON = re.compile(
    r"\b(?:i (?:learned|learnt|now|have since|'ve since|realised that|realized that|took away)|lessons?|"
    r"taught me|takeaway|since then|ever since|from then on|going forward|next time|in hindsight|looking back|"
    r"in retrospect|these days|now i|today i|differently|changed (?:how|the way) i|i make sure|never again|"
    r"i (?:would|should|could) have|i (?:always|never) \w+ (?:now|again|since)|what i took from)\b",
    _I,
)
OWN_FAILURE = re.compile(
    r"\b(?:i (?:failed|made a mistake|made the mistake|messed up|got it wrong|was wrong|screwed up|dropped the "
    r"ball|missed|misjudged|underestimated|overlooked)|my (?:mistake|failure|fault|biggest failure)|"
    r"(?:it|the project|the launch|the release|the plan) failed)\b",
    _I,
)


def tells_a_failure(text: str) -> bool:
    return bool(OWN_FAILURE.search(normal(text)))


def has_lesson(text: str) -> bool:
    return bool(LESSON.search(normal(text)))
