"""The one place where a case-log engine is made from an SQLAlchemy URL.

Everything that opens the case log goes through :func:`make_engine`, so that a later switch to
an encrypted file (``sqlite+pysqlcipher`` with a passphrase) or to a server database changes
this module only. SQLAlchemy is imported inside the functions: the window imports nothing from
here before it has painted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

#: Wait this long for another writer (the app and a CLI job may share the file).
BUSY_TIMEOUT_MS = 10_000


def to_url(url_or_path: str | Path) -> str:
    """Accept an SQLAlchemy URL or a plain file path (``--db cases.sqlite3`` is allowed)."""
    text = str(url_or_path)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url_or_path: str | Path) -> Path | None:
    """The file behind a SQLite URL, or None for memory and server databases."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(to_url(url_or_path))
    except ArgumentError:
        return None  # not a URL at all; make_engine reports it
    if not url.drivername.startswith("sqlite") or not url.database:
        return None
    if url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)


def make_engine(url_or_path: str | Path, **kwargs: Any) -> Engine:
    """Create the engine and make every SQLite connection safe for a log that must not lose data.

    Each connection gets ``foreign_keys=ON`` (SQLite's default is off), write-ahead logging (so
    the window can read while a job writes) and ``synchronous=FULL`` (a committed consultation
    survives a power cut, not just a crash). pysqlite's own transaction handling is switched off
    and ``BEGIN`` is emitted by SQLAlchemy instead, as the SQLAlchemy documentation recommends,
    so that migrations and imports are real all-or-nothing transactions.
    """
    from sqlalchemy import create_engine, event

    url = to_url(url_or_path)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    # ``execution_options(sqlite_begin="IMMEDIATE")`` takes the write lock at once: a writer
    # that reads first and writes later could otherwise fail when another writer got in between.
    mode = connection.get_execution_options().get("sqlite_begin", "")
    if mode not in ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
        raise ValueError(f"unknown sqlite_begin mode {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}".strip())


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises.

    ``expire_on_commit`` is off so that read models built inside the block stay usable after it;
    services never hand out live rows anyway.
    """
    from sqlmodel import Session

    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
