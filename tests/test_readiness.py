"""The readiness score: its documented anchor points, recency, the check, stories, weakness."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.readiness import Evidence, Level, readiness

NOW = datetime(2026, 12, 10, 14, 0, tzinfo=UTC)


def score(*evidence: Evidence, stories: int = 0) -> int:
    return readiness("Ownership", evidence, stories, now=NOW).score


def test_the_documented_anchor_points() -> None:
    assert score() == 0
    assert score(stories=2) == 20
    assert score(stories=5) == 20, "stories count up to two"
    assert score(Evidence(NOW, rating=5)) == 40
    assert score(*(Evidence(NOW, rating=5) for _ in range(3)), stories=2) == 90


def test_better_ratings_and_more_practice_score_higher() -> None:
    assert score(Evidence(NOW, rating=2)) < score(Evidence(NOW, rating=3)) < score(Evidence(NOW, rating=5))
    assert score(Evidence(NOW, rating=4)) < score(Evidence(NOW, rating=4), Evidence(NOW, rating=4))


def test_old_practice_counts_less() -> None:
    fresh = score(Evidence(NOW, rating=5))
    old = score(Evidence(NOW - timedelta(days=10), rating=5))
    assert old < fresh
    # A recent weak answer weighs more than an older strong one.
    assert score(Evidence(NOW - timedelta(days=20), rating=5), Evidence(NOW, rating=1)) < score(
        Evidence(NOW - timedelta(days=20), rating=1), Evidence(NOW, rating=5)
    )


def test_the_check_counts_less_than_peers_and_serious_findings_cost_more() -> None:
    rated = score(Evidence(NOW, rating=5))
    checked = score(Evidence(NOW, check_score=5))
    assert checked < rated
    plain = score(Evidence(NOW, check_score=4, findings=("no_metric",)))
    blaming = score(Evidence(NOW, check_score=4, findings=("blames_others",)))
    assert blaming < plain
    assert score(Evidence(NOW, rating=5, check_score=1)) < score(Evidence(NOW, rating=5, check_score=5))


def test_a_latest_answer_rated_two_or_failing_the_check_is_weak() -> None:
    assert Evidence(NOW, rating=2).weak and Evidence(NOW, check_score=2).weak
    assert Evidence(NOW, rating=1.5, check_score=5).weak
    assert not Evidence(NOW, rating=2.5).weak and not Evidence(NOW).weak
    weak = readiness(
        "Ownership", [Evidence(NOW - timedelta(days=1), rating=4), Evidence(NOW, rating=1)], 0, now=NOW
    )
    assert weak.latest_weak and weak.level == Level.WEAK
    redone = readiness(
        "Ownership", [Evidence(NOW - timedelta(days=1), rating=1), Evidence(NOW, rating=4)], 0, now=NOW
    )
    assert not redone.latest_weak and redone.level == Level.FAIR


def test_levels() -> None:
    assert readiness("Ownership", [], 2, now=NOW).level == Level.NOT_STARTED
    strong = [Evidence(NOW, rating=5)] * 3
    assert readiness("Ownership", strong, 2, now=NOW).level == Level.READY
    assert readiness("Ownership", strong, 2, now=NOW).gap == 10


def test_a_focus_drill_has_no_stories_and_scales_to_a_hundred() -> None:
    assert readiness("System Design", [], None, now=NOW).score == 0
    assert readiness("System Design", [Evidence(NOW, rating=5)], None, now=NOW).score == 50
    strong = [Evidence(NOW, rating=5)] * 3
    assert readiness("System Design", strong, None, now=NOW).score == round(100 * 0.7 / 0.8)
