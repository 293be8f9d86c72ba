"""Downloading a file someone shared, with the bot token, without handing the token to anyone else.

The token goes only to Slack's file hosts, over HTTPS (or to the configured Web API host, which is
how tests point the bot at a stand-in). Redirects are never followed automatically: each hop is
checked against the same hosts, and a redirect anywhere else is refused before anything is sent
there. At most `limit` bytes are read, within an overall deadline.
"""

from __future__ import annotations

import logging
import time
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urljoin, urlparse

from bot.deps import Deps
from bot.importer import MAX_NOTE_BYTES, NoteError
from bot.slack_client import REQUEST_TIMEOUT_SECONDS, SLACK_API_URL

logger = logging.getLogger(__name__)

SLACK_FILE_HOSTS = ("files.slack.com", "files-origin.slack.com")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_HOPS = 4
DEADLINE_SECONDS = 30.0
CHUNK = 64 * 1024

Origin = tuple[str, str, int]  # scheme, host, port


class DownloadRefused(ValueError):
    """The file is somewhere the token must not go, or bigger than allowed."""


class TooLarge(DownloadRefused):
    pass


@dataclass(frozen=True)
class Downloaded:
    data: bytes
    content_type: str


def origin_of(url: str) -> Origin | None:
    try:
        parts = urlparse(url)
        port = parts.port or {"https": 443, "http": 80}.get(parts.scheme)
    except ValueError:  # a port that is not a number
        return None
    if not parts.hostname or port is None:
        return None
    return parts.scheme, parts.hostname.lower(), port


def trusted_origins(api_url: str | None) -> frozenset[Origin]:
    """Slack's file hosts over HTTPS, plus the configured Web API host when it is a stand-in."""
    origins = {("https", host, 443) for host in SLACK_FILE_HOSTS}
    configured = origin_of(api_url) if api_url and api_url != SLACK_API_URL else None
    if configured:
        origins.add(configured)
    return frozenset(origins)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back as an HTTPError, so that `fetch` decides whether to follow it."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch(url: str, *, token: str, trusted: frozenset[Origin], limit: int) -> Downloaded:
    """GET `url` with the token, following redirects only between trusted origins."""
    opener = urllib.request.build_opener(_NoRedirects())
    deadline = time.monotonic() + DEADLINE_SECONDS
    for _ in range(MAX_HOPS + 1):
        if origin_of(url) not in trusted:
            logger.warning("refused to send the bot token to %s", urlparse(url).hostname or "an unknown host")
            raise DownloadRefused("the file is not on Slack's file host")
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310 - origin checked
        try:
            with opener.open(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
                return Downloaded(
                    read_at_most(response, limit, deadline), response.headers.get("Content-Type", "")
                )
        except HTTPError as error:
            with error:
                location = error.headers.get("Location") if error.code in REDIRECTS else None
                if not location:
                    raise
            url = urljoin(url, location)
    raise DownloadRefused("too many redirects")


def read_at_most(response: Any, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"the file is {declared} bytes")
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the file is over {limit} bytes")
        if time.monotonic() > deadline:
            raise TimeoutError("the download took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def download(url: str, deps: Deps) -> str:
    """A shared note's text, for handlers/imports.py: NoteError says what to tell the person."""
    settings = deps.settings
    try:
        downloaded = fetch(
            url,
            token=deps.slack.token or "",  # the workspace's bot token (deps bound to its team)
            trusted=trusted_origins(settings.slack_api_url),
            limit=MAX_NOTE_BYTES,
        )
    except TooLarge:
        raise NoteError("That note is over 1 MB; a prep note is a few pages of Markdown.") from None
    if "text/html" in downloaded.content_type:
        raise NoteError(
            "Slack sent a login page instead of the file; check the app has the files:read scope."
        )
    return downloaded.data.decode("utf-8")
