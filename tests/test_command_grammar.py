"""What follows /prep, parsed into commands."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from bot import commands as c
from bot.parsing import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", c.Help()),
        ("help", c.Help()),
        ("HELP", c.Help()),
        ("loop", c.ShowLoop()),
        ("loop 2026-12-16", c.SetLoop(date(2026, 12, 16))),
        ("interviews", c.ListInterviews()),
        ("interview add", c.OpenInterviewForm()),
        ("interview remove 2", c.RemoveInterview("2")),
        ("reviewer add <@U0REVIEW1|maria>", c.AddReviewers(("U0REVIEW1",))),
        ("reviewer remove <@U0REVIEW1>", c.RemoveReviewers(("U0REVIEW1",))),
        ("reviewers", c.ListReviewers()),
        ("time 07:30", c.SetTime(time(7, 30))),
        ("pause", c.Pause()),
        ("resume", c.Resume()),
        ("skip", c.Skip()),
        ("question", c.AskQuestion()),
        ("status", c.Status()),
        ("export", c.Export()),
        ("delete", c.ConfirmDelete()),
        ("stories", c.ListStories(None)),
        ("stories dive deep", c.ListStories("Dive Deep")),
        ("story add", c.OpenStoryForm("")),
        ("story add Cut checkout latency", c.OpenStoryForm("Cut checkout latency")),
        ("role", c.ShowRole()),
        ("role  SDM   L6", c.SetRole("SDM L6")),
        ("ROLE sde ii", c.SetRole("sde ii")),
        ("role none", c.SetRole(None)),
        (
            "question add backbone: Tell me about a time you said no.",
            c.AddQuestion("Have Backbone; Disagree and Commit", "Tell me about a time you said no."),
        ),
    ],
)
def test_commands(text: str, expected: c.Command) -> None:
    assert c.parse_command(text) == expected


def test_interview_add_with_everything() -> None:
    command = c.parse_command(
        "interview add Keesha: learn & be curious, invent and simplify at 2026-12-15 14:30 "
        "focus Product/Project Management Core"
    )
    assert command == c.AddInterview(
        "Keesha",
        ("Learn and Be Curious", "Invent and Simplify"),
        datetime(2026, 12, 15, 14, 30),
        "Product/Project Management",
    )


def test_interview_add_focus_before_at_and_free_focus() -> None:
    command = c.parse_command(
        "interview add Ayan Joyi: highest standards, bias for action focus Whiteboard coding "
        "at 2026-12-14 9:00"
    )
    assert isinstance(command, c.AddInterview)
    assert command.at == datetime(2026, 12, 14, 9, 0)
    assert command.focus == "Whiteboard coding"
    assert command.interviewer == "Ayan Joyi"


def test_interview_add_reads_are_right_a_lot() -> None:
    command = c.parse_command("interview add David: Think Big, Are Right, A Lot focus system design")
    assert command == c.AddInterview("David", ("Think Big", "Are Right, A Lot"), None, "System Design")


def test_an_ampersand_as_slack_sends_it() -> None:
    """Slack escapes a typed "&" as "&amp;": the README's own example must still read."""
    command = c.parse_command("interview add Natesh: backbone, earn trust, hire &amp; develop")
    assert command == c.AddInterview(
        "Natesh", ("Have Backbone; Disagree and Commit", "Earn Trust", "Hire and Develop the Best")
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("interview add Natesh backbone, earn trust", "colon"),
        ("interview add : ownership", "Name the interviewer"),
        ("interview add Natesh:", "List the interviewer's principles"),
        ("interview add Natesh: teamwork", "“teamwork”"),
        ("interview add Natesh: ownership at 2026-02-30 10:00", "2026-02-30 is not a date"),
        ("interview add Natesh: ownership at 2026-12-01 25:00", "25:00"),
        ("interview add Natesh: ownership, dive deep, think big, frugality, bias for action", "at most 4"),
        ("loop 2026-13-45", "2026-13-45 is not a date"),
        ("loop tomorrow", "YYYY-MM-DD"),
        ("time 25:00", "25:00 is not a time"),
        ("reviewer add maria", "not a mention"),
        ("question add backbone", "colon"),
        ("question add teamwork: Tell me", "“teamwork”"),
        ("stories teamwork", "“teamwork”"),
        ("revewers", "Did you mean `/prep reviewers`"),
        ("dance", "/prep help"),
        ("role " + "L" * 81, "keep it under 80"),
        ("role 42", "doesn't read as a role"),
        ("role <@U123>", "doesn't read as a role"),
    ],
)
def test_bad_input_is_one_clear_line(text: str, says: str) -> None:
    with pytest.raises(InputError) as refused:
        c.parse_command(text)
    assert says in str(refused.value)
    assert "\n" not in str(refused.value)


def test_every_command_has_a_handler_and_a_help_line() -> None:
    import typing

    from bot.catalogue import all_commands
    from handlers.commands import ROUTES

    kinds = set(typing.get_args(c.Command))
    # Help and the modals are answered before the work pool; export and leave have their own jobs
    # (see handlers/commands.on_prep).
    before_pool = {c.Help, c.OpenInterviewForm, c.OpenStoryForm, c.ConfirmDelete, c.Export, c.LeaveReview}
    assert kinds - before_pool == set(ROUTES)
    documented = {command.usage.split()[0] for command in all_commands()}
    assert documented == {
        "loop",
        "interview",
        "interviews",
        "reviewer",
        "reviewers",
        "leave",
        "time",
        "pause",
        "resume",
        "skip",
        "question",
        "story",
        "stories",
        "status",
        "role",
        "help",
        "export",
        "delete",
    }
