"""The Slack side of a playground kept beside its database (`--db FILE` writes FILE.slack.json), so
a later `python -m bot try --db FILE` goes on where it stopped: same conversations, same time.

The database alone would not do: the app caches conversation ids, and its messages live in Slack.
"""

from __future__ import annotations

import base64
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.clock import FixedClock
from bot.playground.workspace import Workspace

FORMAT = 1
KEPT = ("users", "history", "ephemeral", "views", "modals", "homes")


def beside(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + ".slack.json")


def save(workspace: Workspace, clock: FixedClock, path: Path) -> None:
    """Written whole to a temporary file, then renamed: a crash leaves the previous save intact."""
    with workspace._lock:
        kept: dict[str, Any] = {name: getattr(workspace, name) for name in KEPT}
        document = {
            "format": FORMAT,
            "now": clock.now().isoformat(),
            "serial": workspace.serial,
            "conversations": [[list(users), channel] for users, channel in workspace.conversations.items()],
            "files": [
                {**stored, "content": base64.b64encode(stored["content"]).decode()}
                for stored in workspace.files.values()
            ],
            **kept,
        }
        text = json.dumps(document)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def restore(workspace: Workspace, clock: FixedClock, path: Path) -> bool:
    """False when there is nothing saved (or nothing readable): the playground starts afresh."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return False
    with workspace._lock:
        for name in KEPT:
            current = getattr(workspace, name)
            current.clear()
            if isinstance(current, dict):
                current.update(document[name])
            else:
                current.extend(document[name])
        workspace.conversations = {tuple(users): channel for users, channel in document["conversations"]}
        workspace.files = {
            stored["id"]: {**stored, "content": base64.b64decode(stored["content"])}
            for stored in document["files"]
        }
        workspace.serial = int(document["serial"])
        stamps = [m["ts"] for messages in workspace.history.values() for m in messages] + [
            m["ts"] for m in workspace.ephemeral
        ]
        workspace.last_ts = max((parse_ts(ts) for ts in stamps), default=(0, 0))
        clock.set(datetime.fromisoformat(document["now"]))
        workspace.changed()
    return True


def parse_ts(ts: str) -> tuple[int, int]:
    seconds, _, micros = str(ts).partition(".")
    return int(seconds), int(micros or 0)
