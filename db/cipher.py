"""SQLCipher files: how a passphrase becomes a key, and the few raw operations on keyed files.

A case log, its backups and its exports are SQLCipher 4 databases (AES-256 with an HMAC on
every page, so a wrong key or a tampered page is noticed). The 32-byte key is derived from the
passphrase with Argon2id (memory-hard, unlike SQLCipher's built-in PBKDF2) and handed to
SQLCipher as a *raw* key together with the salt, ``x'<key><salt>'``; SQLCipher keeps that salt
in the file's first 16 bytes, which is where it is read back from. Deriving once per unlock
(not once per connection, as SQLCipher's own KDF would) keeps connections cheap.

The Argon2 parameters are not stored in the file; they are :data:`KDF` (version 1). A later
version that changes them must try the new parameters and then these.

Nothing here imports SQLAlchemy: the unlock dialog checks a passphrase before the window or the
ORM is loaded.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.errors import WrongKey

SQLITE_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KEY_BYTES = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: RFC 9106's second recommended set (about 0.3 s on a small laptop)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


#: The parameters every file is keyed with. Tests may swap in cheaper ones for speed.
KDF = KdfParams()


@dataclass(frozen=True, repr=False)
class RawKey:
    """A derived key and the salt it was derived with; never printed, never logged."""

    key: bytes
    salt: bytes

    def pragma(self) -> str:
        """The value for ``PRAGMA key`` / ``ATTACH … KEY``: SQLCipher's raw key with salt."""
        return "x'" + (self.key + self.salt).hex() + "'"

    def same_as(self, other: RawKey | None) -> bool:
        """Constant-time comparison (used when the lock screen checks a passphrase again)."""
        return other is not None and hmac.compare_digest(
            self.key + self.salt, other.key + other.salt
        )

    def __repr__(self) -> str:
        return "RawKey(<hidden>)"


def derive_key(passphrase: str, salt: bytes | None = None) -> RawKey:
    """The key for ``passphrase``: Argon2id over the salt (a fresh random one for a new file)."""
    from argon2.low_level import Type, hash_secret_raw

    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    params = KDF
    key = hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return RawKey(key=key, salt=salt)


def file_state(path: str | Path) -> str:
    """``missing`` (no file, or an empty one), ``plain`` (an ordinary SQLite file) or
    ``encrypted`` (anything else: a SQLCipher file shows only random bytes)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return "missing"
    if not head:
        return "missing"
    return "plain" if head == SQLITE_HEADER else "encrypted"


def file_salt(path: str | Path) -> bytes:
    """The salt SQLCipher keeps at the start of an encrypted file."""
    with Path(path).open("rb") as fh:
        salt = fh.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise WrongKey(f"{Path(path).name} is too short to be an encrypted database")
    return salt


def key_for_file(path: str | Path, passphrase: str) -> RawKey:
    """The key an existing encrypted file would be opened with, given its passphrase."""
    return derive_key(passphrase, file_salt(path))


_quiet_lock = threading.Lock()
_quiet = False


def driver() -> Any:
    """The ``sqlcipher3`` module, with SQLCipher's own error logging to stderr switched off.

    SQLCipher prints "hmac check failed" lines to stderr when a key is wrong; the app reports
    that as one sentence of its own instead (and a command line must print one line only).
    """
    global _quiet
    import sqlcipher3

    with _quiet_lock:
        if not _quiet:
            probe = sqlcipher3.connect(":memory:")
            try:
                probe.execute("PRAGMA cipher_log_level = NONE")
            finally:
                probe.close()
            _quiet = True
    return sqlcipher3


def connect(path: str | Path, key: RawKey | None, *, readonly: bool = False) -> Any:
    """A ``sqlcipher3`` connection on a file, keyed, with the key checked by a first query.

    SQLCipher accepts any key at connect time; the first read fails if it is wrong, so this
    reads the schema at once and raises :class:`WrongKey` then.
    """
    module = driver()
    target = Path(path).resolve()
    if readonly:
        connection = module.connect(f"{target.as_uri()}?mode=ro", uri=True)
    else:
        connection = module.connect(str(target))
    try:
        if key is not None:
            connection.execute(f'PRAGMA key = "{key.pragma()}"')
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        connection.close()
        if "not a database" in str(exc):
            raise WrongKey(f"the key does not open {target.name}") from None
        raise
    return connection


def export_copy(source: Any, target: Path, key: RawKey | None) -> None:
    """Write everything of ``source`` (a connection) into a new file keyed with ``key``.

    ``key=None`` writes an ordinary SQLite file. SQLCipher's ``sqlcipher_export`` copies the
    schema (tables, indexes, triggers, the FTS5 index) and the rows; the schema version the
    app keeps in ``user_version`` is carried over by hand. ``target`` must not exist or be
    empty (create it first with the permissions it should have).
    """
    target = Path(target)
    value = key.pragma() if key is not None else ""
    version = source.execute("PRAGMA user_version").fetchone()[0]
    source.execute("ATTACH DATABASE ? AS export_target KEY ?", (str(target), value))
    try:
        source.execute("SELECT sqlcipher_export('export_target')")
        source.execute(f"PRAGMA export_target.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE export_target")


def shred(path: Path) -> bool:
    """Overwrite a file with zeros, flush it to the disk, then delete it; True if it existed.

    On SSDs and copy-on-write file systems the old blocks may survive elsewhere on the disk;
    this is the best a program can do (full-disk encryption covers the rest).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    with contextlib.suppress(OSError), path.open("r+b") as fh:
        block = b"\0" * 65536
        left = size
        while left > 0:
            fh.write(block[: min(left, len(block))])
            left -= len(block)
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink(missing_ok=True)
    return True
