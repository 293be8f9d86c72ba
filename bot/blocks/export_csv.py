"""A candidate's answers as CSV, one row per answer. Pure.

The csv module quotes what needs quoting (commas, quotes, line breaks). What it cannot know is
that a spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a formula:
such cells get a leading apostrophe, which spreadsheets read as "this is text" (OWASP's advice
against CSV injection). Someone's answer may well start with "-" or "=": it stays readable.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import datetime, tzinfo

from bot.plan import zone as local_zone
from bot.services.export import AnswerRecord, CandidateExport

COLUMNS = (
    "answered_at",
    "principle",
    "focus",
    "question",
    "answer",
    "words",
    "check_score",
    "check_findings",
    "answer_check",
    "average_rating",
    "ratings",
    "feedback",
    "edited_at",
    "follow_up",
    "follow_up_answer",
    "follow_up_score",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def answers_csv(export: CandidateExport, names: Mapping[str, str] | None = None) -> str:
    zone = local_zone(export.tz)
    people = names or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for answer in export.answers:
        writer.writerow([safe_cell(cell) for cell in _row(answer, zone, people)])
    return buffer.getvalue()


def _row(answer: AnswerRecord, zone: tzinfo, names: Mapping[str, str]) -> list[str]:
    def who(user_id: str) -> str:
        return f"{names[user_id]} ({user_id})" if names.get(user_id) else user_id

    average = answer.average
    return [
        _stamp(answer.answered_at, zone),
        answer.principle or "",
        answer.focus or "",
        answer.question,
        answer.text,
        str(len(answer.text.split())),
        str(answer.check_score),
        " ".join(answer.check_findings),
        answer.check.replace("*", ""),
        "" if average is None else f"{average:.1f}",
        "; ".join(f"{who(r.reviewer)}: {r.score}" for r in answer.ratings),
        "\n".join(f"{who(f.reviewer)}: {f.text}" for f in answer.feedback),
        _stamp(answer.edited_at, zone) if answer.edited_at else "",
        answer.follow_up.question.replace("*", "") if answer.follow_up else "",
        (answer.follow_up.reply or "") if answer.follow_up else "",
        _score(answer.follow_up.check_score if answer.follow_up else None),
    ]


def _score(score: int | None) -> str:
    return "" if score is None else str(score)


def safe_cell(value: str) -> str:
    """The value, made inert for spreadsheets if it could start a formula (leading spaces too)."""
    if value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _stamp(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).isoformat(timespec="minutes")
