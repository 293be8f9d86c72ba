"""The follow-up choice, the brief check of its reply, and its term in readiness: pure functions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.answer_check import AnswerCheck, Finding, check_answer
from bot.follow_up import FOR_FINDING, FOR_PRINCIPLE, FOR_PROBE, Probe, follow_up_for
from bot.follow_up_check import check_follow_up
from bot.readiness import Evidence, readiness
from tests.support.sample_answers import CLEAN

NOW = datetime(2026, 12, 10, 14, 0, tzinfo=UTC)
SEEDS = [f"G1:1790000{n:03d}.000100" for n in range(40)]


def checked(*findings: Finding, drill: str | None = None) -> AnswerCheck:
    star = {"situation": True, "task": True, "action": True, "result": True}
    return AnswerCheck(words=300, minutes=2.0, findings=findings, star=star, score=3, drill=drill)


@pytest.mark.parametrize(
    ("findings", "aim"),
    [
        ((Finding.WE_NOT_I, Finding.NO_METRIC), Finding.WE_NOT_I),
        ((Finding.NO_METRIC,), Finding.NO_METRIC),
        ((Finding.HYPOTHETICAL, Finding.NO_RESULT), Finding.HYPOTHETICAL),
        ((Finding.BLAMES_OTHERS,), Finding.BLAMES_OTHERS),
        ((Finding.TOO_LONG, Finding.NO_RESULT), Finding.NO_RESULT),
    ],
)
def test_it_aims_at_the_weakest_part(findings: tuple[Finding, ...], aim: Finding) -> None:
    question = follow_up_for(checked(*findings), principle="Ownership", seed=SEEDS[0])
    assert question.aim == aim
    assert question.text in FOR_FINDING[aim]


def test_the_we_follow_up_asks_what_you_did() -> None:
    asked = {follow_up_for(checked(Finding.WE_NOT_I), principle=None, seed=s).text for s in SEEDS}
    assert "What did *you* do, as opposed to the team?" in asked


def test_wording_varies_across_answers_but_not_for_one_answer() -> None:
    texts = [follow_up_for(checked(Finding.NO_METRIC), principle="Dive Deep", seed=s).text for s in SEEDS]
    assert len(set(texts)) == len(FOR_FINDING[Finding.NO_METRIC]), "every wording gets used"
    again = [follow_up_for(checked(Finding.NO_METRIC), principle="Dive Deep", seed=s).text for s in SEEDS]
    assert texts == again, "a retry of the same answer says the same"


def test_a_clean_strong_answer_still_gets_a_probing_follow_up() -> None:
    clean = check_answer(CLEAN, principle="Deliver Results", question="Tell me about a time you delivered")
    assert not [f for f in clean.findings if f is not Finding.TOO_LONG]
    asked = [follow_up_for(clean, principle="Deliver Results", seed=s) for s in SEEDS]
    aims = {q.aim for q in asked}
    assert aims == {Probe.DIFFERENTLY, Probe.DECIDE, Probe.DEEPER}
    texts = {q.text for q in asked}
    assert FOR_PRINCIPLE["Deliver Results"] in texts
    assert texts & set(FOR_PROBE[Probe.DIFFERENTLY]) and texts & set(FOR_PROBE[Probe.DECIDE])


def test_off_topic_names_the_principle() -> None:
    question = follow_up_for(checked(Finding.OFF_TOPIC), principle="Frugality", seed=SEEDS[3])
    assert "Frugality" in question.text


def test_a_drill_gets_a_drill_follow_up() -> None:
    gap = follow_up_for(checked(Finding.NO_RESULT, drill="System Design"), principle=None, seed=SEEDS[0])
    assert gap.aim == Finding.NO_RESULT and "fails" in gap.text
    clean = follow_up_for(checked(drill="System Design"), principle=None, seed=SEEDS[0])
    assert clean.aim == Probe.DEEPER and "ten times the load" in clean.text


@pytest.mark.parametrize(
    ("aim", "good", "bad"),
    [
        (
            "we_not_i",
            "I wrote the migration plan myself and I paired with each team lead on the cut-over.",
            "We all worked on it together as a team and we shipped it together in the end.",
        ),
        (
            "no_metric",
            "Checkout errors fell from 8% to 0.5% and support tickets dropped by half within a month.",
            "It went really well and everyone was happy with how it turned out in the end.",
        ),
        (
            "no_learning",
            "I learned to ask for the data before I argue, and since then I bring numbers to every review.",
            "The project shipped on time and the customer renewed the contract for another year.",
        ),
        (
            "decide",
            "I compared the two options on cost and risk, and chose the queue because it was cheaper to run.",
            "It was obvious to everyone what to do so I just went ahead with it straight away then.",
        ),
    ],
)
def test_the_brief_check_reads_what_the_follow_up_asked_for(aim: str, good: str, bad: str) -> None:
    yes, no = check_follow_up(good, aim=aim), check_follow_up(bad, aim=aim)
    assert yes.answered and yes.score >= 4
    assert not no.answered and no.score == 2


def test_a_few_words_are_too_short_to_tell() -> None:
    brief = check_follow_up("It went fine.", aim="no_metric")
    assert (brief.answered, brief.score) == (False, 1)


def test_a_good_follow_up_answer_lifts_readiness_a_little_and_a_bad_one_takes_nothing() -> None:
    def score(follow_up: int | None) -> int:
        return readiness("Ownership", [Evidence(NOW, rating=4, follow_up=follow_up)], 0, now=NOW).score

    assert score(5) > score(4) > score(None)
    assert score(5) - score(None) <= 4, "a little"
    assert score(2) == score(1) == score(None)
