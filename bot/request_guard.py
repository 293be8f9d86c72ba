"""Every HTTP request from Slack is verified before anything else reads it: a WSGI layer in front of Bolt.

In this order, each step cheaper than the next, and nothing parsed before the signature holds:
1. a body over MAX_BODY_BYTES (Slack's are a few kilobytes) is refused unread: 413;
2. the timestamp must be plain digits within WINDOW_SECONDS of now, either way, and the signature
   must look like one, else 401, still unread;
3. the body is read and its HMAC checked in constant time: 401 when it does not match;
4. a signed body Slack would not send (not UTF-8, not JSON or a form, absurdly nested, fields of
   types Slack never uses: bot/slack_body.py) is 400;
5. a signature already seen by any web process is a replay: answered 200 with nothing done (Slack
   itself, delivering twice, must not retry; the first copy was handled);
6. only then Bolt runs, with the body already read.

Refusals log one line (never the body, never a traceback) and call nobody: Bolt, the listeners,
the error handler and their apologies never see an unverified request.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from bot.services.signatures import first_sighting, forget_before
from bot.slack_body import MalformedBody, read_body

logger = logging.getLogger(__name__)

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
FirstSighting = Callable[[str, int], bool]  # (signature digest, its timestamp) -> False for a replay

MAX_BODY_BYTES = 1024 * 1024
WINDOW_SECONDS = 5 * 60
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=([0-9a-f]{64})")
READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Refusal:
    status: str
    why: str  # for the log line


@dataclass(frozen=True)
class Verified:
    body: bytes
    digest: str
    timestamp: int


class RequestGuard:
    def __init__(
        self,
        app: WSGIApp,
        *,
        signing_secret: str,
        first_sighting: FirstSighting,
        now: Callable[[], float] = time.time,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        self._app = app
        self._secret = signing_secret.encode()
        self._first_sighting = first_sighting
        self._now = now
        self._max_body = max_body_bytes

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return answer(
                start_response, Refusal("405 Method Not Allowed", "not a POST"), [("Allow", "POST")]
            )
        checked = self.verify(environ)
        if isinstance(checked, Refusal):
            logger.info("refused a request to the Slack endpoint: %s (%s)", checked.why, checked.status[:3])
            return answer(start_response, checked)
        content_type = environ.get("CONTENT_TYPE") or None
        try:
            read_body(checked.body.decode("utf-8"), content_type.split(";")[0] if content_type else None)
        except (UnicodeDecodeError, MalformedBody) as error:
            why = "the body is not UTF-8" if isinstance(error, UnicodeDecodeError) else str(error)
            logger.warning("refused a signed Slack request: %s", why)
            return answer(start_response, Refusal("400 Bad Request", why))
        if not self._first_sighting(checked.digest, checked.timestamp):
            logger.warning("dropped a replayed Slack request (its signature was already used)")
            start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "0")])
            return [b""]
        environ["wsgi.input"] = io.BytesIO(checked.body)
        environ["CONTENT_LENGTH"] = str(len(checked.body))
        return self._app(environ, start_response)

    def verify(self, environ: dict[str, Any]) -> Verified | Refusal:
        length_text = str(environ.get("CONTENT_LENGTH") or "").strip()
        if not length_text.isascii() or not length_text.isdigit():
            return Refusal("411 Length Required", "no usable Content-Length")
        length = int(length_text)
        if length > self._max_body:
            return Refusal("413 Content Too Large", f"a body of {length} bytes")
        timestamp_text = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
        if not TIMESTAMP.fullmatch(timestamp_text):
            return Refusal("401 Unauthorized", "no usable X-Slack-Request-Timestamp")
        timestamp = int(timestamp_text)
        if abs(self._now() - timestamp) > WINDOW_SECONDS:
            return Refusal("401 Unauthorized", "a timestamp outside the five-minute window")
        signature = SIGNATURE.fullmatch(str(environ.get("HTTP_X_SLACK_SIGNATURE") or ""))
        if signature is None:
            return Refusal("401 Unauthorized", "no usable X-Slack-Signature")
        body = read_exactly(environ["wsgi.input"], length)
        if body is None:
            return Refusal("400 Bad Request", "a body shorter than its Content-Length")
        expected = hmac.new(self._secret, b"v0:%s:%s" % (timestamp_text.encode(), body), hashlib.sha256)
        if not hmac.compare_digest(expected.hexdigest(), signature.group(1)):
            return Refusal("401 Unauthorized", "a signature that does not match")
        return Verified(body, expected.hexdigest(), timestamp)


def read_exactly(stream: Any, length: int) -> bytes | None:
    chunks, remaining = [], length
    while remaining:
        chunk = stream.read(min(remaining, READ_CHUNK))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def answer(
    start_response: Callable[..., Any], refusal: Refusal, extra: list[tuple[str, str]] | None = None
) -> list[bytes]:
    body = b'{"error": "%s"}\n' % refusal.status[4:].lower().encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    start_response(refusal.status, headers + (extra or []))
    return [body]


class SeenSignatures:
    """The guard's replay record, in the database every web process shares.

    One indexed INSERT per request (bot/services/signatures.py); once a minute per process a DELETE
    follows it, of the signatures whose timestamps the guard refuses anyway. While the database is
    unavailable, requests are let through unrecorded (logged): refusing them all would turn an
    outage into lost commands and events, and what they would replay needs the database too (an
    event's work retries, deduplicated by event id).
    """

    PURGE_EVERY_SECONDS = 60.0

    def __init__(
        self,
        engine: Engine,
        *,
        now: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        # Autocommit: the record is one statement, so it needs no BEGIN or COMMIT round trips. The
        # engine's pool is shared; the option applies to this use only.
        self._sessions = sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))
        self._now = now
        self._monotonic = monotonic
        self._next_purge = monotonic()

    def __call__(self, digest: str, timestamp: int) -> bool:
        signed_at = datetime.fromtimestamp(timestamp, UTC)
        try:
            with self._sessions.begin() as session:
                fresh = first_sighting(session, digest=digest, signed_at=signed_at)
                if self._monotonic() >= self._next_purge:
                    self._next_purge = self._monotonic() + self.PURGE_EVERY_SECONDS
                    oldest = datetime.fromtimestamp(self._now(), UTC) - timedelta(seconds=WINDOW_SECONDS)
                    forget_before(session, oldest_accepted=oldest)
        except SQLAlchemyError as error:
            logger.warning(
                "could not record a request signature (%s); letting it through", type(error).__name__
            )
            return True
        return fresh
