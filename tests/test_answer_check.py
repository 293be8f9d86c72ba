"""The answer check: length, STAR parts, I versus we, a number behind the result, tips."""

from __future__ import annotations

import pytest

from bot.answer_check import check_answer, check_text
from tests.conftest import shared_path

STRONG = (
    """At my last company, a 40-person startup, our checkout page was timing out for about 8% of customers
during sales. I was responsible for the payments team, and my goal was to fix it before Black Friday, six weeks away.
First, I dug into the traces and found that we called the tax service three times per order. I proposed caching
tax rates per region, wrote the design, and convinced our CTO to pause feature work for two weeks. I then ran a load
test every night and reviewed every change myself. """
    + (
        "I walked each engineer through the failure modes, I paired on the riskiest change, and I kept a daily log of "
        "latency so the team could see progress. " * 8
    )
    + """As a result, checkout latency dropped from 2.4 seconds to 300 ms, timeouts fell to 0.1%, and Black Friday
revenue grew 35% over the year before. I learned to measure before optimising."""
)

WE_HEAVY = """Our team was migrating billing. We needed to finish by March. We split the work, we wrote the scripts and
we tested them, and we shipped on time, so customers saw no downtime at all."""


def test_a_strong_answer_has_every_part_a_number_and_the_right_length() -> None:
    check = check_answer(STRONG)
    assert check.missing == []
    assert 300 <= check.words <= 450 and check.length == "right"
    assert check.i_count > check.we_count and check.has_metric
    assert len(check.tips) == 2 and check.tips[0].startswith("Strong structure")
    assert "what would you do differently" in check.tips[1]


def test_a_thin_team_answer_gets_the_tips_that_matter_most() -> None:
    check = check_answer(WE_HEAVY)
    assert check.length == "short"
    assert check.we_count > check.i_count
    assert not check.parts["Action"]
    assert not check.has_metric
    assert 2 <= len(check.tips) <= 3
    assert any("what you did" in tip for tip in check.tips)


def test_a_long_answer_is_told_to_trim() -> None:
    check = check_answer(STRONG + " I also want to add that" + " I kept going with more detail." * 60)
    assert check.length == "long"
    assert check.tips[0].startswith("Trim") and len(check.tips) == 2


def test_a_result_without_a_number_is_flagged() -> None:
    text = (
        STRONG.split("As a result")[0] + "As a result, the team was much happier and customers were pleased."
    )
    assert not check_answer(text).has_metric
    assert "Back the result with a number" in check_text(check_answer(text))


def test_years_alone_are_not_metrics() -> None:
    assert not check_answer("In the end, in 2019, it worked out well for everybody.").has_metric


def test_the_check_is_deterministic_and_readable() -> None:
    assert check_text(check_answer(STRONG)) == check_text(check_answer(STRONG))
    summary = check_text(check_answer(WE_HEAVY)).splitlines()[0]
    assert summary.startswith("📝 Answer check: ") and "STAR S ✓ T ✓ A ✗ R ✓" in summary
    assert "“I” 0 / “we” " in summary


@pytest.mark.parametrize(
    ("start", "end", "missing"),
    [
        ("#### Story 1 - Disagreed", "#### Story 2", []),
        ("#### Story 2", "### Earn Trust", ["Task"]),
    ],
)
def test_the_example_notes_stories(start: str, end: str, missing: list[str]) -> None:
    note = shared_path("examples", "loop-prep-note.md").read_text()
    story = note[note.index(start) : note.index(end)]
    check = check_answer(story)
    assert check.missing == missing
    assert check.has_metric, "both stories back their result with customer counts"
    assert check.we_count >= check.i_count * 0.8, "both lean on “we” about as much as “I”"
    assert any("“I” more" in tip for tip in check.tips)
