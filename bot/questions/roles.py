"""The role a candidate interviews for, read loosely: a people manager, or an individual contributor.

"SDM L6", "Senior Engineering Manager", "Head of Platform" are managers; "SDE II", "Senior Software
Engineer", "Product Manager" (no reports) are individual contributors. The bank's manager and IC
variants follow it. Pure.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.parsing import InputError, quote

MAX_ROLE = 80


class Track(StrEnum):
    MANAGER = "manager"
    IC = "individual contributor"


# Titles that say "manager" without managing people come first: they are individual contributors.
NOT_PEOPLE_MANAGER = re.compile(
    r"\b(?:product|program|programme|project|technical program|tpm|account|marketing|"
    r"solutions?|customer success|community|release)\s+manager\b|\b(?:pm|tpm|pmt)\b",
    re.IGNORECASE,
)
PEOPLE_MANAGER = re.compile(
    r"\b(?:sdm|em|sdm\d|m\d|manager|mgr|head of|director|vp|vice president|cto|"
    r"team lead of|lead of|people lead|supervisor)\b",
    re.IGNORECASE,
)


def track(role: str | None) -> Track | None:
    """Which variants suit the role; None when no role is set."""
    if not role or not role.strip():
        return None
    text = re.sub(r"[-_/]", " ", role)
    if PEOPLE_MANAGER.search(NOT_PEOPLE_MANAGER.sub(" ", text)):
        return Track.MANAGER
    return Track.IC


CLEARING = ("none", "clear", "reset", "-")


def parse_role(text: str) -> str | None:
    """The role as typed, tidied; None to clear it. Refuses what cannot be a role."""
    role = " ".join(text.split())
    if role.lower() in CLEARING:
        return None
    if len(role) > MAX_ROLE:
        raise InputError(f"That role is {len(role)} characters; keep it under {MAX_ROLE}, like `SDM L6`.")
    if not re.search(r"[A-Za-z]", role) or "<" in role:
        raise InputError(
            f"{quote(role)} doesn't read as a role. Write it like `/prep role SDM L6` or `SDE II`."
        )
    return role


def role_reply(role: str | None, *, just_set: bool = False) -> str:
    """The answer to `/prep role` (with or without a role given)."""
    if role is None:
        cleared = "Role cleared. " if just_set else "No role set. "
        return (
            cleared
            + "Set one with `/prep role SDM L6` or `/prep role SDE II` to get questions pitched at it."
        )
    shown = quote(role)
    kind = track(role)
    pitch = (
        "people-manager questions come first where the bank has them"
        if kind == Track.MANAGER
        else "individual-contributor questions come first where the bank has them"
    )
    return f"{'Role set' if just_set else 'Your role'}: {shown} — {pitch}."
