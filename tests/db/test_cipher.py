"""SQLCipher files at the storage level: keyed engines, encrypted backups, encrypt and re-key."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import DatabaseError

from db import cipher
from db.engine import engine_key, make_engine
from db.errors import NotACaseLog, WrongKey
from db.maintenance import backup, encrypt_file, inspect_file, rekey_file, restore
from db.migrate import ensure_schema, head_revision


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    """The cheapest Argon2: the tests check the files, not the cost."""
    monkeypatch.setattr(cipher, "KDF", cipher.KdfParams(1, 8, 1))


@pytest.fixture
def key():
    return cipher.derive_key("correct horse battery staple")


@pytest.fixture
def encrypted(tmp_path, key):
    """An encrypted case log built by the migrations."""
    eng = make_engine(tmp_path / "cases.sqlite3", key=key)
    ensure_schema(eng)
    with eng.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO audit_event (at, who, record_type, record_id, action, detail)"
            " VALUES ('2024-01-01 00:00:00', 'Zulfizar', 'log', 'all', 'export', '')"
        )
    yield eng
    eng.dispose()


def test_an_encrypted_connection_keeps_the_safety_pragmas_and_memory_temp_files(encrypted):
    """WAL, foreign keys, full sync as for a plain log; temporary data never on disk."""
    with encrypted.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal" and pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2 and pragma("temp_store") == 2
        assert pragma("cipher_version")
    assert engine_key(encrypted) is not None


def test_a_wrong_key_fails_at_the_first_query(tmp_path, encrypted):
    """SQLCipher takes any key; the engine's first read says it is wrong."""
    wrong = make_engine(tmp_path / "cases.sqlite3", key=cipher.derive_key("wrong", b"0" * 16))
    with pytest.raises(DatabaseError, match="not a database"):
        wrong.connect()
    wrong.dispose()


def test_the_file_wal_and_backup_hold_no_plain_text(tmp_path, encrypted, key):
    """The name written is nowhere in the raw bytes; the backup is keyed like the log."""
    copy = backup(encrypted, tmp_path / "backup.sqlite3")
    assert inspect_file(copy, key) == head_revision()
    with pytest.raises(NotACaseLog):
        inspect_file(copy)  # without the key it is no SQLite file at all
    with pytest.raises(WrongKey):
        inspect_file(copy, cipher.derive_key("wrong", key.salt))
    for path in tmp_path.iterdir():
        assert b"Zulfizar" not in path.read_bytes(), path.name


def test_restore_rekeys_a_backup_made_under_another_key(tmp_path, encrypted, key):
    """A backup keyed otherwise comes back under the log's key."""
    other = cipher.derive_key("an older passphrase")
    old = make_engine(tmp_path / "old.sqlite3", key=other)
    ensure_schema(old)
    old.dispose()
    kept = restore(encrypted, tmp_path / "old.sqlite3", other)
    assert kept is not None and cipher.file_state(kept) == "encrypted"
    with encrypted.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() == 0
    assert not list(tmp_path.glob(".*restoring*"))


def test_encrypt_file_swaps_in_an_encrypted_copy_and_shreds_the_plain_one(tmp_path, key):
    """Same rows afterwards; the dated plain copy is gone; the old key-less open fails."""
    path = tmp_path / "plain.sqlite3"
    plain = make_engine(path)
    ensure_schema(plain)
    with plain.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO audit_event (at, who, record_type, record_id, action, detail)"
            " VALUES ('2024-01-01 00:00:00', 'Qodirov', 'log', 'all', 'export', '')"
        )
    plain.dispose()
    dated = encrypt_file(path, key)
    assert not dated.exists() and cipher.file_state(path) == "encrypted"
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as connection:
        connection.execute("SELECT * FROM audit_event").fetchall()
    eng = make_engine(path, key=key)
    with eng.connect() as connection:
        assert connection.exec_driver_sql("SELECT who FROM audit_event").scalar() == "Qodirov"
    eng.dispose()
    assert all(b"Qodirov" not in p.read_bytes() for p in tmp_path.iterdir() if p.is_file())


def test_rekey_keeps_the_salt_and_changes_the_key(tmp_path, encrypted, key):
    """After re-keying, the new key opens the log and the old one does not."""
    encrypted.dispose()
    path = tmp_path / "cases.sqlite3"
    new = cipher.derive_key("a new passphrase here", key.salt)
    with pytest.raises(ValueError):
        rekey_file(path, key, cipher.derive_key("a new passphrase here"))
    rekey_file(path, key, new)
    cipher.connect(path, new).close()
    with pytest.raises(WrongKey):
        cipher.connect(path, key)
