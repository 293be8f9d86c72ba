"""Property-based tests: the parsers never raise anything but a clear InputError, whatever they read."""

from __future__ import annotations

import string
from datetime import date, time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.answer_check import check_answer, check_text
from bot.commands import Command, parse_command
from bot.importer import NoteError, parse_note
from bot.parsing import InputError, parse_date, parse_mentions, parse_time
from bot.principles import PRINCIPLES, PrincipleError, match_principle, parse_principles

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(
    [
        "loop",
        "interview",
        "add",
        "remove",
        "reviewer",
        "time",
        "question",
        "story",
        "stories",
        "status",
        "at",
        "focus",
        ":",
        ",",
        "2026-12-16",
        "09:00",
        "<@U0ABCDEF1|ann>",
        "ownership",
        "are right, a lot",
        "backbone",
        "&",
        "and",
        "🧑‍💻",
        "\u202e",
        "\x00",
        "25:00",
        "2026-02-30",
    ]
)
SENTENCES = st.lists(WORDS, max_size=12).map(" ".join)
ANY_TEXT = st.text(max_size=300) | SENTENCES


def assert_clear(error: InputError) -> None:
    message = str(error)
    assert message and "\n" not in message and len(message) < 1200
    assert "Traceback" not in message


@FAST
@given(ANY_TEXT)
@example("Are Right, A Lot")
@example("")
def test_the_principle_matcher_answers_or_explains(text: str) -> None:
    try:
        assert match_principle(text) in PRINCIPLES
    except PrincipleError as error:
        assert_clear(error)
        assert "Valid names:" in str(error)


@FAST
@given(ANY_TEXT)
def test_principle_lists_are_canonical_or_refused(text: str) -> None:
    try:
        found = parse_principles(text)
    except PrincipleError as error:
        assert_clear(error)
    else:
        assert set(found) <= set(PRINCIPLES) and len(found) == len(set(found))


@FAST
@given(
    st.sampled_from(PRINCIPLES),
    st.lists(st.sampled_from([".", ";", "!", "  ", "-"]), max_size=3),
    st.booleans(),
)
def test_any_casing_and_punctuation_of_a_name_still_matches(name: str, noise: list[str], upper: bool) -> None:
    typed = (name.upper() if upper else name.lower()) + "".join(noise)
    assert match_principle(typed.replace("&", " and ")) == name


@FAST
@given(ANY_TEXT | st.dates().map(date.isoformat))
def test_dates_parse_or_explain(text: str) -> None:
    try:
        assert isinstance(parse_date(text), date)
    except InputError as error:
        assert_clear(error)


@FAST
@given(ANY_TEXT | st.times().map(lambda t: t.strftime("%H:%M")))
def test_times_parse_or_explain(text: str) -> None:
    try:
        assert isinstance(parse_time(text), time)
    except InputError as error:
        assert_clear(error)


@FAST
@given(ANY_TEXT)
def test_mentions_parse_or_explain(text: str) -> None:
    try:
        assert all(user.startswith(("U", "W")) for user in parse_mentions(text))
    except InputError as error:
        assert_clear(error)


@FAST
@given(ANY_TEXT)
@example("interview add Natesh: backbone, earn trust at 2026-12-16 10:00 focus System Design")
@example("interview add : ,,, at at focus focus")
def test_every_command_text_gets_a_command_or_a_clear_error(text: str) -> None:
    try:
        command = parse_command(text)
    except InputError as error:
        assert_clear(error)
    else:
        assert isinstance(command, Command.__args__)  # type: ignore[attr-defined]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=string.printable + "#*-[]|\n", max_size=2000))
def test_the_note_parser_reads_or_refuses(text: str) -> None:
    try:
        parse_note(text)
    except NoteError as error:
        assert str(error)


# Pieces of the notations the importer rewrites (org-mode, wiki markup, HTML tables, CSV blocks,
# front matter, Slack copies, prose rounds, inline STAR, tags), to be put together at random.
NOTE_PIECES = (
    "* ", "** TODO ", ":PROPERTIES:", ":LPS: Ownership", ":END:", "#+TITLE: x", "h2. ", "||a||b||", "|c|d|",
    "# ", "#* ", "{info}", "<table><tr><td>", "</td><td>", "<br>", "</table>", "```csv", "```", "a;b;c",
    "---", "interviewers:", "  - name: Ann Lee", "    lps: [Ownership]", "Maya Chen  9:14 AM", ":+1: 1",
    "🔹 ", "1️⃣ ", "[CO] ", "(Ownershp) ", "- [x] ", "\u00a0o\u00a0", "§\t", ": ", "Q: ", "A: ",
    "Round 1 is with Ann Lee who covers Think Big. ", '"Tell me about a time you failed."', "“", "”",
    "Situation: x. ", "Task: y. ", "Action: z. ", "Result: 5%. ", "S/T - ", "(1) Title -- Ownership. ",
    "tags: ", "#dive-deep ", ", tags", "LP : ", "Story 3: ", "Gespräch 1 – ", "25.01.2027 ", "8 décembre ",
    "practise Dive Deep", "Tell me about a time you ", "I did 5 things. ", "\n", "\n\n", "  ", "\t",
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NOTE_PIECES) | st.text(max_size=12), max_size=80))
def test_the_note_parser_reads_or_refuses_any_mix_of_notations(pieces: list[str]) -> None:
    try:
        parse_note("".join(pieces), today=date(2026, 11, 25))
    except NoteError as error:
        assert str(error)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=3000))
def test_the_answer_check_always_has_advice(text: str) -> None:
    check = check_answer(text)
    advice = [line for line in check_text(check).splitlines() if line.startswith("• ")]
    assert check.words >= 0 and 1 <= check.score <= 5 and 1 <= len(advice) <= 5
