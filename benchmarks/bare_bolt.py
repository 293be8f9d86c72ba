"""The floor: a Bolt app in the same mode as ours (listeners in the request thread,
process_before_response=True) that acknowledges and saves the same durable job, one INSERT through
procrastinate, and nothing else. Served like ours: `gunicorn -c python:bot.gunicorn_conf
'benchmarks.bare_bolt:wsgi_app()'`. Its jobs go to a queue no worker serves; the benchmark deletes
them between runs."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.job_queue import DurableQueue, Job
from bot.settings import Settings, load
from bot.slack_client import web_client

BARE_QUEUE = "bare"


class BareQueue(DurableQueue):
    def enqueue(self, job: Job) -> None:
        self._open()
        self.app.configure_task(name="loop_coach.job", queue=BARE_QUEUE).defer(job=json.dumps(job.as_json()))


def wsgi_app() -> Any:
    settings = load(Settings)
    queue = BareQueue(settings.database_url)
    app = App(
        client=web_client(settings.slack_bot_token.get_secret_value(), settings.slack_api_url),
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        token_verification_enabled=False,
        process_before_response=True,
    )

    def save(body: dict[str, Any]) -> None:
        key = str(body.get("event_id") or body.get("trigger_id") or "")
        queue.enqueue(Job(work="handlers.reactions:rate", args=[], key=key, at=datetime.now(UTC).isoformat()))

    @app.command("/prep")
    def on_command(ack: Ack, body: dict[str, Any]) -> None:
        ack()
        save(body)

    @app.event("reaction_added")
    def on_reaction(body: dict[str, Any]) -> None:
        save(body)

    return SlackRequestHandler(app, path="/slack/events")
