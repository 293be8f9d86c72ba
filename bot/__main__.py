"""`python -m bot`: the bot and its command-line tools (`python -m bot --help` lists them)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date

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
    importing.add_argument("--team", help="the Slack workspace id, T…")
    importing.add_argument("--user", help="the candidate's Slack user id, U…")
    importing.add_argument(
        "--dry-run", action="store_true", help="print what would be imported; save nothing"
    )
    importing.add_argument("--json", action="store_true", help="print the note as read, in JSON")
    checking = commands.add_parser("check", help="check an answer from a file or - (stdin), as the bot would")
    from bot.cli_check import add_arguments as check_arguments

    check_arguments(checking)
    exporting = commands.add_parser(
        "export", help="write a candidate's data as Markdown or CSV (/prep export)"
    )
    exporting.add_argument("--team", required=True, help="the Slack workspace id, T…")
    exporting.add_argument("--user", required=True, help="the candidate's Slack user id, U…")
    exporting.add_argument(
        "--format", choices=("md", "csv"), help="md: everything (default); csv: the answers, one per row"
    )
    exporting.add_argument("-o", "--output", help="file to write (default: standard output)")
    playground = commands.add_parser("try", help="play with the bot in a local Slack-like page (no Slack)")
    playground.add_argument("--port", type=int, help="where to serve it (default 3000, else any free one)")
    playground.add_argument("--no-browser", action="store_true", help="print the page's address only")
    playground.add_argument("--db", help="keep the data in this SQLite file (default: a temporary one)")
    playground.add_argument("--start", type=date.fromisoformat, help="the simulated day to begin, YYYY-MM-DD")
    revision = commands.add_parser("revision", help="(developers) autogenerate a migration from the models")
    revision.add_argument("message")
    args = parser.parse_args(argv)

    if args.command == "migrate":
        return migrate()
    if args.command == "worker":
        from bot.worker import main as run_worker

        return run_worker(load(Settings))
    if args.command == "import":
        from bot.cli_import import main as import_note

        return import_note(
            args.note, team=args.team, user=args.user, dry_run=args.dry_run, as_json_output=args.json
        )
    if args.command == "check":
        from bot.cli_check import run as check

        return check(args)
    if args.command == "export":
        from bot.cli_export import export_command

        return export_command(team=args.team, user=args.user, kind=args.format, output=args.output)
    if args.command == "try":
        from bot.playground.run import run as play

        return play(port=args.port, open_browser=not args.no_browser, db=args.db, day=args.start)
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
