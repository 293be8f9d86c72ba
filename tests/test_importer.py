"""Reading prep notes: the real example, our own notes in many layouts, and the shapes people use."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from benchmarks.importer_accuracy import NOTES, Score, reading_day, score
from bot.importer import ImportedInterview, NoteError, as_json, parse_note
from bot.importer.note import moved_to
from tests.conftest import shared_path

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUTS = sorted(NOTES.glob("*.md"))


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
    by_principle: dict[str | None, list[str]] = {}
    for question in note.questions:
        by_principle.setdefault(question.principle, []).append(question.text)
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
    assert all("Tell story about" not in q.text for q in note.questions), (
        "the candidate's sub-notes are hints"
    )
    hinted = [q for q in note.questions if q.hint]
    assert hinted[0].hint == (
        "Tell story about developing Agency strategy for 8base and how CEO didn't see business model working."
    )
    assert len(hinted) == 4 and hinted[2].hint.startswith("RampEX story of pivoting away from VR")
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
    assert [(q.principle, q.text, q.hint) for q in note.questions] == [
        (
            "Customer Obsession",
            "Tell me about a time you changed a plan for a customer. What did you give up?",
            None,
        ),
        (
            "Customer Obsession",
            "Describe the hardest customer escalation you handled. What did you learn?",
            "The bank outage story, March.",
        ),
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
    assert [q.principle for q in note.questions] == ["Dive Deep", "Dive Deep", "Ownership"]
    [story] = note.stories
    assert story.title == "Migrating billing without downtime"
    assert story.principles == ["Ownership", "Deliver Results"]
    assert story.situation == "Billing ran on a database that was out of support."
    assert story.task.startswith("I had to move it") and story.action.startswith("I wrote")
    assert story.result == "Zero downtime; costs fell 22%."
    assert story.learning == "rehearse with the team that will be on call."


@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.stem)
def test_each_layout_reads_as_a_person_would(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text())
    problems: list[str] = []
    got = score(parse_note(path.read_text(), today=reading_day(expected)), expected, problems)
    assert problems == []
    assert got == Score(
        questions=got.questions,
        found=got.questions,
        right_principle=got.questions,
        hints=got.hints,
        hints_found=got.hints,
        stories=got.stories,
        stories_found=got.stories,
        stories_right=got.stories,
        titles_right=got.stories,
        interviews=got.interviews,
        interviews_right=got.interviews,
        loop_date_right=1,
        notes=1,
    )


def test_the_dry_run_json_has_exactly_the_public_shape() -> None:
    data = as_json(parse_note((NOTES / "05-tables.md").read_text()))
    assert set(data) == {"loop_date", "interviews", "questions", "stories"}
    assert data["loop_date"] == "2026-06-16"
    assert data["interviews"][0] == {
        "interviewer": "Dana Whitfield",
        "principles": ["Customer Obsession", "Think Big"],
        "focus": "Product/Project Management",
        "at": "2026-06-16T09:00",
    }
    assert all(set(q) == {"principle", "focus", "text", "hint"} for q in data["questions"])
    assert all(
        set(s) == {"title", "principles", "situation", "task", "action", "result", "learning", "notes"}
        for s in data["stories"]
    )
    json.dumps(data)


HEADINGS_ALONE = """
## Leadership principles by theme
### Category 1: Customer focus
### Category 2: Ownership and speed
### Category 3: People
#### Story ideas
- the outage
- the hiring loop

## Ownership
- Tell me about a time you took on something outside your role.
"""


def test_a_heading_alone_is_never_a_story() -> None:
    note = parse_note(HEADINGS_ALONE)
    assert note.stories == []
    assert [(q.principle, q.text) for q in note.questions] == [
        ("Ownership", "Tell me about a time you took on something outside your role.")
    ]


STAR_TEMPLATE = """
## Ownership
- Tell me about a time you owned a failure.

## How I structure answers
- **Situation**: set the scene
- **Task**: what was your responsibility?
- **Action**: what did you do?
- **Result**: what was the outcome?

## Dive Deep
S:
T:
A:
R:
"""


def test_a_star_template_is_not_a_story() -> None:
    assert parse_note(STAR_TEMPLATE).stories == []


SKIPPED = """
## Ownership
- Tell me about a time you fixed something that was not yours to fix.

### Questions to ask the interviewer
- What does success look like in six months?
- How do you measure ownership on this team?

### Do's and Don'ts
- Describe the result with numbers.

