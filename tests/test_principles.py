"""The loose principle matcher: what people type maps to the canonical sixteen, or is refused."""

from __future__ import annotations

import pytest

from bot.principles import PRINCIPLES, PrincipleError, match_principle, parse_principles


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("customer obsession", "Customer Obsession"),
        ("OWNERSHIP", "Ownership"),
        ("own", "Ownership"),
        ("invent & simplify", "Invent and Simplify"),
        ("are right a lot", "Are Right, A Lot"),
        ("Are Right, A Lot", "Are Right, A Lot"),
        ("learn and be curious", "Learn and Be Curious"),
        ("curious", "Learn and Be Curious"),
        ("hire & develop", "Hire and Develop the Best"),
        ("highest standards", "Insist on the Highest Standards"),
        ("Insist on Highest Standards", "Insist on the Highest Standards"),
        ("think big", "Think Big"),
        ("bias to action", "Bias for Action"),
        ("frugal", "Frugality"),
        ("Earn Trust of Others", "Earn Trust"),
        ("trust", "Earn Trust"),
        ("deep dive", "Dive Deep"),
        ("backbone", "Have Backbone; Disagree and Commit"),
        ("disagree & commit", "Have Backbone; Disagree and Commit"),
        ("Have Backbone Disagree and Commit", "Have Backbone; Disagree and Commit"),
        ("deliver results", "Deliver Results"),
        ("Earth's best employer", "Strive to be Earth's Best Employer"),
        ("earths best employer", "Strive to be Earth's Best Employer"),
        ("success and scale", "Success and Scale Bring Broad Responsibility"),
        ("broad responsibility", "Success and Scale Bring Broad Responsibility"),
        ("  Dive   Deep!  ", "Dive Deep"),
    ],
)
def test_loose_names_map_to_the_canonical_one(typed: str, canonical: str) -> None:
    assert match_principle(typed) == canonical


def test_every_canonical_name_matches_itself() -> None:
    assert [match_principle(name) for name in PRINCIPLES] == list(PRINCIPLES)
    assert len(PRINCIPLES) == 16


@pytest.mark.parametrize("typed", ["best", "ear", "the best"])
def test_ambiguous_names_are_refused_naming_the_choices(typed: str) -> None:
    with pytest.raises(PrincipleError) as refused:
        match_principle(typed)
    message = str(refused.value)
    assert f"“{typed}”" in message and "could be" in message
    assert "Hire and Develop the Best" in message or "Earn Trust" in message


@pytest.mark.parametrize("typed", ["flying", "a lot", "and", "ow", "x", ""])
def test_unknown_names_are_refused_with_the_valid_list(typed: str) -> None:
    with pytest.raises(PrincipleError) as refused:
        match_principle(typed)
    message = str(refused.value)
    assert f"“{typed}”" in message
    assert all(name in message for name in PRINCIPLES)


def test_are_right_a_lot_survives_a_comma_separated_list() -> None:
    assert parse_principles("Ownership, Are Right, A Lot, Dive Deep") == [
        "Ownership",
        "Are Right, A Lot",
        "Dive Deep",
    ]
    assert parse_principles("are right, a lot") == ["Are Right, A Lot"]
    assert parse_principles("Are Right, A Lot") == ["Are Right, A Lot"]
    assert parse_principles("right a lot, ownership") == ["Are Right, A Lot", "Ownership"]


def test_lists_are_deduplicated_in_typed_order() -> None:
    assert parse_principles("dive deep, ownership, deep dive") == ["Dive Deep", "Ownership"]


def test_principles_joined_by_and_are_split_when_the_whole_is_no_principle() -> None:
    assert parse_principles("dive deep and think big") == ["Dive Deep", "Think Big"]
    assert parse_principles("invent and simplify") == ["Invent and Simplify"]
    assert parse_principles("Learn and Be Curious, hire & develop") == [
        "Learn and Be Curious",
        "Hire and Develop the Best",
    ]


def test_one_bad_name_in_a_list_fails_the_whole_list() -> None:
    with pytest.raises(PrincipleError, match="“teamwork”"):
        parse_principles("ownership, teamwork, dive deep")
