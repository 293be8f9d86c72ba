"""`python -m bot import NOTE [--team T --user U] [--dry-run] [--json]`: read a prep note and
import it, or (dry run) print what would be imported and save nothing."""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bot.importer import ImportedNote, NoteError, as_json, parse_note
from bot.plan import long_date

SAMPLES = 3


def main(path: str, *, team: str | None, user: str | None, dry_run: bool, as_json_output: bool) -> int:
    """Exit 0 with a summary, 1 with the reason the note was refused (nothing saved), 2 for bad usage."""
    if not dry_run and not (team and user):
        print(
            "loop-coach: import needs --team and --user (or --dry-run to only read the note)", file=sys.stderr
        )
        return 2
    file = Path(path)
    try:
        today = datetime.now(UTC).astimezone().date()  # the day here: "Loop: Tue 3/17" is the next 17 March
        note = parse_note(file.read_text(encoding="utf-8"), today=today)
    except (OSError, UnicodeDecodeError) as error:
        print(f"loop-coach: cannot read {path}: {error}", file=sys.stderr)
        return 1
    except NoteError as error:
        print(f"loop-coach: {path} was not imported: {error}", file=sys.stderr)
        return 1
    if dry_run:
        print(
            json.dumps(as_json(note), indent=2, ensure_ascii=False)
            if as_json_output
            else readable(file.name, note)
        )
        return 0
    assert team and user
    return save(file.name, note, team=team, user=user, as_json_output=as_json_output)


def save(name: str, note: ImportedNote, *, team: str, user: str, as_json_output: bool) -> int:
    from bot.blocks.imports import import_summary
    from bot.clock import SystemClock
    from bot.db import create_db_engine, session_factory
    from bot.logs import configure
    from bot.migrate import require_current_schema
    from bot.services.candidates import Who, candidate_for
    from bot.services.importing import import_note
    from bot.settings import DatabaseSettings, load

    settings = load(DatabaseSettings)
    configure(settings.log_level)
    require_current_schema(settings.database_url)
    engine = create_db_engine(settings.database_url)
    now = SystemClock().now()
    try:
        with session_factory(engine).begin() as session:
            candidate = candidate_for(session, Who(team, user), now=now)
            summary = import_note(session, candidate, note, now=now)
    finally:
        engine.dispose()
    print(
        json.dumps(as_json(note), indent=2, ensure_ascii=False)
        if as_json_output
        else import_summary(name, summary)
    )
    return 0


def readable(name: str, note: ImportedNote) -> str:
    """The dry run for people: what was read, nothing saved."""
    lines = [f"{name} (dry run: nothing saved)"]
    lines.append(f"Loop date: {long_date(note.loop_date) if note.loop_date else 'none found'}")
    lines.append(f"Interviews: {len(note.interviews)}")
    for interview in note.interviews:
        extra = "".join(
            [
                f"; focus {interview.focus}" if interview.focus else "",
                f"; at {interview.at:%Y-%m-%d %H:%M}" if interview.at else "",
            ]
        )
        lines.append(f"  - {interview.interviewer}: {', '.join(interview.principles)}{extra}")
    lines.append(f"Questions: {len(note.questions)}")
    for principle, count in Counter(q.principle or f"({q.focus})" for q in note.questions).most_common():
        samples = [q.text for q in note.questions if (q.principle or f"({q.focus})") == principle][:SAMPLES]
        lines.append(f"  {principle}: {count}")
        lines += [f"    · {text[:120]}" for text in samples]
    lines.append(f"Stories: {len(note.stories)}")
    for story in note.stories:
        parts = "".join(
            letter
            for letter, text in zip(
                "STARL",
                (story.situation, story.task, story.action, story.result, story.learning),
                strict=True,
            )
            if text
        )
        shown = f" [{parts}]" if parts else ""
        lines.append(
            f"  - {story.title}" + (f" ({', '.join(story.principles)})" if story.principles else "") + shown
        )
    return "\n".join(lines)
