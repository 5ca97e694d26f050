"""The one place where a case-log engine is made from an SQLAlchemy URL.

Everything that opens the case log goes through :func:`make_engine`. Given a key
(:class:`db.cipher.RawKey`), the file is opened through SQLAlchemy's ``sqlite+pysqlcipher``
dialect with the ``sqlcipher3`` driver; without one it is an ordinary SQLite file (tests,
training and demo logs, or a server URL). SQLAlchemy is imported inside the functions: the
window imports nothing from here before it has painted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from db.cipher import RawKey

#: Wait this long for another writer (the app and a CLI job may share the file).
BUSY_TIMEOUT_MS = 10_000
#: Decrypted pages kept per encrypted connection (KiB): a plain file has the OS's page cache
#: for that, an encrypted one must decrypt every page it reads again.
CIPHER_CACHE_KIB = 65_536

_KEYS: WeakKeyDictionary[Any, RawKey] = WeakKeyDictionary()


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


def make_engine(url_or_path: str | Path, *, key: RawKey | None = None, **kwargs: Any) -> Engine:
    """Create the engine and make every SQLite connection safe for a log that must not lose data.

    Each connection gets ``foreign_keys=ON`` (SQLite's default is off), write-ahead logging (so
    the window can read while a job writes) and ``synchronous=FULL`` (a committed consultation
    survives a power cut, not just a crash). pysqlite's own transaction handling is switched off
    and ``BEGIN`` is emitted by SQLAlchemy instead, as the SQLAlchemy documentation recommends,
    so that migrations and imports are real all-or-nothing transactions.

    With ``key`` the file is a SQLCipher database: the key is set first on every connection
    and checked by a first read (a wrong key raises ``DatabaseError`` "file is not a
    database" there, which ``desktop.cases.storage`` reports as a wrong passphrase).
    Temporary tables and sorts stay in memory, so nothing decrypted is spilled to disk.
    Statement parameters are never shown in error messages (they may be a client's name), so
    a crash report cannot carry personal data.
    """
    from sqlalchemy import create_engine, event

    kwargs.setdefault("hide_parameters", True)
    url: Any = to_url(url_or_path)
    if key is not None:
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import QueuePool

        from db.cipher import driver

        driver()  # SQLCipher's own stderr logging off before the first connection
        url = make_url(url).set(drivername="sqlite+pysqlcipher", password=key.pragma())
        # The dialect's default SingletonThreadPool closes other threads' connections when
        # it overflows; the window's workers need the ordinary pool of a file database.
        kwargs.setdefault("poolclass", QueuePool)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_cipher_connect if key else _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    if key is not None:
        _KEYS[engine] = key
    return engine


def engine_key(engine: Engine) -> RawKey | None:
    """The key an engine was made with (None for an unencrypted database)."""
    return _KEYS.get(engine)


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


def _on_cipher_connect(dbapi_connection: Any, record: Any) -> None:
    # The dialect has set the key already; this read is where a wrong one shows.
    dbapi_connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    dbapi_connection.execute("PRAGMA temp_store=MEMORY")
    dbapi_connection.execute(f"PRAGMA cache_size=-{CIPHER_CACHE_KIB}")
    _on_sqlite_connect(dbapi_connection, record)


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
