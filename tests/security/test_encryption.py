"""Encryption at rest: the key, a wrong passphrase, re-keying, encrypting a plain log, backups."""

from __future__ import annotations

import json
import sqlite3

import pytest

from db import cipher
from desktop.cli import main
from desktop.security.passphrase import WrongPassphrase
from tests.security.conftest import PASSPHRASE


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_log_with_a_passphrase_is_unreadable_without_it(engine, log_path):
    """The file starts with random bytes (the salt), and plain SQLite cannot read it."""
    assert cipher.file_state(log_path) == "encrypted"
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(log_path) as plain:
        plain.execute("SELECT * FROM sqlite_master").fetchall()


def test_the_key_is_argon2id_of_the_passphrase_with_the_files_salt(engine, log_path):
    """The same passphrase gives the same key for the file; another one does not open it."""
    key = cipher.key_for_file(log_path, PASSPHRASE)
    assert key.salt == cipher.file_salt(log_path)
    cipher.connect(log_path, key).close()
    with pytest.raises(cipher.WrongKey):
        cipher.connect(log_path, cipher.key_for_file(log_path, "another passphrase"))
    assert repr(key) == "RawKey(<hidden>)"


def test_a_wrong_passphrase_is_a_clear_error_from_the_services(engine, log_path):
    """Opening with the wrong passphrase raises WrongPassphrase, a one-sentence UserError."""
    from desktop.cases.storage import open_log

    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        open_log(str(log_path), passphrase="not the passphrase")


def test_a_wrong_passphrase_on_the_command_line_exits_1_with_one_line(
    capsys, engine, log_path, monkeypatch
):
    """No traceback and no SQLCipher noise: one line on stderr."""
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", "not the passphrase")
    code, out, err = run(capsys, "--db", str(log_path), "cases", "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "passphrase" in err and "Traceback" not in err


def test_without_a_terminal_or_the_variable_the_command_says_to_set_it(
    capsys, engine, log_path, monkeypatch
):
    """stdin is not a terminal in tests: exit 1 naming MIGRANT_DESK_PASSPHRASE."""
    monkeypatch.delenv("MIGRANT_DESK_PASSPHRASE", raising=False)
    code, _, err = run(capsys, "--db", str(log_path), "cases", "list")
    assert code == 1 and err.count("\n") == 1 and "MIGRANT_DESK_PASSPHRASE" in err


def test_the_command_line_makes_a_new_log_encrypted_when_the_variable_is_set(
    capsys, tmp_path, monkeypatch
):
    """``cases add`` on a new log with the variable set writes an encrypted file."""
    db = tmp_path / "new.sqlite3"
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "--db", str(db), "cases", "add", "--name", "Aliyev Sardor",
                       "--citizen", "UZ")  # fmt: skip
    assert code == 0 and cipher.file_state(db) == "encrypted"
    code, out, _err = run(capsys, "--db", str(db), "db", "check")
    assert code == 0 and out.startswith("ok") and "encrypted" in out


def test_changing_the_passphrase_rekeys_the_log(capsys, engine, log_path, monkeypatch):
    """After ``db passphrase`` the new one opens the log with its data, the old one does not."""
    from desktop.cases.storage import open_log

    engine.dispose()
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    run(capsys, "--db", str(log_path), "cases", "add", "--name", "Karimov Alisher", "--citizen",
        "UZ")  # fmt: skip
    monkeypatch.setenv("MIGRANT_DESK_NEW_PASSPHRASE", "a brand new passphrase")
    code, out, err = run(capsys, "--db", str(log_path), "db", "passphrase")
    assert code == 0, err
    with pytest.raises(WrongPassphrase):
        open_log(str(log_path), passphrase=PASSPHRASE)
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", "a brand new passphrase")
    code, out, _ = run(capsys, "--db", str(log_path), "cases", "search", "karimov", "--json")
    assert code == 0 and len(json.loads(out)["results"]) == 1


