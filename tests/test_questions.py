"""The bank, the choice of topic and question, and FSRS spacing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating

from bot.focus import FOCUS_AREAS
from bot.principles import PRINCIPLES
from bot.questions.bank import (
    BANK,
    BY_KEY,
    DRILLS,
    IC_VARIANTS,
    MANAGER_VARIANTS,
    QUESTIONS,
    SYSTEM_DESIGN_METHOD,
)
from bot.questions.roles import Track, track
from bot.questions.selection import Option, choose_question, question_options, shuffled
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


def test_own_questions_first_then_the_bank_in_an_order_of_the_candidates_own() -> None:
    own = [Option("own:7", "Mine"), Option("own:3", "Imported")]
    bank = BANK["Ownership"]
    first = question_options(own, bank, track=None, seed="T1:UAAA")
    assert [o.key for o in first[:2]] == ["own:7", "own:3"]
    assert sorted(o.key for o in first[2:]) == sorted(q.key for q in bank)
    assert question_options(own, bank, track=None, seed="T1:UAAA") == first, "the same for the same candidate"
    sequences = {
        tuple(o.key for o in question_options([], bank, track=None, seed=f"T1:U{n:03d}")) for n in range(20)
    }
    assert len(sequences) >= 18, "twenty candidates, (nearly) twenty different sequences"
    firsts = {question_options([], bank, track=None, seed=f"T1:U{n:03d}")[0].key for n in range(20)}
    assert len(firsts) >= 4, "not everyone starts with the same question"


def test_a_question_added_to_the_bank_later_does_not_reorder_the_others() -> None:
    bank = list(BANK["Dive Deep"])
    before = [q.key for q in shuffled(bank[:-1], "T1:UAAA")]
    after = [q.key for q in shuffled(bank, "T1:UAAA") if q.key != bank[-1].key]
    assert before == after


def test_the_role_picks_manager_or_engineer_variants_first() -> None:
    bank = BANK["Hire and Develop the Best"]
    manager = question_options([], bank, track=Track.MANAGER, seed="T1:U1")
    engineer = question_options([], bank, track=Track.IC, seed="T1:U1")
    unset = question_options([], bank, track=None, seed="T1:U1")
    variants = len(MANAGER_VARIANTS["Hire and Develop the Best"])
    assert all(":m" in o.key for o in manager[:variants])
    assert not any(":ic" in o.key for o in manager)
    assert all(":ic" in o.key for o in engineer[: len(IC_VARIANTS["Hire and Develop the Best"])])
    assert not any(":m" in o.key for o in engineer)
    assert all(o.key.split(":")[-1].isdigit() for o in unset), "no role: the questions for everyone"


def test_manager_variants_exist_for_the_people_principles() -> None:
    for principle in (
        "Hire and Develop the Best",
        "Earn Trust",
        "Strive to be Earth's Best Employer",
        "Have Backbone; Disagree and Commit",
        "Deliver Results",
    ):
        assert len(MANAGER_VARIANTS[principle]) >= 4
        assert sum(q.track == Track.MANAGER for q in BANK[principle]) == len(MANAGER_VARIANTS[principle])
    assert BANK["Earn Trust"][-1].key == "bank:earn-trust:ic2"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("SDM L6", Track.MANAGER),
        ("Senior Engineering Manager", Track.MANAGER),
        ("Manager, Software Development", Track.MANAGER),
        ("Head of Platform", Track.MANAGER),
        ("SDE II", Track.IC),
        ("Senior Software Engineer L6", Track.IC),
        ("Senior Product Manager", Track.IC),
        ("Technical Program Manager", Track.IC),
        ("", None),
    ],
)
def test_roles_read_loosely(role: str, expected: Track | None) -> None:
    assert track(role) == expected


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
