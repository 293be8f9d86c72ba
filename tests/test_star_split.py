"""Splitting an answer into STAR parts, its figures, a title from the question, a story's gist: pure."""

from __future__ import annotations

from dataclasses import dataclass

from bot.star_split import numbers_of, split_star, story_title
from bot.story_gist import gist
from tests.support.sample_answers import CLEAN


def test_an_answer_splits_in_the_order_it_is_told() -> None:
    parts = split_star(CLEAN)
    assert parts.situation.startswith("At 8base our App Builder launch was slipping")
    assert parts.task.startswith("I was the engineering manager responsible for the release")
    assert parts.action.startswith("First I mapped every open ticket")
    assert "I also called both customers myself" in parts.action
    assert parts.result.startswith("As a result we shipped the beta nine days before the deadline")
    assert parts.result.endswith("where the work actually waits.")
    # nothing lost, nothing told twice
    told = " ".join(p for p in (parts.situation, parts.task, parts.action, parts.result) if p)
    assert told.split() == CLEAN.split()


def test_a_mid_story_outcome_does_not_end_the_story_early() -> None:
    text = (
        "Last year our deploys at Contoso failed about once a week. I owned the release tooling. "
        "I proposed a canary stage and the team adopted my proposal. Then I wrote the rollback script "
        "and I trained the on-call engineers on it. As a result failed deploys fell from four a month to none."
    )
    parts = split_star(text)
    assert "the team adopted my proposal" in parts.action
    assert parts.result == "As a result failed deploys fell from four a month to none."


def test_without_a_result_the_result_is_empty_and_a_one_liner_is_a_situation() -> None:
    parts = split_star("At my last job our checkout was slow. I profiled it and I rewrote the tax lookup.")
    assert parts.result == "" and "I rewrote the tax lookup" in parts.action
    assert split_star("").situation == "" and split_star("Hello there").situation == "Hello there"


def test_the_figures_of_a_result_keep_their_phrase() -> None:
    figures = numbers_of(split_star(CLEAN).result)
    assert "the flaky failures fell from 30 a week to 2" in figures
    assert "both customers signed renewals worth 180 thousand dollars" in figures
    assert "learned" not in figures
    assert numbers_of("It went well and everyone was happy.") == ""


def test_a_title_from_the_question() -> None:
    assert (
        story_title("Tell me about a time you disagreed with your manager. What did you do?", "Have Backbone")
        == "Disagreed with my manager"
    )
    assert story_title("Describe a time when you took a calculated risk.", None) == "Took a calculated risk"
    assert story_title(None, "Ownership") == "Ownership"
    assert len(story_title("Tell me about a time you " + "really " * 40 + "won.", None)) <= 90


@dataclass(frozen=True)
class Parts:
    situation: str = ""
    action: str = ""
    result: str = ""
    metrics: str = ""


def test_the_gist_is_the_result_with_its_number_or_the_first_step() -> None:
    told = Parts(
        action="I profiled the checkout. I cached the tax rates.",
        result="Customers stopped complaining. Latency fell from 2.4 s to 300 ms.",
    )
    assert gist(told) == "Latency fell from 2.4 s to 300 ms."
    numbers_apart = Parts(
        action="I profiled it.", result="Customers stopped complaining.", metrics="-35% p99"
    )
    assert gist(numbers_apart) == "Customers stopped complaining (-35% p99)"
    assert gist(Parts(action="I profiled the checkout. Then I cached it.")) == "I profiled the checkout."
    assert gist(Parts()) == ""
    assert len(gist(Parts(result="It went " + "very " * 80 + "well in 2024 with 5 wins."))) <= 160
