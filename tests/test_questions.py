"""The bank, the choice of topic and question, and FSRS spacing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating

from bot.focus import FOCUS_AREAS
from bot.principles import PRINCIPLES
from bot.questions.bank import BANK, BY_KEY, DRILLS, QUESTIONS, SYSTEM_DESIGN_METHOD
from bot.questions.selection import Option, choose_question, choose_topic, rotate
from bot.questions.spacing import Ask, fsrs_rating, next_due

NOW = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
LOOP = datetime(2026, 12, 16, 5, 0, tzinfo=UTC)


def test_every_principle_has_at_least_six_questions_and_every_focus_its_drills() -> None:
    assert set(QUESTIONS) == set(PRINCIPLES)
    assert all(len(QUESTIONS[p]) >= 6 for p in PRINCIPLES)
    assert set(DRILLS) == set(FOCUS_AREAS)
    assert all(len(DRILLS[f]) >= 5 for f in FOCUS_AREAS)
    texts = [q.text for questions in BANK.values() for q in questions]
    assert len(texts) == len(set(texts)) == len(BY_KEY), "no question twice, keys unique"


def test_system_design_drill_walks_the_method_of_the_note() -> None:
    for step in ("customer", "problem", "requirements", "design", "perform", "troubleshoot", "fail"):
        assert step in SYSTEM_DESIGN_METHOD


def test_bank_keys_are_stable() -> None:
    assert BANK["Ownership"][0].key == "bank:ownership:1"
    assert BANK["Have Backbone; Disagree and Commit"][2].key == "bank:have-backbone-disagree-and-commit:3"
    assert BANK["System Design"][0].key == "bank:system-design:1"


def test_same_day_interviews_take_turns() -> None:
    assert [rotate([7, 8, 9], turn) for turn in range(5)] == [7, 8, 9, 7, 8]


def test_topic_fewest_answers_then_lowest_average_then_first_listed() -> None:
    principles = ["Ownership", "Dive Deep", "Think Big"]
    assert choose_topic(principles, None, {}, {}) == "Ownership"
    assert choose_topic(principles, None, {"Ownership": 1}, {}) == "Dive Deep"
    assert (
        choose_topic(
            principles,
            None,
            {"Ownership": 1, "Dive Deep": 1, "Think Big": 1},
            {"Ownership": 4.0, "Dive Deep": 2.5, "Think Big": 3.0},
        )
        == "Dive Deep"
    )
    # An unrated principle counts as weakest among equals.
    assert (
        choose_topic(
            principles,
            None,
            {"Ownership": 1, "Dive Deep": 1, "Think Big": 1},
            {"Ownership": 4.0, "Dive Deep": 2.5},
        )
        == "Think Big"
    )


def test_a_focus_drill_waits_until_every_principle_has_had_its_turn() -> None:
    principles = ["Ownership", "Deliver Results"]
    assert choose_topic(principles, "People Management", {"Ownership": 1}, {}) == "Deliver Results"
    assert (
        choose_topic(principles, "People Management", {"Ownership": 1, "Deliver Results": 1}, {})
        == "People Management"
    )


def test_never_asked_questions_come_first_in_order() -> None:
    options = [Option("a", "A"), Option("b", "B"), Option("c", "C")]
    assert choose_question(options, {}, not_after=LOOP).key == "a"
    assert choose_question(options, {"a": [Ask(NOW, 4)]}, not_after=LOOP).key == "b"


def test_when_all_were_asked_the_most_overdue_comes_back() -> None:
    options = [Option("easy", "E"), Option("hard", "H")]
    history = {"easy": [Ask(NOW, 5)], "hard": [Ask(NOW, 1)]}
    assert choose_question(options, history, not_after=LOOP).key == "hard"


def test_peer_ratings_map_to_fsrs() -> None:
    assert [fsrs_rating(s) for s in (1, 2, 3, 4, 5)] == [
        Rating.Again,
        Rating.Again,
        Rating.Hard,
        Rating.Good,
        Rating.Easy,
    ]
    assert fsrs_rating(3.5) == Rating.Good and fsrs_rating(2.4) == Rating.Again


def test_rated_one_comes_back_soon_rated_five_goes_far_but_never_past_the_loop() -> None:
    soon = next_due([Ask(NOW, 1)], not_after=LOOP)
    assert soon - NOW <= timedelta(hours=1)
    far = next_due([Ask(NOW, 5)])
    assert far - NOW >= timedelta(days=7)
    near_loop = NOW + timedelta(days=13)
    assert next_due([Ask(near_loop, 5)], not_after=LOOP) == LOOP
    assert next_due([Ask(NOW, 5), Ask(NOW + timedelta(days=8), 5)]) - NOW > timedelta(days=30)


def test_an_unrated_ask_is_due_again_at_once() -> None:
    assert next_due([Ask(NOW)], not_after=LOOP) == NOW
