"""Every `/prep` command, as data: the help text and the router both read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommandHelp:
    usage: str
    does: str
    example: str


SECTIONS: tuple[tuple[str, tuple[CommandHelp, ...]], ...] = (
    (
        "Your loop",
        (
            CommandHelp(
                "loop YYYY-MM-DD", "set the loop date and start the countdown", "/prep loop 2026-12-10"
            ),
            CommandHelp("loop", "show the loop date and the days left", "/prep loop"),
            CommandHelp(
                "interview add NAME: P1, P2[, P3] [at YYYY-MM-DD HH:MM] [focus FOCUS]",
                "add an interview and the principles it covers",
                "/prep interview add Natesh: backbone, earn trust, hire and develop focus People Management",
            ),
            CommandHelp("interview add", "add an interview with a form", "/prep interview add"),
            CommandHelp("interviews", "list your interviews, numbered", "/prep interviews"),
            CommandHelp("interview remove N", "remove interview N", "/prep interview remove 2"),
        ),
    ),
    (
        "Reviewers",
        (
            CommandHelp(
                "reviewer add @person", "invite a peer to rate your answers", "/prep reviewer add @maria"
            ),
            CommandHelp(
                "reviewer remove @person", "stop sharing with a reviewer", "/prep reviewer remove @maria"
            ),
            CommandHelp("reviewers", "list your reviewers", "/prep reviewers"),
            CommandHelp(
                "leave [@candidate]",
                "as a reviewer, stop reviewing someone's prep (everyone's, without a name); they are told",
                "/prep leave @casey",
            ),
        ),
    ),
    (
        "Daily questions",
        (
            CommandHelp(
                "time HH:MM",
                "daily question time, in your Slack time zone (default 09:00)",
                "/prep time 07:30",
            ),
            CommandHelp("pause", "stop the daily questions", "/prep pause"),
            CommandHelp("resume", "start them again", "/prep resume"),
            CommandHelp("skip", "skip today's question", "/prep skip"),
            CommandHelp("question", "one more question now", "/prep question"),
            CommandHelp(
                "question add PRINCIPLE: TEXT",
                "add a question of your own",
                "/prep question add ownership: Tell me about a time you fixed something nobody owned.",
            ),
            CommandHelp(
                "role TEXT",
                "the role and level you interview for: picks manager or engineer questions",
                "/prep role SDM L6",
            ),
            CommandHelp("role", "show your role (`/prep role none` clears it)", "/prep role"),
        ),
    ),
    (
        "Stories",
        (
            CommandHelp(
                "story add [TITLE]", "add a STAR story with a form", "/prep story add Cut checkout latency"
            ),
            CommandHelp(
                "stories [PRINCIPLE]",
                "your story bank, optionally for one principle",
                "/prep stories dive deep",
            ),
        ),
    ),
    (
        "Progress",
        (
            CommandHelp(
                "status",
                "countdown, next interview, answers, ratings and stories per principle",
                "/prep status",
            ),
            CommandHelp("help", "this list", "/prep help"),
        ),
    ),
    (
        "Your data",
        (
            CommandHelp(
                "export",
                "your loop, answers, ratings, feedback and stories as files in our DM (Markdown and CSV)",
                "/prep export",
            ),
            CommandHelp("delete", "erase everything Loop Coach holds about you (asks first)", "/prep delete"),
        ),
    ),
)


def all_commands() -> list[CommandHelp]:
    return [command for _, commands in SECTIONS for command in commands]
