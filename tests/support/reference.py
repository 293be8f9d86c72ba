"""Checks against Slack's published artefacts in ../shared/slack-reference (skipped where absent)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from tests.conftest import shared_path

# Parameters Slack added after the stored OpenAPI snapshot (October 2020).
NEWER_PARAMETERS = {"metadata", "include_all_metadata", "team_id"}


@cache
def openapi() -> dict[str, Any]:
    return json.loads(shared_path("slack-reference", "web-api", "slack_web_openapi_v2.json").read_text())


def sample(*parts: str) -> Any:
    return json.loads(shared_path("slack-reference", "java-slack-sdk-json-logs", *parts).read_text())


def declared_parameters(method: str) -> tuple[set[str], set[str]]:
    """(all parameters, required parameters) of a Web API method, token excluded."""
    path = openapi()["paths"].get("/" + method)
    assert path, f"{method} is not a Slack Web API method"
    operation = next(iter(path.values()))
    params = {p["name"] for p in operation.get("parameters", []) if p["name"] != "token"}
    required = {
        p["name"] for p in operation.get("parameters", []) if p.get("required") and p["name"] != "token"
    }
    return params, required


def assert_call_matches_spec(method: str, params: dict[str, Any]) -> None:
    declared, required = declared_parameters(method)
    sent = set(params)
    unknown = sent - declared - NEWER_PARAMETERS
    assert not unknown, f"{method} was sent parameters Slack does not declare: {sorted(unknown)}"
    missing = required - sent
    assert not missing, f"{method} was sent without its required parameters {sorted(missing)}"


def unknown_keys(ours: Any, theirs: Any, where: str = "") -> list[str]:
    """Keys in `ours` that Slack's sample `theirs` never has, recursively through dicts and lists."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if not theirs:  # the samples blank free-form objects (view state, metadata payloads) to {}
            return []
        found = []
        for key, value in ours.items():
            if key not in theirs:
                found.append(f"{where}.{key}")
            else:
                found.extend(unknown_keys(value, theirs[key], f"{where}.{key}"))
        return found
    if isinstance(ours, list) and isinstance(theirs, list) and theirs:
        found = []
        for item in ours:
            found.extend(unknown_keys(item, theirs[0], f"{where}[]"))
        return found
    return []


def event_wrapper_schema() -> dict[str, Any]:
    path: Path = shared_path("slack-reference", "events-api", "slack_common_event_wrapper_schema.json")
    return json.loads(path.read_text())
