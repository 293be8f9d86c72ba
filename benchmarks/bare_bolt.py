"""The baseline: a Bolt app that only acknowledges, behind the same WSGI adapter and gunicorn
settings as ours (`gunicorn -c python:bot.gunicorn_conf 'benchmarks.bare_bolt:wsgi_app()'`)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.settings import Settings, load
from bot.slack_client import web_client


def wsgi_app() -> Any:
    settings = load(Settings)
    app = App(
        client=web_client(settings.slack_bot_token.get_secret_value(), settings.slack_api_url),
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        token_verification_enabled=False,
    )

    @app.command("/prep")
    def only_ack(ack: Ack) -> None:
        ack()

    @app.event("reaction_added")
    def nothing() -> None:
        pass

    return SlackRequestHandler(app, path="/slack/events")
