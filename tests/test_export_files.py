"""The export's Markdown and CSV, as pure functions: whatever people typed comes out as they typed
it, and can neither reshape the document nor run in a spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from bot.blocks.export_csv import COLUMNS, answers_csv, safe_cell
from bot.blocks.export_markdown import export_markdown, quoted
from bot.services.export import AnswerRecord, CandidateExport, GivenFeedback, GivenRating, StoryRecord

AT = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)
HOSTILE = (
    "# Not a heading\n"
    "- not a list\n"
    "1. nor this\n"
    "<script>alert(1)</script> &amp; **bold** [link](http://example.com) | a | b |\n"
    "```\n"
    "> not a quote in a quote\n"
    "---\n"
    "=SUM(A1:A9)\n"
    "    indented \\ backslash \\"
)


def answer(text: str, *, question: str = "Why?", feedback: str = "Good.") -> AnswerRecord:
    return AnswerRecord(
        question=question,
        principle="Dive Deep",
        focus=None,
        text=text,
        answered_at=AT,
        edited_at=None,
        ratings=(GivenRating("UREV00001", 4, AT),),
        feedback=(GivenFeedback("UREV00001", feedback, AT),),
        check="📝 Answer check: 3 words · score *2/5*\n• *Too short*: say more.",
        check_score=2,
        check_findings=("too_short", "no_result"),
    )


def export_with(*answers: AnswerRecord, title: str = "Cut latency") -> CandidateExport:
    story = StoryRecord(title, ("Dive Deep",), "S", "T", "A", "R", "", "", AT)
    return CandidateExport(
        team_id="T1",
        user_id="U1",
        tz="America/New_York",
        loop_date=date(2026, 12, 16),
        prompt_time=time(9, 0),
        paused=False,
        joined_at=AT,
        exported_at=AT,
        reviewers=("UREV00001",),
        interviews=(),
        plan=(),
        answers=answers,
        stories=(story,),
        questions=(),
    )


def texts(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(enclosing blocks, plain text) of every run of text, e.g. ("blockquote/p", "…")."""
    found, stack = [], []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.nesting == 1:
            stack.append(token.tag)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            found.append(("/".join(stack), texts(token)))
        else:
            found.append((token.tag or token.type, token.content))
    return found


def test_hostile_answer_shows_as_written_inside_its_quote() -> None:
    markdown = export_markdown(export_with(answer(HOSTILE)))
    quoted_text = [text for where, text in blocks(markdown) if where == "blockquote/p"]
    expected = "\n".join(line.strip() for line in HOSTILE.splitlines())
    assert expected in quoted_text
    html = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in html and "<strong>bold" not in html and 'href="http://example.com"' not in html
    headings = [text for where, text in blocks(markdown) if where in ("h1", "h2", "h3", "h4")]
    assert "Not a heading" not in headings
    assert not any(where in ("pre", "code", "hr") for where, _ in blocks(markdown))


def test_hostile_titles_and_questions_stay_on_their_line() -> None:
    markdown = export_markdown(
        export_with(answer("ok", question="# Q?\n- x *y*"), title="## Title <b>bold</b> #")
    )
    found = blocks(markdown)
    assert ("h3", "## Title <b>bold</b> #") in found
    assert ("p", "Question: # Q? - x *y*") in found


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .)#>-+=*_`~[]()<>!&|\\\n\t:;'\"")), max_size=80))
def test_any_text_round_trips_through_a_quote(text: str) -> None:
    shown = [t for where, t in blocks("\n".join(quoted(text))) if where == "blockquote/p"]
    assert shown == paragraphs_of(text)


def paragraphs_of(text: str) -> list[str]:
    """Runs of non-blank lines, each line trimmed: what a quote of `text` should show."""
    groups: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            groups[-1].append(line.strip())
        elif groups[-1]:
            groups.append([])
    return ["\n".join(group) for group in groups if group]


def test_markdown_holds_the_answer_its_check_ratings_and_feedback() -> None:
    markdown = export_markdown(export_with(answer("I did it, 80% faster.")), {"UREV00001": "maria"})
    found = blocks(markdown)
    assert ("h2", "Answers") in found and ("h3", "Dive Deep") in found
    assert ("h4", "2026-12-02 09:05") in found  # New York time
    assert ("blockquote/p", "I did it, 80% faster.") in found
    assert ("ul/li/p", "📝 Answer check: 3 words · score 2/5") in found
    assert ("p", "Ratings: 4/5 from maria (UREV00001) · average 4.0/5") in found
    assert ("blockquote/p", "Good.") in found


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_round_trips_commas_quotes_and_line_breaks() -> None:
    text = 'We said "no", then yes;\nresult: 3,000 users\r\nmore'
    [row] = read_csv(answers_csv(export_with(answer(text, feedback="Line one\nline, two"))))
    assert list(row) == list(COLUMNS)
    assert row["answer"] == text
    assert row["principle"] == "Dive Deep" and row["question"] == "Why?"
    assert row["average_rating"] == "4.0" and row["ratings"] == "UREV00001: 4"
    assert row["check_score"] == "2" and row["check_findings"] == "too_short no_result"
    assert row["feedback"] == "UREV00001: Line one\nline, two"
    assert row["answered_at"] == "2026-12-02T09:05-05:00"


def test_csv_cells_that_would_be_formulas_are_made_text() -> None:
    attacks = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", " =1", "\r=1"]
    rows = read_csv(answers_csv(export_with(*(answer(a, question=a) for a in attacks))))
    for attack, row in zip(attacks, rows, strict=True):
        assert row["answer"] == "'" + attack
        assert row["question"] == "'" + attack
    assert safe_cell("3,000 users") == "3,000 users"
    assert safe_cell("I said = is fine") == "I said = is fine"
