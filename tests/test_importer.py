"""Reading prep notes: the real example, our own sample in its layout, and a plainer layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.importer import ImportedInterview, NoteError, parse_note
from tests.conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_example_note() -> None:
    note = parse_note(shared_path("examples", "loop-prep-note.md").read_text())
    assert note.loop_date == date(2022, 8, 30)
    assert note.interviews == [
        ImportedInterview(
            "Natesh", ["Have Backbone; Disagree and Commit", "Earn Trust", "Hire and Develop the Best"]
        ),
        ImportedInterview(
            "John Lyon Smith", ["Ownership", "Deliver Results"], "People Management, Writing Sample"
        ),
        ImportedInterview(
            "Keesha", ["Learn and Be Curious", "Invent and Simplify"], "Product/Project Management"
        ),
        ImportedInterview(
            "Ayan Joyi", ["Insist on the Highest Standards", "Bias for Action"], "System Design"
        ),
        ImportedInterview("David Christian", ["Think Big", "Dive Deep"], "Operational Excellence"),
    ]
    by_principle: dict[str, list[str]] = {}
    for principle, text in note.questions:
        by_principle.setdefault(principle, []).append(text)
    assert {p: len(q) for p, q in by_principle.items()} == {
        "Have Backbone; Disagree and Commit": 8,
        "Earn Trust": 9,
        "Hire and Develop the Best": 10,
    }
    assert by_principle["Have Backbone; Disagree and Commit"][1] == (
        "Describe a time when you took an unpopular stance in a meeting with peers and your leader. What was it? "
        "Why did you feel strongly about it? What did you do? What was the outcome?"
    )
    assert by_principle["Earn Trust"][0].startswith(
        "Tell me about a time when you had to communicate a change"
    )
    assert all("Tell story about" not in q for q in note.questions), (
        "the candidate's own sub-notes are not questions"
    )
    assert [(s.title, s.principles) for s in note.stories] == [
        ("Disagreed and things went your way", ["Have Backbone; Disagree and Commit"]),
        ("Disagreed and things did not go your way", ["Have Backbone; Disagree and Commit"]),
        ("When running RampEX", ["Hire and Develop the Best"]),
    ]
    first = note.stories[0]
    assert first.notes.startswith("CEO organized a company offsite") and "9 articulated" in first.notes
    assert not (first.situation or first.task or first.action or first.result), "the note marks no S/T/A/R"
    assert "Product Design Team" in note.stories[2].notes


def test_our_sample_in_the_same_layout() -> None:
    note = parse_note((FIXTURES / "sample-prep-note.md").read_text())
    assert note.loop_date == date(2026, 12, 16), "the scheduled date, not the coffee chat's"
    assert note.interviews == [
        ImportedInterview("Priya", ["Customer Obsession", "Are Right, A Lot"]),
        ImportedInterview("Marco Ruiz", ["Frugality", "Earn Trust"], "System Design, Operational Excellence"),
    ]
    assert note.questions == [
        (
            "Customer Obsession",
            "Tell me about a time you changed a plan for a customer. What did you give up?",
        ),
        ("Customer Obsession", "Describe the hardest customer escalation you handled. What did you learn?"),
    ]
    [story] = note.stories
    assert story.title == "The merchant who wanted refunds in bulk"
    assert story.principles == ["Customer Obsession"]
    assert "70%" in story.notes


def test_a_plainer_layout() -> None:
    note = parse_note((FIXTURES / "plain-layout-note.md").read_text())
    assert note.loop_date == date(2026, 12, 18)
    assert note.interviews == [
        ImportedInterview("Sam Okafor", ["Ownership", "Are Right, A Lot", "Dive Deep"], "People Management"),
        ImportedInterview("Lee", ["Think Big", "Bias for Action"]),
    ]
    assert [p for p, _ in note.questions] == ["Dive Deep", "Dive Deep", "Ownership"]
    [story] = note.stories
    assert story.title == "Migrating billing without downtime"
    assert story.principles == ["Ownership", "Deliver Results"]
    assert story.situation == "Billing ran on a database that was out of support."
    assert story.task.startswith("I had to move it") and story.action.startswith("I wrote")
    assert story.result == "Zero downtime; costs fell 22%."
    assert "Lesson learned: rehearse with the team" in story.notes


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("# Shopping list\n- eggs\n- milk\n", "couldn't find any interviews"),
        ("", "couldn't find any interviews"),
        (
            "## Interview 1\nInterviewer: Ann\nPrinciples: ownership, teamwork\n",
            "“teamwork” is not a Leadership Principle",
        ),
        ("## Interview 1\nInterviewer: Ann\nPrinciples: best\n", "could be"),
        ("## Interview 1\nInterviewer: Ann\n", "lists no principles"),
        ("x" * 1_000_001, "over 1 MB"),
    ],
)
def test_notes_it_cannot_read_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(NoteError, match=reason):
        parse_note(text)
