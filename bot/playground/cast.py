"""The people in the playground's workspace: you, the candidate, and two colleagues who can review.

They live in the machine's time zone, so the simulated mornings are your mornings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FALLBACK_ZONE = "UTC"


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # the Slack handle, as typed after @
    real_name: str
    role: str  # what the page suggests they do; the app decides who they really are


CANDIDATE = Person("U0PLAYALEX", "alex", "Alex Rivera", "candidate")
CAST = (
    CANDIDATE,
    Person("U0PLAYMARI", "maria", "Maria Chen", "reviewer"),
    Person("U0PLAYSAMO", "sam", "Sam Okafor", "colleague"),
)


def machine_zone() -> str:
    """The IANA name of this machine's time zone (TZ, /etc/timezone, /etc/localtime), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and known_zone(name):
            return name
    return FALLBACK_ZONE


def known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
