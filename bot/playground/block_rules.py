"""Block Kit as Slack handles it: the limits it enforces (checked by the stand-in, so our messages
stay sendable) and the ids it fills in."""

from __future__ import annotations

import secrets
from typing import Any

KNOWN_BLOCKS = {"section", "header", "context", "divider", "actions", "input", "image", "rich_text"}
TEXT_LIMITS = {"section": 3000, "header": 150}


def block_problems(blocks: Any, *, limit: int) -> list[str]:
    if not isinstance(blocks, list):
        return ["blocks must be a list"]
    problems = []
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks, over the limit of {limit}")
    block_ids = set()
    for index, block in enumerate(blocks):
        where = f"block {index}"
        if not isinstance(block, dict) or block.get("type") not in KNOWN_BLOCKS:
            problems.append(f"{where}: unknown type")
            continue
        kind = block["type"]
        if "block_id" in block:
            if block["block_id"] in block_ids:
                problems.append(f"{where}: duplicate block_id {block['block_id']}")
            block_ids.add(block["block_id"])
        text = block.get("text")
        if kind in TEXT_LIMITS:
            if not isinstance(text, dict) or not text.get("text"):
                problems.append(f"{where}: {kind} needs text")
            elif len(text["text"]) > TEXT_LIMITS[kind]:
                problems.append(f"{where}: text longer than {TEXT_LIMITS[kind]}")
            if kind == "header" and isinstance(text, dict) and text.get("type") != "plain_text":
                problems.append(f"{where}: header text must be plain_text")
        if kind == "context" and not 1 <= len(block.get("elements", [])) <= 10:
            problems.append(f"{where}: context needs 1-10 elements")
        if kind == "actions":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= 25:
                problems.append(f"{where}: actions needs 1-25 elements")
            for element in elements:
                if element.get("type") == "button" and len(element.get("text", {}).get("text", "")) > 75:
                    problems.append(f"{where}: button text over 75")
                if len(element.get("action_id", "")) > 255:
                    problems.append(f"{where}: action_id over 255")
        if kind == "input" and ("label" not in block or "element" not in block):
            problems.append(f"{where}: input needs a label and an element")
    return problems


def with_ids(blocks: list[Any]) -> list[Any]:
    """Blocks as Slack stores them: every block has a block_id and every interactive element an
    action_id (Slack makes up short random ones), since actions and view state are keyed by them."""
    filled = []
    for block in blocks:
        if not isinstance(block, dict):
            filled.append(block)
            continue
        block = {**block, "block_id": block.get("block_id") or secrets.token_urlsafe(3)}
        for key in ("element", "accessory"):
            if isinstance(block.get(key), dict):
                block[key] = _with_action_id(block[key])
        if isinstance(block.get("elements"), list) and block.get("type") == "actions":
            block["elements"] = [_with_action_id(e) for e in block["elements"]]
        filled.append(block)
    return filled


def _with_action_id(element: Any) -> Any:
    if not isinstance(element, dict) or element.get("action_id") or element.get("type") in ("image", None):
        return element
    return {**element, "action_id": secrets.token_urlsafe(3)}