### Tips
- Tell me about a time… questions want one story.
"""


def test_sections_that_are_not_practice_questions_are_skipped() -> None:
    note = parse_note(SKIPPED)
    assert [q.text for q in note.questions] == [
        "Tell me about a time you fixed something that was not yours to fix."
    ]


HINTS = """
# Deliver Results
- Tell me about a time you delivered under pressure -- term-finder
- Describe a goal you missed → the Q3 migration
- Tell me about your most impactful project (story: search relevance)
- Tell me about a launch you are proud of.
  - story: the checkout redesign
  - what I'd stress: the 18% lift
"""


def test_notes_under_a_question_are_its_hint() -> None:
    note = parse_note(HINTS)
    assert [(q.text, q.hint) for q in note.questions] == [
        ("Tell me about a time you delivered under pressure", "term-finder"),
        ("Describe a goal you missed", "the Q3 migration"),
        ("Tell me about your most impactful project", "search relevance"),
        (
            "Tell me about a launch you are proud of.",
            "story: the checkout redesign\nwhat I'd stress: the 18% lift",
        ),
    ]


TAGS = """
## Questions
- Tell me about a risk you took. #ownership
- Describe the deepest bug hunt you led. [[LPs#Dive Deep]]
- Tell me about a fast decision (Bias for Action, Are Right, A Lot)
- Describe a time you earned a skeptic's trust — Earn Trust
- What is your favourite colour?
"""


def test_inline_tags_give_questions_their_principle() -> None:
    note = parse_note(TAGS)
    assert [(q.principle, q.text) for q in note.questions] == [
        ("Ownership", "Tell me about a risk you took."),
        ("Dive Deep", "Describe the deepest bug hunt you led."),
        ("Bias for Action", "Tell me about a fast decision"),
        ("Earn Trust", "Describe a time you earned a skeptic's trust"),
    ], "an untagged question outside any principle has no home, so it is left out"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Your interview has been scheduled for AUGUST 30, 2022", date(2022, 8, 30)),
        ("Loop: 30 Aug 2022", date(2022, 8, 30)),
        ("Loop date: 2022-08-30", date(2022, 8, 30)),
        ("Onsite on Tuesday, August 30th, 2022", date(2022, 8, 30)),
    ],
)
def test_loop_dates_as_people_write_them(line: str, day: date) -> None:
    note = parse_note(f"{line}\n\n## Ownership\n- Tell me about a time you owned a problem.\n")
    assert note.loop_date == day


def test_a_date_inside_a_story_is_not_the_loop_date() -> None:
    note = parse_note(
        "## Ownership\n- Tell me about a time you owned a problem.\n\nOn 3 March 2021 we shipped it.\n"
    )
    assert note.loop_date is None


STORIES = """
## Bias for Action

```
S: The nightly export failed for three nights and finance was blocked.
T: I was on call and had to unblock them before month end.
A: I split the export into chunks and ran them by hand.
R: Finance closed the month on time.
```

#### STAR Example: Kill the flaky test suite (Insist on the Highest Standards)

**Situation**: Our CI failed 30% of runs on flaky tests.
**Task**: I set out to make a red build mean something again.
**Activity**: I quarantined 120 tests and fixed the top 20 with their owners.
**Result**: Flaky failures fell below 2%.
**Learning**: Quarantine first, fix second.
"""


def test_star_blocks_fenced_or_bold_become_stories() -> None:
    fenced, headed = parse_note(STORIES).stories
    assert fenced.title == "The nightly export failed for three nights and finance was blocked."
    assert fenced.principles == ["Bias for Action"]
    assert fenced.result == "Finance closed the month on time."
    assert headed.title == "Kill the flaky test suite"
    assert headed.principles == ["Bias for Action", "Insist on the Highest Standards"]
    assert headed.action.startswith("I quarantined 120 tests")
    assert headed.learning == "Quarantine first, fix second."


def test_a_loop_date_moved_takes_the_timed_interviews_with_it() -> None:
    note = parse_note((NOTES / "05-tables.md").read_text())
    moved = moved_to(note, date(2026, 12, 1))
    assert moved.loop_date == date(2026, 12, 1)
    assert moved.interviews[0].at == datetime(2026, 12, 1, 9, 0)
    assert moved_to(note, None).interviews[0].at is None
    assert note.interviews[0].at == datetime(2026, 6, 16, 9, 0), "the note itself is unchanged"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("# Shopping list\n- eggs\n- milk\n", "couldn't find any interviews"),
        ("", "couldn't find any interviews"),
        ("## Interview 1\nInterviewer: Ann\nPrinciples: teamwork\n", "“teamwork” is not a Leadership Principle"),
        ("## Interview 1\nInterviewer: Ann\nPrinciples: best\n", "could be"),
        ("## Interview 1\nInterviewer: Ann\n", "lists no principles"),
        ("x" * 1_000_001, "over 1 MB"),
    ],
)
def test_notes_it_cannot_read_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(NoteError, match=reason):
        parse_note(text)
