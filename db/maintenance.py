"""Upkeep of a SQLite case log: integrity checks, planner statistics, backup and restore,
and the two changes of encryption: a plain log encrypted, an encrypted one re-keyed.

Backups use SQLite's online backup API, which copies a consistent snapshot page by page even
while the app is writing, and include what is still in the write-ahead log; a plain file copy
would not. Restores write *into* the open database through the same API, so a running app's
connection, the WAL and its index stay coherent, and the current file is first kept as a
dated copy beside it.

An encrypted log's backups are encrypted with the same key (SQLCipher's backup API copies
between databases keyed alike); a backup keyed otherwise (the passphrase changed since) or a
plain one is first copied into a temporary file keyed like the log (``sqlcipher_export``),
which is then shredded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import cipher
from db.engine import engine_key, sqlite_file
from db.errors import NewerSchema, NotACaseLog, NotAFile, WrongKey
from db.migrate import FTS_TABLE, VERSION_TABLE, known_revisions

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from db.cipher import RawKey

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


def _open_file(path: Path, key: RawKey | None, *, readonly: bool = False) -> Any:
    """A DB-API connection on a file: the standard library's for a plain one, else SQLCipher's."""
    if key is None:
        if readonly:
            return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        return sqlite3.connect(path)
    return cipher.connect(path, key, readonly=readonly)


def backup(engine: Engine, target: Path) -> Path:
    """Copy the live case log into ``target`` (replaced atomically; readable by the owner only).

    The copy of an encrypted log is encrypted with the same key.
    """
    _file_of(engine)
    key = engine_key(engine)
    target = Path(target).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    _create_private(partial)
    raw = engine.raw_connection()
    try:
        destination = _open_file(partial, key)
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


def _create_private(path: Path) -> None:
    """An empty file readable by its owner only, so no copy is ever briefly world-readable."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def inspect_file(path: Path, key: RawKey | None = None) -> str:
    """The schema revision of a case-log file; refuses anything that is not a sound one.

    An encrypted file needs its ``key``.

    Raises:
        NotACaseLog: missing, not SQLite, damaged, or without the case log's tables.
        NewerSchema: written by a newer version of the app.
        WrongKey: ``key`` does not open the file (it is not one of ours, or another
            passphrase encrypted it). Without a key an encrypted file is ``NotACaseLog``.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotACaseLog(f"cannot read {path.name}: {exc.strerror}") from None
    if header == SQLITE_HEADER:
        key = None
    elif key is None or len(header) < len(SQLITE_HEADER):
        raise NotACaseLog(f"{path.name} is not an SQLite database")
    try:
        connection = _open_file(path, key, readonly=True)
    except WrongKey:
        raise WrongKey(f"the key does not open {path.name}") from None
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()
        if not check or check[0] != "ok":
            raise NotACaseLog(f"{path.name} is damaged")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if not REQUIRED_TABLES.issubset(tables):
            raise NotACaseLog(f"{path.name} has no case log tables")
        row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    except (sqlite3.DatabaseError, cipher.driver().DatabaseError) as exc:
        raise NotACaseLog(f"{path.name}: {exc}") from None
    finally:
        connection.close()
    if not row:
        raise NotACaseLog(f"{path.name} has no schema version")
    if row[0] not in known_revisions():
        raise NewerSchema(str(row[0]))
    return str(row[0])


def _guard_current(current: Path, key: RawKey | None) -> None:
    """Refuse to overwrite a file that is some other program's data (a damaged log is fine)."""
    with current.open("rb") as fh:
        plain = fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    if plain == (key is not None):
        raise NotACaseLog(
            f"{current.name} is not the database this case log was opened as; move it away first"
        )
    try:
        connection = _open_file(current, key, readonly=True)
        try:
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except (sqlite3.DatabaseError, WrongKey):
        return
    except Exception as exc:  # SQLCipher's own DatabaseError: a damaged log is fine
        if isinstance(exc, cipher.driver().DatabaseError):
            return
        raise
    if tables and not tables & REQUIRED_TABLES:
        raise NotACaseLog(f"{current.name} holds another program's data; move it away first")


