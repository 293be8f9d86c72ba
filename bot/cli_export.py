"""`python -m bot export --team T --user U [--format md|csv] [-o FILE]`: the `/prep export` files,
from the database alone (no Slack settings, no Slack calls: user ids are not turned into names)."""

from __future__ import annotations

import sys
from pathlib import Path


def export_command(*, team: str, user: str, kind: str | None, output: str | None) -> int:
    """Exit 0 with the file written (or printed), 1 with one line when there is nothing to export."""
    from bot.blocks.export_csv import answers_csv
    from bot.blocks.export_markdown import export_markdown
    from bot.clock import SystemClock
    from bot.db import create_db_engine, session_factory
    from bot.logs import configure
    from bot.migrate import require_current_schema
    from bot.services.candidates import Who
    from bot.services.export import export_of
    from bot.settings import DatabaseSettings, load

    settings = load(DatabaseSettings)
    configure(settings.log_level)
    chosen = kind or ("csv" if output and output.lower().endswith(".csv") else "md")
    require_current_schema(settings.database_url)
    engine = create_db_engine(settings.database_url)
    try:
        with session_factory(engine).begin() as session:
            export = export_of(session, Who(team, user), now=SystemClock().now())
    finally:
        engine.dispose()
    if export is None:
        print(f"loop-coach: no Loop Coach data for user {user} in workspace {team}.", file=sys.stderr)
        return 1
    text = answers_csv(export) if chosen == "csv" else export_markdown(export)
    if output is None or output == "-":
        sys.stdout.write(text)
        return 0
    try:
        # A file gets the byte-order mark spreadsheet programs look for; a pipe does not need it.
        Path(output).write_text(text, encoding="utf-8-sig" if chosen == "csv" else "utf-8", newline="")
    except OSError as error:
        print(f"loop-coach: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {output} ({len(export.answers)} answers, {len(export.stories)} stories).", file=sys.stderr)
    return 0
