"""Signatures of Slack requests already handled: a signed request is applied once, however often sent.

A signature covers the request's timestamp and body, so the same signature means the same request.
Each is kept while its timestamp would still be accepted (bot/request_guard.py), and no longer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.models import SeenSignature


def first_sighting(session: Session, *, digest: str, signed_at: datetime) -> bool:
    """Record the signature; False when some process already had (a replay). One indexed INSERT."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(SeenSignature)
        .values(digest=digest, signed_at=signed_at)
        .on_conflict_do_nothing(index_elements=[SeenSignature.digest])
        .returning(SeenSignature.digest)  # a row back means it was new (rowcount is not reliable here)
    )
    return session.execute(statement).first() is not None


def forget_before(session: Session, *, oldest_accepted: datetime) -> None:
    """Drop signatures whose timestamps are refused anyway: they can no longer be replayed."""
    session.execute(delete(SeenSignature).where(SeenSignature.signed_at < oldest_accepted))
