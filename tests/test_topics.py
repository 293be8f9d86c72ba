"""The daily plan, rule by rule: each test fails if its rule is taken out of bot.questions.topics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date, timedelta

from bot.questions.topics import (
    Pick,
    Reason,
    Situation,
    Slot,
    TopicState,
    Weak,
    asked,
    choose_topic,
    coming_picks,
)

TODAY = date(2026, 12, 1)
LOOP = date(2026, 12, 16)


def on_loop_day(*interviews: tuple[str, ...], drills: tuple[str | None, ...] = ()) -> tuple[Slot, ...]:
    return tuple(
        Slot(n + 1, LOOP, principles, drills[n] if n < len(drills) else None)
        for n, principles in enumerate(interviews)
    )


def situation(
    slots: tuple[Slot, ...],
    *,
    days_left: int | None,
    states: Mapping[str, TopicState] | None = None,
    today: date = TODAY,
) -> Situation:
    return Situation(today, days_left, slots, dict(states or {}))


def run(start: Situation, days: int) -> Iterator[Pick]:
    """Ask what the plan picks, day after day, with no new answers."""
    now = start
    for _ in range(days):
        pick = choose_topic(now)
        yield pick
        now = asked(now, pick)


def test_with_twice_the_days_every_principle_is_asked_twice_even_the_strong_one() -> None:
    slots = on_loop_day(("A", "B", "C"))
    states = {"A": TopicState(readiness=95), "B": TopicState(readiness=5), "C": TopicState(readiness=5)}
    asks = Counter(p.topic for p in run(situation(slots, days_left=6, states=states), 6))
    assert asks == {"A": 2, "B": 2, "C": 2}


def test_a_weak_latest_answer_is_asked_again_the_next_day_as_a_redo_of_its_question() -> None:
    slots = on_loop_day(("A", "B"), ("C", "D"), ("E",))
    states = {"C": TopicState(asks=1, readiness=5, weak=Weak(prompt_id=41, day=TODAY - timedelta(days=1)))}
    pick = choose_topic(situation(slots, days_left=12, states=states))
    assert (pick.topic, pick.reason, pick.redo_of, pick.interview_id) == ("C", Reason.REDO, 41, 2)


def test_a_weak_redo_is_asked_again_but_with_a_fresh_question() -> None:
    weak = Weak(prompt_id=52, day=TODAY - timedelta(days=1), was_redo=True)
    states = {"C": TopicState(asks=2, readiness=5, weak=weak)}
    pick = choose_topic(situation(on_loop_day(("A", "B"), ("C",)), days_left=12, states=states))
    assert pick.topic == "C" and pick.redo_of is None


def test_with_fewer_days_than_twice_no_principle_is_left_unasked_before_a_redo() -> None:
    slots = on_loop_day(("A", "B"), ("C", "D"))
    weak = Weak(prompt_id=7, day=TODAY - timedelta(days=1))
    states = {"A": TopicState(asks=1, readiness=5, weak=weak)}
    # Three principles unasked, three days left: every day is owed to them.
    picks = list(run(situation(slots, days_left=3, states=states), 3))
    assert sorted(p.topic for p in picks) == ["B", "C", "D"]
    assert picks[0].reason == Reason.COVERAGE
    # One more day and the redo comes first.
    assert choose_topic(situation(slots, days_left=4, states=states)).topic == "A"


def test_with_fewer_days_than_principles_the_earliest_interviews_weakest_come_first() -> None:
    slots = on_loop_day(("A", "B"), ("C", "D"), ("E", "F"))
    states = {
        "A": TopicState(readiness=20),  # two stories written, never practised aloud
        "B": TopicState(readiness=0),
        "C": TopicState(readiness=0),
        "E": TopicState(readiness=0),
    }
    picks = [p.topic for p in run(situation(slots, days_left=3, states=states), 3)]
    assert picks == ["B", "A", "C"], "the first interview's weakest, then the first's next, then the second's"


def test_on_a_shared_day_the_largest_gap_wins_weighted_by_order() -> None:
    slots = on_loop_day(("A",), ("B",), ("C",))
    # All asked once; C is much weaker than A, B a little weaker than A.
    states = {
        "A": TopicState(asks=1, readiness=40),
        "B": TopicState(asks=1, readiness=37),
        "C": TopicState(asks=1, readiness=10),
    }
    assert choose_topic(situation(slots, days_left=10, states=states)).topic == "C"
    states["C"] = TopicState(asks=1, readiness=40)
    # Equal gaps: the earlier interview. B's gap is larger than A's by less than the order weight.
    pick = choose_topic(situation(slots, days_left=10, states=states))
    assert (pick.topic, pick.reason) == ("A", Reason.GAP)


def test_on_different_days_the_next_interview_comes_first_until_asked_and_not_weak() -> None:
    screen = Slot(1, TODAY + timedelta(days=3), ("A", "B"))
    loop = Slot(2, LOOP, ("C", "D"))
    states = {"C": TopicState(readiness=0), "A": TopicState(readiness=30), "B": TopicState(readiness=30)}
    start = situation((screen, loop), days_left=15, states=states)
    assert [p.topic for p in run(start, 3)] == ["A", "B", "C"]
    # A weak answer on the screen's principle is redone before anything of the loop.
    weak = Weak(prompt_id=3, day=TODAY)
    states = {"A": TopicState(asks=1, weak=weak, readiness=5), "B": TopicState(asks=1, readiness=60)}
    pick = choose_topic(situation((screen, loop), days_left=15, states=states))
    assert (pick.topic, pick.redo_of) == ("A", 3)


def test_an_overdue_redo_beats_the_next_interviews_unasked_principles() -> None:
    screen = Slot(1, TODAY + timedelta(days=3), ("A", "B"))
    loop = Slot(2, LOOP, ("C",))
    weak = Weak(prompt_id=9, day=TODAY - timedelta(days=2))
    states = {"C": TopicState(asks=1, weak=weak, readiness=5)}
    assert choose_topic(situation((screen, loop), days_left=15, states=states)).topic == "C"
    fresh = {"C": replace(states["C"], weak=replace(weak, day=TODAY - timedelta(days=1)))}
    assert choose_topic(situation((screen, loop), days_left=15, states=fresh)).topic == "A"


def test_drills_come_only_once_no_principle_is_unasked_and_no_more_often_than_its_principles() -> None:
    slots = on_loop_day(("A", "B"), ("C",), drills=("System Design",))
    states = {"A": TopicState(asks=1, readiness=40), "B": TopicState(asks=1, readiness=40)}
    first = choose_topic(situation(slots, days_left=10, states=states))
    assert first.topic == "C", "never at the cost of an unasked principle"
    states["C"] = TopicState(asks=1, readiness=40)
    drill = choose_topic(situation(slots, days_left=10, states=states))
    assert (drill.topic, drill.is_focus, drill.interview_id, drill.reason) == (
        "System Design",
        True,
        1,
        Reason.DRILL,
    )
    states["System Design"] = TopicState(asks=1, readiness=0)
    after = choose_topic(situation(slots, days_left=10, states=states))
    assert after.reason == Reason.GAP, "not drilled more often than its principles are asked"


def test_a_drill_competes_on_its_gap_with_the_principles() -> None:
    slots = on_loop_day(("A", "B"), ("C",), drills=("System Design",))
    states = {
        "A": TopicState(asks=2, readiness=10),
        "B": TopicState(asks=2, readiness=60),
        "C": TopicState(asks=2, readiness=60),
        "System Design": TopicState(asks=1, readiness=50),
    }
    assert choose_topic(situation(slots, days_left=10, states=states)).topic == "A"
    states["A"] = TopicState(asks=2, readiness=60)
    assert choose_topic(situation(slots, days_left=10, states=states)).topic == "System Design"


def test_coming_picks_start_with_today_and_stop_at_the_loop() -> None:
    slots = on_loop_day(("A", "B"), ("C", "D"))
    start = situation(slots, days_left=2)
    picks = list(coming_picks(start, 3))
    assert picks[0] == choose_topic(start)
    assert len(picks) == 2, "nothing is asked on the loop day"


def test_without_interviews_any_given_principle_without_coverage_rules() -> None:
    slots = (Slot(None, None, ("A", "B")),)
    assert choose_topic(situation(slots, days_left=None)).interview_id is None
