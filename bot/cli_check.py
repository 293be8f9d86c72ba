"""`python -m bot check [--principle P] [--question Q] [--focus F] [--json] FILE|-`: the answer check
from a terminal, to work on an answer before saying it aloud. Needs no Slack settings and no database.

Exit 0 with the check; 2 with one line when the input cannot be checked (unknown principle or focus,
unreadable file, nothing to check).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

PROG = "loop-coach check"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the answer as text; - reads standard input")
    parser.add_argument("--principle", help="the Leadership Principle asked about (loosely: 'backbone')")
    parser.add_argument("--question", help="the question asked, to tell an answer that misses it")
    parser.add_argument(
        "--focus", help="a focus drill instead of STAR: System Design, Operational Excellence, …"
    )
    parser.add_argument("--json", action="store_true", help="print the check as one JSON object")


class CheckInputError(Exception):
    """Input the check cannot use: the message is the one line to print."""


def run(args: argparse.Namespace, *, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    try:
        principle, focus = _principle(args.principle), _focus(args.focus)
        text = _read(args.file, stdin or sys.stdin)
    except CheckInputError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    from bot.answer_check import check_answer, check_text

    check = check_answer(text, principle=principle, question=args.question, focus=focus)
    if args.json:
        print(json.dumps(as_json(check)), file=out)
    else:
        print(re.sub(r"\*([^*\n]+)\*", r"\1", check_text(check)), file=out)
    return 0


def as_json(check: Any) -> dict[str, Any]:
    """The public shape of `--json`: keep these keys and types exactly."""
    return {
        "words": check.words,
        "minutes": check.minutes,
        "findings": [finding.value for finding in check.findings],
        "star": {part: bool(check.star[part]) for part in ("situation", "task", "action", "result")},
        "score": check.score,
    }


def _principle(typed: str | None) -> str | None:
    if typed is None:
        return None
    from bot.principles import PrincipleError, match_principle

    try:
        return match_principle(typed)
    except PrincipleError as error:
        raise CheckInputError(str(error)) from None


def _focus(typed: str | None) -> str | None:
    if typed is None:
        return None
    from bot.focus import FOCUS_AREAS, drilled, match_focus
    from bot.parsing import InputError

    try:
        focus = drilled(match_focus(typed))
    except InputError as error:
        raise CheckInputError(str(error)) from None
    if focus is None:
        raise CheckInputError(
            f"“{typed.strip()}” is not a focus I can check. Known: {', '.join(FOCUS_AREAS)}."
        )
    return focus


def _read(name: str, stdin: TextIO) -> str:
    try:
        text = stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CheckInputError(f"{name} is not UTF-8 text.") from None
    except OSError as error:
        raise CheckInputError(f"cannot read {name}: {error.strerror or error}.") from None
    if not text.strip():
        raise CheckInputError(f"{'standard input' if name == '-' else name} holds no answer to check.")
    return text
