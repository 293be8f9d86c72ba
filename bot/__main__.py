"""`python -m bot`: the bot and its command-line tools (`python -m bot --help` lists them)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from bot.lifecycle import StopSignal
from bot.settings import DatabaseSettings, Settings, load

logger = logging.getLogger("loop_coach")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Loop Coach, the interview-loop coach for Slack."
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "run", help="run the bot (default): Socket Mode with SLACK_APP_TOKEN, else HTTP on $PORT"
    )
    commands.add_parser(
        "up", help="migrate, then run the bot and its clock together until Ctrl-C (what `make run` does)"
    )
    commands.add_parser("migrate", help="apply database migrations up to the latest")
    commands.add_parser("worker", help="run queued jobs (PostgreSQL): the Procfile's worker process")
    importing = commands.add_parser("import", help="import a Markdown prep note into a candidate's loop")
    importing.add_argument("note", help="path to the Markdown file")
    importing.add_argument("--team", required=True, help="the Slack workspace id, T…")
    importing.add_argument("--user", required=True, help="the candidate's Slack user id, U…")
    revision = commands.add_parser("revision", help="(developers) autogenerate a migration from the models")
    revision.add_argument("message")
    args = parser.parse_args(argv)

    if args.command == "migrate":
        return migrate()
    if args.command == "worker":
        from bot.worker import main as run_worker

        return run_worker(load(Settings))
    if args.command == "import":
        return import_note(args.note, team=args.team, user=args.user)
    if args.command == "revision":
        from bot.migrate import new_revision

        new_revision(load(DatabaseSettings).database_url, args.message)
        return 0
    if args.command == "up":
        return up()
    return run()


def migrate() -> int:
    from bot.logs import configure
    from bot.migrate import upgrade_to_head

    settings = load(DatabaseSettings)
    configure(settings.log_level)
    upgrade_to_head(settings.database_url)
    return 0


def import_note(path: str, *, team: str, user: str) -> int:
    """Exit 0 with a summary, or 1 with the reason the note was refused (nothing saved)."""
    from pathlib import Path

    from bot.blocks.imports import import_summary
    from bot.clock import SystemClock
    from bot.db import create_db_engine, session_factory
    from bot.importer import NoteError, parse_note
    from bot.logs import configure
    from bot.migrate import require_current_schema
    from bot.services.candidates import Who, candidate_for
    from bot.services.importing import import_note as import_parsed

    settings = load(DatabaseSettings)
    configure(settings.log_level)
    file = Path(path)
    try:
        note = parse_note(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        print(f"loop-coach: cannot read {path}: {error}", file=sys.stderr)
        return 1
    except NoteError as error:
        print(f"loop-coach: {path} was not imported: {error}", file=sys.stderr)
        return 1
    require_current_schema(settings.database_url)
    engine = create_db_engine(settings.database_url)
    now = SystemClock().now()
    with session_factory(engine).begin() as session:
        candidate = candidate_for(session, Who(team, user), now=now)
        summary = import_parsed(session, candidate, note, now=now)
    print(import_summary(file.name, summary))
    return 0


def up() -> int:
    from bot.supervise import up as run_all
    from bot.web import configure_logging

    stop = StopSignal.install()
    settings = load(Settings)  # before anything is created on disk
    configure_logging(settings)
    return run_all(settings, stop)


def run() -> int:
    from bot.migrate import require_current_schema

    # Socket Mode stops on the flag; gunicorn (HTTP) replaces this process and handles signals itself.
    stop = StopSignal.install()
    settings = load(Settings)
    require_current_schema(settings.database_url)
    if settings.slack_app_token:
        return run_socket_mode(settings, stop)
    if stop.requested():
        return 0
    # HTTP: the same gunicorn server and settings as the Procfile's web process.
    os.execv(  # noqa: S606 - replaces this process with gunicorn, no shell involved
        sys.executable,
        [sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_conf", "bot.web:wsgi_app()"],
    )


def run_socket_mode(settings: Settings, stop: StopSignal) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.app import create_app
    from bot.deps import build_deps
    from bot.slack_check import guarded, require_slack
    from bot.web import configure_logging

    assert settings.slack_app_token is not None
    configure_logging(settings)
    require_slack(settings)
    app = create_app(build_deps(settings))
    handler = SocketModeHandler(app, settings.slack_app_token.get_secret_value())
    guarded(settings, "SLACK_APP_TOKEN", handler.connect)
    logger.info("bot connected to Slack over Socket Mode")
    stop.wait()
    handler.close()
    logger.info("bot stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