def restore(engine: Engine, source: Path, source_key: RawKey | None = None) -> Path | None:
    """Replace the case log's content with ``source``; returns the dated copy of the old one.

    ``source_key`` opens an encrypted backup (None for a plain one). There is no copy to keep
    when no case log existed yet (restoring onto a new computer). The caller upgrades the
    schema afterwards if the restored file is older.
    """
    current = _file_of(engine)
    key = engine_key(engine)
    source = Path(source)
    if cipher.file_state(source) == "plain":
        source_key = None
    inspect_file(source, source_key)
    kept = None
    if current.exists() and current.stat().st_size > 0:
        _guard_current(current, key)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = current.with_name(f"{current.stem}-before-restore-{stamp}{current.suffix}")
        try:
            backup(engine, kept)
        except Exception as exc:  # too damaged for the backup API: keep the raw file
            if not isinstance(exc, sqlite3.DatabaseError | cipher.driver().DatabaseError):
                raise
            shutil.copy2(current, kept)
    same_keying = (key is None and source_key is None) or (
        key is not None and key.same_as(source_key)
    )
    temporary = None
    if same_keying:
        origin = _open_file(source, source_key, readonly=True)
    else:
        # Backup API copies only between databases keyed alike: re-key a copy first.
        temporary = current.with_name(f".{current.name}.restoring")
        _create_private(temporary)
        reader = _open_file(source, source_key, readonly=True)
        try:
            cipher.export_copy(reader, temporary, key)
        finally:
            reader.close()
        origin = _open_file(temporary, key)
    raw = engine.raw_connection()
    try:
        origin.backup(_driver(raw))
    finally:
        raw.close()
        origin.close()
        if temporary is not None:
            cipher.shred(temporary)
    engine.dispose()
    return kept


def encrypt_file(path: Path, key: RawKey) -> Path:
    """Turn the plain case log at ``path`` into an encrypted one, without loss; returns the
    name the plain file had been kept under while the swap happened (already shredded).

    Close every connection to the file first. Steps, each leaving a usable log behind:

    1. checkpoint the write-ahead log into the file, so the file is the whole log;
    2. ``sqlcipher_export`` everything into ``<name>.encrypting`` beside it, then check that
       copy (integrity, and the same number of rows in every table);
    3. keep the plain file under a dated name (a hard link: no second copy of the data) and
       atomically rename the encrypted copy onto the log's name;
    4. shred the dated plain file (overwrite with zeros, then delete) and its WAL leftovers.

    A crash before 3 leaves the plain log in place (the half-made copy is shredded on the
    next try); after 3 the encrypted log is in place and only the dated plain copy may be
    left to shred, which :func:`leftover_plain_copies` finds.
    """
    path = Path(path)
    if cipher.file_state(path) != "plain":
        raise NotACaseLog(f"{path.name} is not an unencrypted SQLite database")
    inspect_file(path)
    encrypted = path.with_name(f"{path.name}.encrypting")
    cipher.shred(encrypted)
    plain = cipher.connect(path, None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _row_counts(plain)
        _create_private(encrypted)
        cipher.export_copy(plain, encrypted, key)
    finally:
        plain.close()
    check = cipher.connect(encrypted, key)
    try:
        sound = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        same = _row_counts(check) == counts
        check.execute("PRAGMA journal_mode=WAL")
    finally:
        check.close()
    if not (sound and same):
        cipher.shred(encrypted)
        raise NotACaseLog(f"the encrypted copy of {path.name} did not come out whole")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dated = path.with_name(f"{path.stem}-unencrypted-{stamp}{path.suffix}")
    try:
        os.link(path, dated)
    except OSError:  # no hard links here (FAT): a rename keeps it just as well
        os.replace(path, dated)
    os.replace(encrypted, path)
    _sync_folder(path.parent)
    cipher.shred(dated)
    for suffix in ("-wal", "-shm", "-journal"):
        cipher.shred(Path(f"{dated}{suffix}"))
    return dated


def leftover_plain_copies(path: Path) -> list[Path]:
    """Dated unencrypted copies an interrupted :func:`encrypt_file` left beside the log."""
    path = Path(path)
    return sorted(path.parent.glob(f"{path.stem}-unencrypted-*{path.suffix}"))


def rekey_file(path: Path, old_key: RawKey, new_key: RawKey) -> None:
    """Re-encrypt the log with ``new_key`` in place (one SQLCipher transaction).

    ``new_key`` must carry the file's own salt (the salt stays in the file's header; a key
    derived with another salt would not open it again). Close every connection first. The
    change is all or nothing: a crash leaves the file under the old key. Backups made
    before keep their old key.
    """
    path = Path(path)
    if new_key.salt != old_key.salt:
        raise ValueError("a new key for a file must be derived with the file's salt")
    connection = cipher.connect(path, old_key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(f'PRAGMA rekey = "{new_key.pragma()}"')
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    check = cipher.connect(path, new_key)
    check.close()


def _row_counts(connection: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
