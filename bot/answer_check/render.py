"""The answer check as a thread reply: one summary line, the parts heard, then one line per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answer_check.drills import CHECKLISTS, SLOTS
from bot.answer_check.findings import FIX, LABEL, Finding

if TYPE_CHECKING:
    from bot.answer_check import AnswerCheck

MAX_LINES = 4
CLEAN = "Clean check. Rehearse it aloud once, timing it, so it sounds told rather than read."


def fix_line(check: AnswerCheck, finding: Finding) -> str:
    checklist = CHECKLISTS.get(check.drill or "")
    fix = checklist.fixes.get(finding, FIX[finding]) if checklist else FIX[finding]
    return f"• *{LABEL[finding]}*: {fix}"


def parts_line(check: AnswerCheck) -> str:
    marks = [(label, check.star[slot]) for label, slot in zip(check.labels, SLOTS, strict=True)]
    if check.metric_label:
        marks.append((check.metric_label, Finding.NO_METRIC not in check.findings))
    if check.drill is None:
        star = " ".join(f"{label[0]} {'✓' if ok else '✗'}" for label, ok in marks[:4])
        number = "a number backs the result" if marks[4][1] else "no number backs the result"
        return f"STAR {star} · “I” {check.i_count} / “we” {check.we_count} · {number}"
    items = " · ".join(f"{label} {'✓' if ok else '✗'}" for label, ok in marks)
    return f"{check.drill} checklist: {items}"


def check_text(check: AnswerCheck) -> str:
    lines = [
        f"📝 Answer check: {check.words} word{'' if check.words == 1 else 's'}, about {check.minutes:.1f} min "
        f"spoken · score *{check.score}/5*",
        parts_line(check),
    ]
    shown = check.findings[:MAX_LINES]
    lines += [fix_line(check, finding) for finding in shown]
    rest = check.findings[MAX_LINES:]
    if rest:
        lines.append("• Also: " + ", ".join(LABEL[finding].lower() for finding in rest) + ".")
    if not check.findings:
        lines.append(f"• {CLEAN}")
    return "\n".join(lines)
