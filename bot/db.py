"""Engine and session factory, the same schema on SQLite and PostgreSQL."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import DateTime, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores instants as naive UTC (SQLite has no time zones) and hands back aware UTC values."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime as an instant")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def create_db_engine(url: str, **options: Any) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15}, **options)
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    options.setdefault("pool_pre_ping", True)
    options.setdefault("pool_size", 10)
    options.setdefault("max_overflow", 20)
    options.setdefault("pool_timeout", 5)  # waiting for a free connection is a failure, not a queue
    options["connect_args"] = {**connection_options(), **options.get("connect_args", {})}
    return create_engine(url, **options)


# No process waits forever on a dead database: a connection attempt gives up after CONNECT_TIMEOUT,
# a statement after STATEMENT_TIMEOUT (server side), and a connection whose peer stopped answering
# (a partition drops packets, nothing says "closed") is declared dead by the kernel: keepalives when
# idle, TCP_USER_TIMEOUT when data is waiting for an acknowledgement.
CONNECT_TIMEOUT_SECONDS = 3
STATEMENT_TIMEOUT_MS = 30_000
UNACKNOWLEDGED_DATA_TIMEOUT_MS = 10_000


def connection_options(
    *, statement_timeout_ms: int = STATEMENT_TIMEOUT_MS, user_timeout_ms: int = UNACKNOWLEDGED_DATA_TIMEOUT_MS
) -> dict[str, Any]:
    """libpq settings for every PostgreSQL connection (SQLAlchemy's pool and the job queue's)."""
    return {
        "connect_timeout": CONNECT_TIMEOUT_SECONDS,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "tcp_user_timeout": user_timeout_ms,
        "options": f"-c statement_timeout={statement_timeout_ms} -c idle_in_transaction_session_timeout=60000",
    }


def libpq_url(url: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://…) as libpq's own (postgresql://…)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions begin (see _begin_immediate).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    if ":memory:" not in str(dbapi_connection):
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _begin_immediate(connection: Any) -> None:
    # SQLite's default deferred transactions can deadlock when two writers upgrade their read
    # locks at once; taking the write lock up front makes writers queue instead.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


class Sessions(Protocol):
    """What work needs of a sessionmaker: a session, or one inside a transaction."""

    def __call__(self) -> Session: ...

    def begin(self) -> AbstractContextManager[Session]: ...


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def database_answers(engine: Engine) -> bool:
    """True when a trivial query succeeds: what /healthz reports."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure means "not healthy"
        return False