def test_encrypting_a_plain_log_loses_nothing_and_leaves_no_plain_copy(
    capsys, tmp_path, monkeypatch
):
    """``db encrypt``: same records and search afterwards; the plain file is gone (shredded)."""
    db = tmp_path / "log.sqlite3"
    monkeypatch.delenv("MIGRANT_DESK_PASSPHRASE", raising=False)
    run(capsys, "--db", str(db), "cases", "demo", "--count", "40")
    run(capsys, "--db", str(db), "cases", "add", "--name", "Qodirov Daler", "--citizen", "UZ",
        "--phone", "+998 90 555 44 33")  # fmt: skip
    assert cipher.file_state(db) == "plain"
    code, before, _ = run(capsys, "--db", str(db), "cases", "list", "--json", "--limit", "500")
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--db", str(db), "db", "encrypt")
    assert code == 0, err
    assert cipher.file_state(db) == "encrypted"
    code, after, _ = run(capsys, "--db", str(db), "cases", "list", "--json", "--limit", "500")
    assert json.loads(after) == json.loads(before)
    code, out, _ = run(capsys, "--db", str(db), "cases", "search", "555 44 33", "--json")
    assert [h["name"] for h in json.loads(out)["results"]] == ["Qodirov Daler"]
    assert sorted(p.name for p in tmp_path.iterdir() if "unencrypted" in p.name) == []
    for path in tmp_path.iterdir():
        if path.is_file():
            assert b"Qodirov" not in path.read_bytes(), path.name
    code, out, _ = run(capsys, "--db", str(db), "db", "check")
    assert code == 0 and "encrypted" in out


def test_an_encrypted_backup_restores_and_one_from_another_passphrase_needs_it(
    capsys, tmp_path, monkeypatch
):
    """Backups are encrypted; restoring one made before a passphrase change asks for the old."""
    db = tmp_path / "log.sqlite3"
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    run(capsys, "--db", str(db), "cases", "add", "--name", "Karimov Alisher", "--citizen", "UZ")
    backup = tmp_path / "monday.sqlite3"
    assert run(capsys, "--db", str(db), "db", "backup", str(backup))[0] == 0
    assert cipher.file_state(backup) == "encrypted"
    run(capsys, "--db", str(db), "cases", "add", "--name", "Sobirov Jasur", "--citizen", "UZ")
    monkeypatch.setenv("MIGRANT_DESK_NEW_PASSPHRASE", "the second passphrase")
    assert run(capsys, "--db", str(db), "db", "passphrase")[0] == 0
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", "the second passphrase")
    code, _, err = run(capsys, "--db", str(db), "db", "restore", str(backup))
    assert code == 1 and err.count("\n") == 1 and "MIGRANT_DESK_FILE_PASSPHRASE" in err
    monkeypatch.setenv("MIGRANT_DESK_FILE_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "--db", str(db), "db", "restore", str(backup))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", str(db), "cases", "list", "--json")
    assert json.loads(out)["total"] == 1  # the backup's state, under the current passphrase
    [kept] = tmp_path.glob("log-before-restore-*.sqlite3")
    assert cipher.file_state(kept) == "encrypted"


def test_an_encrypted_export_imports_with_the_passphrase(capsys, tmp_path, monkeypatch):
    """``cases export`` of an encrypted log is encrypted; ``cases import`` reads it back."""
    db, other = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    run(capsys, "--db", str(db), "cases", "demo", "--count", "5")
    out_file = tmp_path / "log.json"
    assert run(capsys, "--db", str(db), "cases", "export", "--out", str(out_file))[0] == 0
    assert cipher.file_state(out_file) == "encrypted"
    with pytest.raises(ValueError):
        json.loads(out_file.read_text(encoding="utf-8"))
    code, out, err = run(capsys, "--db", str(other), "cases", "import", str(out_file))
    assert code == 0 and "5 clients" in out, err
