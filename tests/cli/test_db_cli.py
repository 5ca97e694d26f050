"""``migrant-desk db …``: upgrade, check, backup and restore from the command line."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.cli import main


@pytest.fixture
def db(tmp_path):
    """A ``--db`` file path."""
    return str(tmp_path / "log.sqlite3")


def run(capsys, *argv):
    """Run the command line in-process; returns (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_upgrade_creates_the_log_and_then_reports_it_current(capsys, db):
    """The first ``db upgrade`` builds the schema; the second has nothing to do."""
    code, out, _ = run(capsys, "--db", db, "db", "upgrade")
    assert code == 0 and "upgraded" in out
    code, out, _ = run(capsys, "--db", db, "db", "upgrade")
    assert code == 0 and "up to date" in out


def test_check_passes_on_a_sound_log(capsys, db):
    """Integrity, foreign keys, search index and schema are all reported fine."""
    run(capsys, "--db", db, "cases", "demo", "--count", "50")
    code, out, err = run(capsys, "--db", db, "db", "check")
    assert code == 0 and out.startswith("ok") and err == ""


def test_check_fails_on_a_damaged_file(capsys, db):
    """Overwritten pages are found: exit 1 and one line on stderr."""
    run(capsys, "--db", db, "cases", "demo", "--count", "300")
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as fh:
        fh.seek(4096 * 6)
        fh.write(b"\xff" * 4096 * 3)
    code, _, err = run(capsys, "--db", db, "db", "check")
    assert code == 1 and err.count("\n") == 1


def test_check_on_a_missing_file_says_so(capsys, tmp_path):
    """No file is created by a check."""
    missing = tmp_path / "none.sqlite3"
    code, _, err = run(capsys, "--db", str(missing), "db", "check")
    assert code == 1 and "no case log" in err and not missing.exists()


def test_backup_and_restore_bring_back_the_old_state_and_keep_the_current_one(capsys, db, tmp_path):
    """After a restore the log is the backup again, and the replaced log is kept beside it."""
    run(capsys, "--db", db, "cases", "add", "--name", "Karimov Alisher", "--citizen", "UZ")
    backup = tmp_path / "backups" / "monday.sqlite3"
    code, out, _ = run(capsys, "--db", db, "db", "backup", str(backup))
    assert code == 0 and backup.exists()
    run(capsys, "--db", db, "cases", "add", "--name", "Sobirov Jasur", "--citizen", "UZ")
    code, out, _ = run(capsys, "--db", db, "db", "restore", str(backup))
    assert code == 0 and "kept as" in out
    code, out, _ = run(capsys, "--db", db, "cases", "list", "--json")
    assert '"total": 1' in out
    [kept] = tmp_path.glob("log-before-restore-*.sqlite3")
    code, out, _ = run(capsys, "--db", str(kept), "cases", "search", "Sobirov")
    assert "Sobirov" in out


def test_restore_refuses_a_file_that_is_not_a_case_log(capsys, db, tmp_path):
    """A wrong file exits 1 and the current log is untouched, with no copy made."""
    run(capsys, "--db", db, "cases", "add", "--name", "Karimov Alisher", "--citizen", "UZ")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "db", "restore", str(notes))
    assert code == 1 and "not a Migrant Desk case log" in err
    assert not list(tmp_path.glob("*before-restore*"))
    code, out, _ = run(capsys, "--db", db, "cases", "search", "Karimov")
    assert "Karimov" in out


@pytest.mark.parametrize(
    ("url", "fragment"),
    [("postgresql://counsellor:s3cret@server/cases", "driver"), ("://", "not valid")],
)
def test_an_unusable_database_address_is_one_line_without_the_password(capsys, url, fragment):
    """A server URL without its driver, or garbage, exits 1 and never echoes the address."""
    code, _, err = run(capsys, "--db", url, "db", "check")
    assert code == 1 and fragment in err and "s3cret" not in err and err.count("\n") == 1
