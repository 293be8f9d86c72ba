"""`python -m bot` runs the bot; `python -m bot migrate` brings the database schema up to date."""

from __future__ import annotations

import argparse
import os
import sys

from bot.settings import DatabaseSettings, Settings, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Loop Coach, the interview-loop coach for Slack."
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "run", help="run the bot (default): Socket Mode with SLACK_APP_TOKEN, else HTTP on $PORT"
    )
    commands.add_parser("migrate", help="apply database migrations up to the latest")
    importing = commands.add_parser("import", help="import a Markdown prep note into a candidate's loop")
    importing.add_argument("note", help="path to the Markdown file")
    importing.add_argument("--team", help="the Slack workspace id, T…")
    importing.add_argument("--user", help="the candidate's Slack user id, U…")
    importing.add_argument(
        "--dry-run", action="store_true", help="print what would be imported; save nothing"
    )
    importing.add_argument("--json", action="store_true", help="print the note as read, in JSON")
    revision = commands.add_parser("revision", help="(developers) autogenerate a migration from the models")
    revision.add_argument("message")
    args = parser.parse_args(argv)

    if args.command == "migrate":
        return migrate()
    if args.command == "import":
        from bot.cli_import import main as import_note

        return import_note(
            args.note, team=args.team, user=args.user, dry_run=args.dry_run, as_json_output=args.json
        )
    if args.command == "revision":
        from bot.migrate import new_revision

        new_revision(load(DatabaseSettings).database_url, args.message)
        return 0
    return run()


def migrate() -> int:
    from bot.logs import configure
    from bot.migrate import upgrade_to_head

    settings = load(DatabaseSettings)
    configure(settings.log_level)
    upgrade_to_head(settings.database_url)
    return 0


def run() -> int:
    settings = load(Settings)
    if settings.slack_app_token:
        return run_socket_mode(settings)
    # HTTP: the same gunicorn server and settings as the Procfile's web process.
    os.execv(  # noqa: S606 - replaces this process with gunicorn, no shell involved
        sys.executable,
        [sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_conf", "bot.web:wsgi_app()"],
    )


def run_socket_mode(settings: Settings) -> int:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.app import create_app
    from bot.deps import build_deps
    from bot.web import configure_logging

    assert settings.slack_app_token is not None
    configure_logging(settings)
    app = create_app(build_deps(settings))
    SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
