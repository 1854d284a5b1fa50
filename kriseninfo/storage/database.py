"""Opening the database (SQLite by default, PostgreSQL at a shared desk) and
turning driver errors into errors a duty officer can act on."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from kriseninfo.errors import ErrorCode, KriseninfoError

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000
#: Execution option marking a transaction that only reads.
READONLY = "kriseninfo_readonly"


class Database:
    """An engine plus a session factory; every unit of work is one transaction."""

    def __init__(self, url: str | URL):
        self.url = make_url(url)
        self.engine = _create_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def display_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, readonly: bool = False) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error.

        `readonly` sessions only read: on SQLite they do not take the write lock, so a
        long write at another console never holds up this console's reading.
        """
        try:
            with self._sessions() as session, session.begin():
                if readonly:
                    session.connection(execution_options={READONLY: True})
                yield session
        except SQLAlchemyError as exc:
            raise self.translate(exc) from exc

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise self.translate(exc) from exc

    def check(self) -> None:
        """Prove the database answers (and, for SQLite, that the file is a database)."""
        with self.connect() as connection:
            connection.execute(text("SELECT 1"))
            if self.is_sqlite:
                result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
                if result != "ok":
                    raise KriseninfoError(
                        ErrorCode.DB_CORRUPT,
                        f"SQLite quick_check failed: {result}",
                        {"path": str(self.sqlite_path)},
                    )

    def dispose(self) -> None:
        self.engine.dispose()

    def translate(self, exc: SQLAlchemyError) -> KriseninfoError:
        """Map a driver error to a KriseninfoError with a stable code."""
        orig: Any = getattr(exc, "orig", None)
        message = str(orig if orig is not None else exc)
        lowered = message.lower()
        path = str(self.sqlite_path or "")
        if self.is_sqlite:
            if "disk is full" in lowered or "disk i/o error" in lowered:
                return KriseninfoError(ErrorCode.DISK_FULL, message, {"path": path})
            if "not a database" in lowered or "malformed" in lowered:
                return KriseninfoError(ErrorCode.DB_CORRUPT, message, {"path": path})
            if "database is locked" in lowered or "database is busy" in lowered:
                return KriseninfoError(ErrorCode.DB_BUSY, message, {"path": path})
            if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
                return KriseninfoError(
                    ErrorCode.DATA_DIR_NOT_WRITABLE, message, {"path": str(Path(path).parent)}
                )
        else:
            connection_lost = isinstance(exc, DBAPIError) and exc.connection_invalidated
            if connection_lost or _is_connect_failure(orig):
                host = self.url.host or "localhost"
                port = str(self.url.port or 5432)
                return KriseninfoError(
                    ErrorCode.DB_UNREACHABLE,
                    f"PostgreSQL at {host}:{port} unreachable: {message.strip()}",
                    {"host": host, "port": port},
                )
            if "no space left" in lowered or "disk full" in lowered:
                return KriseninfoError(ErrorCode.DISK_FULL, message, {"path": self.display_url()})
        return KriseninfoError(ErrorCode.DB_FAILED, message, {"url": self.display_url()})


def _is_connect_failure(orig: object) -> bool:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError)


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": 5,
            "application_name": "kriseninfo",
            # A silently dropped network must fail a save within seconds (the edit waits
            # in the spool), not hang the worker for minutes.
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
            "tcp_user_timeout": 10_000,
            "options": "-c statement_timeout=15000 -c lock_timeout=10000",
        },
    )


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # We issue BEGIN ourselves (see _begin_immediate); the driver must not.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    # Take the write lock at the start of every writing transaction, so two consoles on
    # one file queue up behind each other instead of failing on a lock upgrade.
    if connection.get_execution_options().get(READONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
