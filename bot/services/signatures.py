"""Signatures of Slack requests already handled: a signed request is applied once, however often sent.

A signature covers the request's timestamp and body, so the same signature means the same request.
Each is kept while its timestamp would still be accepted (bot/request_guard.py), and no longer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, delete, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.db import UTCDateTime
from bot.models import SeenSignature


def first_sighting(session: Session, *, digest: str, signed_at: datetime) -> bool:
    """Record the signature; False when some process already had (a replay).

    One statement, meant for an autocommit session: it is on the acknowledgement path. On
    PostgreSQL its commit does not wait for the disk (set_config, local to the statement's own
    transaction): a database crash could forget the last fraction of a second of signatures, and
    nothing else depends on this table.
    """
    row = select(literal(digest, String()), literal(signed_at, UTCDateTime()))
    if session.get_bind().dialect.name == "postgresql":
        durability = select(func.set_config("synchronous_commit", "off", True)).subquery()
        insert: Any = postgresql.insert(SeenSignature).from_select(
            ["digest", "signed_at"], row.select_from(durability)
        )
    else:
        insert = sqlite.insert(SeenSignature).from_select(["digest", "signed_at"], row)
    statement = insert.on_conflict_do_nothing(index_elements=[SeenSignature.digest]).returning(
        SeenSignature.digest  # a row back means it was new (psycopg reports no rowcount for this)
    )
    return session.execute(statement).first() is not None


def forget_before(session: Session, *, oldest_accepted: datetime) -> None:
    """Drop signatures whose timestamps are refused anyway: they can no longer be replayed."""
    session.execute(delete(SeenSignature).where(SeenSignature.signed_at < oldest_accepted))
