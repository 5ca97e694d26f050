"""Upkeep of a SQLite case log: integrity checks, planner statistics, backup and restore.

Backups use SQLite's online backup API, which copies a consistent snapshot page by page even
while the app is writing, and include what is still in the write-ahead log; a plain file copy
would not. Restores write *into* the open database through the same API, so a running app's
connection, the WAL and its index stay coherent, and the current file is first kept as a
dated copy beside it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.engine import sqlite_file
from db.errors import NewerSchema, NotACaseLog, NotAFile
from db.migrate import FTS_TABLE, VERSION_TABLE, known_revisions

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
REQUIRED_TABLES = {VERSION_TABLE, "client", "case_file", "audit_event"}
#: Re-run ANALYZE once a table has grown this much since the statistics were taken.
STALE_FACTOR = 2
#: Below this many cases any plan is fast enough, so a small log is never analysed on start.
SMALL_LOG = 1000


def _driver(raw: Any) -> sqlite3.Connection:
    return raw.driver_connection


def integrity_problems(engine: Engine) -> list[str]:
    """What ``PRAGMA integrity_check``, the foreign keys and the FTS index find wrong."""
    from sqlalchemy.exc import DBAPIError

    problems: list[str] = []
    with engine.connect() as connection:
        for (line,) in connection.exec_driver_sql("PRAGMA integrity_check").all():
            if line != "ok":
                problems.append(str(line))
        for table, rowid, parent, _fk in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing {parent} record")
        try:
            connection.exec_driver_sql(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')"
            )
        except DBAPIError as exc:  # a finding to report, not a crash
            problems.append(f"search index: {exc.orig}")
        connection.rollback()
    return problems


def refresh_statistics(engine: Engine, *, force: bool = False) -> bool:
    """Run ANALYZE when the planner's statistics are missing or stale; True if it ran.

    Without statistics SQLite may sort a whole table to show the first page of a list; with
    them the same page comes straight from an index. A full ANALYZE takes about 0.2 s per
    100 000 cases; it runs again only when the log has doubled. (``analysis_limit`` was tried:
    its rough counts made the planner pick slow plans.)
    """
    with engine.connect() as connection:
        if not force:
            rows = connection.exec_driver_sql("SELECT max(id) FROM case_file").scalar() or 0
            known = None
            if _has_table(connection, "sqlite_stat1"):
                known = connection.exec_driver_sql(
                    "SELECT stat FROM sqlite_stat1 WHERE tbl = 'case_file' LIMIT 1"
                ).scalar()
            counted = int(str(known).split()[0]) if known else 0
            if rows < SMALL_LOG or (counted and rows <= STALE_FACTOR * counted):
                connection.rollback()
                return False
        connection.rollback()
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    return True


def _has_table(connection: Any, name: str) -> bool:
    return bool(
        connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).first()
    )


def _file_of(engine: Engine) -> Path:
    path = sqlite_file(str(engine.url))
    if path is None:
        raise NotAFile(str(engine.url.drivername))
    return path


def backup(engine: Engine, target: Path) -> Path:
    """Copy the live case log into ``target`` (replaced atomically; readable by the owner only)."""
    _file_of(engine)
    target = Path(target).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        destination = sqlite3.connect(partial)
        try:
            _driver(raw).backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        raw.close()
    with contextlib.suppress(OSError):
        os.chmod(partial, 0o600)
    os.replace(partial, target)
    return target


def inspect_file(path: Path) -> str:
    """The schema revision of a case-log file; refuses anything that is not a sound one.

    Raises:
        NotACaseLog: missing, not SQLite, damaged, or without the case log's tables.
        NewerSchema: written by a newer version of the app.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotACaseLog(f"cannot read {path.name}: {exc.strerror}") from None
    if header != SQLITE_HEADER:
        raise NotACaseLog(f"{path.name} is not an SQLite database")
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()
        if not check or check[0] != "ok":
            raise NotACaseLog(f"{path.name} is damaged")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if not REQUIRED_TABLES.issubset(tables):
            raise NotACaseLog(f"{path.name} has no case log tables")
        row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    except sqlite3.DatabaseError as exc:
        raise NotACaseLog(f"{path.name}: {exc}") from None
    finally:
        connection.close()
    if not row:
        raise NotACaseLog(f"{path.name} has no schema version")
    if row[0] not in known_revisions():
        raise NewerSchema(str(row[0]))
    return str(row[0])


def _guard_current(current: Path) -> None:
    """Refuse to overwrite a file that is some other program's data (a damaged log is fine)."""
    with current.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotACaseLog(f"{current.name} is not an SQLite database; move it away first")
    try:
        connection = sqlite3.connect(f"{current.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return
    if tables and not tables & REQUIRED_TABLES:
        raise NotACaseLog(f"{current.name} holds another program's data; move it away first")


def restore(engine: Engine, source: Path) -> Path | None:
    """Replace the case log's content with ``source``; returns the dated copy of the old one.

    There is no copy to keep when no case log existed yet (restoring onto a new computer).
    The caller upgrades the schema afterwards if the restored file is older.
    """
    current = _file_of(engine)
    inspect_file(source)
    kept = None
    if current.exists() and current.stat().st_size > 0:
        _guard_current(current)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = current.with_name(f"{current.stem}-before-restore-{stamp}{current.suffix}")
        try:
            backup(engine, kept)
        except sqlite3.DatabaseError:  # too damaged for the backup API: keep the raw file
            shutil.copy2(current, kept)
    origin = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    raw = engine.raw_connection()
    try:
        origin.backup(_driver(raw))
    finally:
        raw.close()
        origin.close()
    engine.dispose()
    return kept
