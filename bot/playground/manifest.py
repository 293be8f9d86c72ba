"""What Slack knows about the app from its manifest (manifest.yml): its slash commands, with the
description and usage hint Slack shows while you type one."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"
# Used when the manifest cannot be read (an installed copy has none, or PyYAML is missing).
FALLBACK = ({"command": "/prep", "description": "", "usage_hint": ""},)


@cache
def app_commands() -> tuple[dict[str, str], ...]:
    try:
        import yaml
    except ImportError:
        return FALLBACK
    try:
        manifest: Any = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
        listed = manifest["features"]["slash_commands"]
        return tuple(
            {k: str(c.get(k) or "") for k in ("command", "description", "usage_hint")} for c in listed
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError):
        return FALLBACK


def is_app_command(name: str) -> bool:
    return any(c["command"] == name for c in app_commands())
