"""How well the importer reads prep notes written in layouts it was not shaped around.

Each note in benchmarks/importer_notes/ has NAME.expected.json, written by hand from reading the
note: the loop date, the interviews, every practice question (a prefix of its text and the
principle a person would file it under), hints, and every story (its title, principles, a phrase
from its body). A question is found when an imported question starts with the expected prefix;
junk is anything imported that no expected entry accounts for. The example note in ../shared is
checked against the counts it must keep (2022-08-30, 5 interviews, 27 questions, 3 stories).

Where the notes come from: 01–16 and 23–26 were written by the engineers who wrote the importer;
17–22 and 27–30 by an outside writer who never saw its code. 17–22 were studied to improve it. 27–30
were kept sealed and measured blind first (questions 100%, right principle 98.3%, stories 90.9%,
story principles 70%, interviews 5 of 20, loop dates 4 of 4), then studied and tuned on: interviews
behind a typed "--", under "Interviewer N – Name" headings, and in a table headed in Spanish. What
they still miss is listed in their expected JSON as "known_misses" (the unit test holds it exact).

31–38 come from a second outside writer, asked for layouts unlike the example (org-mode, a OneNote
paste, German, YAML front matter with Q/A pairs, HTML, a spreadsheet paste, a Slack channel copy, a
Trello card). Measured sealed first: questions 33.0%, hints 33.3%, stories 55%, story principles
63.6%, interviews 16.7%, loop dates 5 of 8. 31–33, 35 and 37 were studied; 34, 36 and 38 stayed
sealed through that and read no better after it (questions 20.5%, interviews 28.6%), then were
studied too. 39–42, from a third outside batch (a Keep dump in capitals, Confluence wiki markup, a
study plan, French with blockquote stories), were measured sealed after all that, and read the same
as before it: questions 54.5%, hints 56.2%, stories 84.6%, story principles 72.7%, interviews 65%,
loop dates 3 of 4. 43–46, a last outside batch asked for the notes most people write (shorthand
bullets under a heading per interviewer, a Google Docs export, a Notion export, an email to oneself
in prose), measured sealed before this round's changes and after all of them: questions 69.1% ->
69.1%, hints 61.5% -> 69.2%, stories 58.3% -> 66.7%, story principles 42.9% -> 100%, interviews
52.6% -> 52.6%, loop dates 3 of 4 -> 3 of 4. Then studied: numbered "## 1. Name (HM) — principles"
headings, STAR parts told in one paragraph, rounds told in sentences with their quoted questions,
and stories told as a paragraph after their title.

So each new notation needs its own rule: the sealed figures, not the tuned ones, are what a note in
a layout nobody has seen should expect. Every outside batch had rounds with no Leadership Principle
at all (coding, System Design only): the product's interview needs principles, so those are not
imported and are listed as known misses.

`python -m benchmarks importer_accuracy` (no database needed). Targets: ≥ 95% of questions and of
stories found, ≥ 95% of those with the right principle, no junk story.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.support import ROOT, print_table, write_results
from bot.importer import ImportedNote, ImportedQuestion, ImportedStory, NoteError, parse_note
from bot.principles import normalise

NOTES = Path(__file__).parent / "importer_notes"
EXAMPLE = ROOT.parent / "shared" / "examples" / "loop-prep-note.md"
TARGET = 0.95
# The day the notes are read on: dates written without a year ("Loop: Tue 3/16") are the next such
# day on or after it. Fixed, so the figures do not drift; a note's expected JSON may set its own.
TODAY = date(2026, 11, 25)


@dataclass
class Score:
    questions: int = 0
    found: int = 0
    right_principle: int = 0
    junk_questions: int = 0
    hints: int = 0
    hints_found: int = 0
    stories: int = 0
    stories_found: int = 0
    stories_right: int = 0
    titles_right: int = 0
    junk_stories: int = 0
    interviews: int = 0
    interviews_right: int = 0
    loop_date_right: int = 0
    notes: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def key(text: str) -> str:
    return normalise(text)


def story_text(story: ImportedStory) -> str:
    parts = (
        story.title,
        story.situation,
        story.task,
        story.action,
        story.result,
        story.learning,
        story.notes,
    )
    return key(" ".join(parts))


def score(note: ImportedNote, expected: dict[str, Any], problems: list[str]) -> Score:
    result = Score(notes=1)
    result.loop_date_right = int(
        (note.loop_date.isoformat() if note.loop_date else None) == expected["loop_date"]
    )
    if not result.loop_date_right:
        problems.append(f"loop date {note.loop_date} != {expected['loop_date']}")
    claimed: set[int] = set()
    by_prefix: dict[str, ImportedQuestion] = {}
    for principle, prefix in expected["questions"]:
        result.questions += 1
        match = next(
            (
                i
                for i, q in enumerate(note.questions)
                if i not in claimed and key(q.text).startswith(key(prefix))
            ),
            None,
        )
        if match is None:
            problems.append(f"missed question: {prefix!r}")
            continue
        claimed.add(match)
        by_prefix[prefix] = note.questions[match]
        result.found += 1
        if note.questions[match].principle == principle:
            result.right_principle += 1
        else:
            problems.append(f"principle {note.questions[match].principle!r} != {principle!r}: {prefix!r}")
    for index, question in enumerate(note.questions):
        if index not in claimed:
            result.junk_questions += 1
            problems.append(f"junk question: {question.principle!r} {question.text[:70]!r}")
    for prefix, phrase in expected.get("hints", []):
        result.hints += 1
        asked = by_prefix.get(prefix)
        if asked and asked.hint and key(phrase) in key(asked.hint):
            result.hints_found += 1
        else:
            problems.append(f"hint {phrase!r} missing on {prefix!r}: {asked.hint if asked else None!r}")
    matched: set[int] = set()
    for wanted in expected["stories"]:
        result.stories += 1
        match = next(
            (
                i
                for i, s in enumerate(note.stories)
                if i not in matched and key(wanted["contains"]) in story_text(s)
            ),
            None,
        )
        if match is None:
            problems.append(f"missed story: {wanted['title']!r}")
            continue
        matched.add(match)
        story = note.stories[match]
        result.stories_found += 1
        right = sorted(story.principles) == sorted(wanted["principles"])
        learning = "learning" not in wanted or key(wanted["learning"]) in key(story.learning)
        result.stories_right += int(right and learning)
        if not (right and learning):
            problems.append(
                f"story {story.title!r}: principles {story.principles}, learning {story.learning[:40]!r}"
            )
        if key(story.title) == key(wanted["title"]):
            result.titles_right += 1
        else:
            problems.append(f"story title {story.title!r} != {wanted['title']!r}")
    for index, story in enumerate(note.stories):
        if index not in matched:
            result.junk_stories += 1
            problems.append(f"junk story: {story.title!r}")
    for name, principles in expected["interviews"]:
        result.interviews += 1
        # the name as written, case aside ("priya raman" may be shown "Priya Raman"); principles in order
        if any(key(i.interviewer) == key(name) and i.principles == principles for i in note.interviews):
            result.interviews_right += 1
        else:
            problems.append(f"interview {name} {principles} not read")
    extra = len(note.interviews) - len(expected["interviews"])
    if extra > 0:
        problems.append(f"{extra} interviews more than expected: {[i.interviewer for i in note.interviews]}")
    return result


def reading_day(expected: dict[str, Any]) -> date:
    return date.fromisoformat(expected["today"]) if expected.get("today") else TODAY


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def example_unchanged() -> bool | None:
    if not EXAMPLE.exists():
        return None
    note = parse_note(EXAMPLE.read_text(encoding="utf-8"))
    return (
        note.loop_date is not None
        and note.loop_date.isoformat() == "2022-08-30"
        and len(note.interviews) == 5
        and all(i.principles for i in note.interviews)
        and [i.focus is not None for i in note.interviews] == [False, True, True, True, True]
        and len(note.questions) == 27
        and len(note.stories) == 3
    )


def main(quick: bool = False, verbose: bool = False) -> Score:
    total = Score()
    rows = []
    for path in sorted(NOTES.glob("*.md")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        problems: list[str] = []
        try:
            note = parse_note(path.read_text(encoding="utf-8"), today=reading_day(expected))
        except NoteError as error:
            problems.append(f"refused: {error}")
            note = ImportedNote()
        got = score(note, expected, problems)
        total.add(got)
        rows.append(
            [
                path.stem,
                f"{got.found}/{got.questions}",
                f"{got.right_principle}/{got.found}",
                got.junk_questions,
                f"{got.hints_found}/{got.hints}",
                f"{got.stories_found}/{got.stories}",
                f"{got.stories_right}/{got.stories_found}",
                got.junk_stories,
                f"{got.interviews_right}/{got.interviews}",
                "yes" if got.loop_date_right else "no",
            ]
        )
        if verbose:
            for problem in problems:
                print(f"  {path.stem}: {problem}")
    headers = [
        "note",
        "questions",
        "principle",
        "junk q",
        "hints",
        "stories",
        "story LPs",
        "junk s",
        "interviews",
        "date",
    ]
    rows.append(
        [
            "all",
            percent(total.found, total.questions),
            percent(total.right_principle, total.found),
            total.junk_questions,
            percent(total.hints_found, total.hints),
            percent(total.stories_found, total.stories),
            percent(total.stories_right, total.stories_found),
            total.junk_stories,
            percent(total.interviews_right, total.interviews),
            f"{total.loop_date_right}/{total.notes}",
        ]
    )
    print_table("importer accuracy on notes in layouts of their own", headers, rows)
    example = example_unchanged()
    print(f"\nexample note unchanged (2022-08-30, 5 interviews, 27 questions, 3 stories): {example}")
    figures = {
        "notes": total.notes,
        "questions": total.questions,
        "questions_found": total.found / max(total.questions, 1),
        "questions_right_principle": total.right_principle / max(total.found, 1),
        "junk_questions": total.junk_questions,
        "hints_found": total.hints_found / max(total.hints, 1),
        "stories": total.stories,
        "stories_found": total.stories_found / max(total.stories, 1),
        "stories_right_principles": total.stories_right / max(total.stories_found, 1),
        "story_titles_right": total.titles_right / max(total.stories_found, 1),
        "junk_stories": total.junk_stories,
        "interviews_read": total.interviews_right / max(total.interviews, 1),
        "loop_dates_right": total.loop_date_right / max(total.notes, 1),
        "example_unchanged": example,
        "targets": {"found": TARGET, "right_principle": TARGET, "junk_stories": 0},
    }
    write_results("importer_accuracy", figures, quick=quick)
    return total


if __name__ == "__main__":
    main(quick="--quick" in sys.argv, verbose="-v" in sys.argv)
