"""manifest.yml: valid for Slack, and asking for what PRODUCT.md needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO, shared_path

PRODUCT_EVENTS = {
    "message.im",
    "message.mpim",
    "reaction_added",
    "reaction_removed",
    "app_home_opened",
    "user_change",
    "file_shared",
    # leaving a workspace: its tokens and data are removed (handlers/uninstall.py)
    "app_uninstalled",
    "tokens_revoked",
}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return yaml.safe_load((REPO / "manifest.yml").read_text())


def test_manifest_is_valid_against_slacks_schema(manifest: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(
        shared_path("slack-reference", "manifest-schema", "schemas", "manifest.schema.1.0.0.json").read_text()
    )
    jsonschema.validate(manifest, schema)


def test_the_schema_check_can_fail(manifest: dict[str, Any]) -> None:
    """Guard against a schema that accepts anything: Slack's own invalid sample must be refused."""
    import jsonschema

    schema_path = shared_path("slack-reference", "manifest-schema", "schemas", "manifest.schema.1.0.0.json")
    schema = json.loads(schema_path.read_text())
    invalid = json.loads(
        Path(schema_path.parents[1], "tests-manifests", "v1", "manifest.invalid.json").read_text()
    )
    invalid.pop("$schema", None)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(invalid, schema)
    broken = dict(manifest, settings={**manifest["settings"], "socket_mode_enabled": "yes"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_manifest_has_the_prep_command_events_and_interactivity(manifest: dict[str, Any]) -> None:
    commands = {c["command"]: c for c in manifest["features"]["slash_commands"]}
    assert commands["/prep"]["url"].endswith("/slack/events")
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == PRODUCT_EVENTS
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    # The DM is where notes are sent for import, so people must be able to write in it.
    assert manifest["features"]["app_home"]["messages_tab_read_only_enabled"] is False


def test_manifest_scopes_cover_every_web_api_method_the_code_calls(manifest: dict[str, Any]) -> None:
    needed = {
        "chat.postMessage": "chat:write",
        "conversations.open": "im:write",
        "users.info": "users:read",
        "reactions.add": "reactions:write",
        "files.info": "files:read",
        "conversations.history": "im:history",
        "files.getUploadURLExternal": "files:write",
        "files.completeUploadExternal": "files:write",
    }
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "mpim:write", "mpim:history", "reactions:read"} <= scopes
    assert set(needed.values()) <= scopes
