"""The answer check as a thread reply, short enough to read at a glance:

    📝 Answer check: score *3/5* · 165 words, about 1.1 min spoken (short of 2–3)
    STAR S ✓ T ✗ A ✓ R ✓ · number ✗
    • *No number*: Back the result with a number: percent, time, money, customers, incidents.
    • *No task*: Say what you had to achieve and why it was yours: the goal, the deadline, the stakes.
    • *Too short*: Add the steps you took and why: aim for 2–3 minutes spoken (300–450 words).

At most three fixes, most useful first (findings are already in priority order, and a finding that
follows from another, such as the missing parts of a hypothetical answer, gets no line of its own);
a missing part is marked ✗ on the parts line, and any other finding left over is named on one line.
The length verdict comes from the same thresholds as the findings (under 225 words,
about 1½ minutes, is short; over 525, about 3½, is long), so the line never contradicts a finding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answer_check.drills import CHECKLISTS, SLOTS, STAR_WORDS
from bot.answer_check.findings import FIX, LABEL, Finding

if TYPE_CHECKING:
    from bot.answer_check import AnswerCheck

MAX_FIXES = 3
CLEAN = "Clean check. Rehearse it aloud once, timing it, so it sounds told rather than read."
STAR_TARGET = "2–3"  # the minutes the prompt asks for (bot/blocks/prompt.py, HOW_TO_ANSWER)


def fix_line(check: AnswerCheck, finding: Finding) -> str:
    checklist = CHECKLISTS.get(check.drill or "")
    fix = checklist.fixes.get(finding, FIX[finding]) if checklist else FIX[finding]
    return f"• *{LABEL[finding]}*: {fix}"


def length_line(check: AnswerCheck) -> str:
    spoken = f"{check.words} word{'' if check.words == 1 else 's'}, about {check.minutes:.1f} min spoken"
    checklist = CHECKLISTS.get(check.drill or "")
    # the prompt's 2–3 minutes, where the answer is held to them (a design may run longer, a writing
    # sample shorter: their own bounds are in drills.py)
    aimed = checklist is None or checklist.words == STAR_WORDS
    if Finding.TOO_SHORT in check.findings:
        return f"{spoken} (short{' of ' + STAR_TARGET if aimed else ''})"
    if Finding.TOO_LONG in check.findings:
        return f"{spoken} (long{' for ' + STAR_TARGET if aimed else ''})"
    return f"{spoken} ✓"


def parts_line(check: AnswerCheck) -> str:
    marks = [(label, check.star[slot]) for label, slot in zip(check.labels, SLOTS, strict=True)]
    if check.metric_label:
        # a STAR number backs a told result: with none told there is no number to tick either
        numbered = Finding.NO_METRIC not in check.findings and (
            check.drill is not None or check.star["result"]
        )
        marks.append((check.metric_label.lower(), numbered))
    if check.drill is not None:
        return f"{check.drill} checklist: " + " · ".join(f"{label} {_mark(ok)}" for label, ok in marks)
    shown = [" ".join(f"{label[0]} {_mark(ok)}" for label, ok in marks[:4])]  # "S ✓ T ✗ A ✓ R ✓"
    shown += [f"{label} {_mark(ok)}" for label, ok in marks[4:]]
    if Finding.WE_NOT_I in check.findings:
        shown.append(f"“I” {check.i_count} / “we” {check.we_count}")
    return "STAR " + " · ".join(shown)


def _mark(present: bool) -> str:
    return "✓" if present else "✗"


def _named(finding: Finding) -> str:
    label = LABEL[finding]
    return label[0].lower() + label[1:]  # "no number", "“we”, not “I”"


# Findings that follow from another one: "tell a real time" already fixes the missing parts of what one
# would do, so those are only named, never given a line of their own.
IMPLIED: dict[Finding, frozenset[Finding]] = {
    Finding.HYPOTHETICAL: frozenset(
        {Finding.NO_SITUATION, Finding.NO_TASK, Finding.NO_ACTION, Finding.NO_RESULT, Finding.NO_METRIC}
    ),
}


def check_text(check: AnswerCheck) -> str:
    lines = [f"📝 Answer check: score *{check.score}/5* · {length_line(check)}", parts_line(check)]
    implied = frozenset().union(*(IMPLIED.get(finding, frozenset()) for finding in check.findings))
    first = [finding for finding in check.findings if finding not in implied][:MAX_FIXES]
    lines += [fix_line(check, finding) for finding in first]
    # the parts line already marks each missing part ✗: "Also" names only what it cannot show
    shown = {Finding.NO_SITUATION, Finding.NO_TASK, Finding.NO_ACTION, Finding.NO_RESULT}
    if check.metric_label:
        shown.add(Finding.NO_METRIC)
    rest = [finding for finding in check.findings if finding not in first and finding not in shown]
    if rest:
        lines.append("• Also: " + "; ".join(_named(finding) for finding in rest) + ".")
    if not check.findings:
        lines.append(f"• {CLEAN}")
    return "\n".join(lines)
