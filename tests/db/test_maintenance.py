"""Backup, restore, integrity checks and planner statistics of a SQLite case log."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from db.engine import make_engine
from db.errors import NotACaseLog
from db.maintenance import backup, inspect_file, integrity_problems, refresh_statistics, restore
from db.migrate import current_revision, ensure_schema, head_revision, upgrade


def _add_audit_line(connection, who):
    connection.execute(
        text(
            "INSERT INTO audit_event (at, who, record_type, record_id, action, detail)"
            " VALUES ('2024-01-01 00:00:00', :who, 'log', 'all', 'export', '')"
        ),
        {"who": who},
    )


def _audit_names(path):
    with sqlite3.connect(path) as connection:
        return sorted(r[0] for r in connection.execute("SELECT who FROM audit_event"))


def test_backup_taken_during_an_open_write_holds_only_committed_data(engine, tmp_path):
    """A backup while another connection is mid-transaction is consistent and sound."""
    with engine.begin() as connection:
        _add_audit_line(connection, "committed")
    writer = engine.connect()
    writer.begin()
    _add_audit_line(writer, "uncommitted")
    try:
        target = backup(engine, tmp_path / "backups" / "copy.sqlite3")
    finally:
        writer.rollback()
        writer.close()
    assert inspect_file(target) == head_revision()
    assert _audit_names(target) == ["committed"]
    assert target.stat().st_mode & 0o077 == 0


def test_restore_keeps_the_current_log_as_a_dated_copy(engine, tmp_path, db_path):
    """After a restore the log holds the backup's data and the old log sits beside it."""
    with engine.begin() as connection:
        _add_audit_line(connection, "in the backup")
    saved = backup(engine, tmp_path / "saved.sqlite3")
    with engine.begin() as connection:
        _add_audit_line(connection, "after the backup")
    kept = restore(engine, saved)
    assert kept is not None and kept.parent == db_path.parent
    assert "before-restore" in kept.name
    assert _audit_names(db_path) == ["in the backup"]
    assert _audit_names(kept) == ["after the backup", "in the backup"]
    assert integrity_problems(engine) == []


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_restore_refuses_a_file_that_is_not_a_case_log(engine, tmp_path, db_path, content):
    """A file that is not a Migrant Desk case log is refused before anything changes."""
    with engine.begin() as connection:
        _add_audit_line(connection, "precious")
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(content)
    with pytest.raises(NotACaseLog):
        restore(engine, bogus)
    assert _audit_names(db_path) == ["precious"]
    assert not list(tmp_path.glob("*before-restore*"))


def test_restore_refuses_another_programs_sqlite_file(engine, tmp_path):
    """A sound SQLite file without the case log's tables is not accepted as a backup."""
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(NotACaseLog):
        restore(engine, other)


def test_an_older_backup_is_upgraded_after_restore(engine, tmp_path):
    """Restoring a backup made by an earlier version leaves a current log."""
    old = make_engine(tmp_path / "old.sqlite3")
    upgrade(old, "0001")
    old.dispose()
    restore(engine, tmp_path / "old.sqlite3")
    assert current_revision(engine) == "0001"
    ensure_schema(engine)
    assert current_revision(engine) == head_revision()


def test_statistics_are_taken_once_a_log_is_large_and_again_when_it_has_grown(engine):
    """ANALYZE runs for a large log without statistics, not on every start, and when stale."""
    assert refresh_statistics(engine) is False  # a small log needs none

    def add_cases(first, count):
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO case_file (id, client_id, opened_on, status, outcome_note,"
                    " notes, made_up, created_at, updated_at) VALUES (:id, 1, '2024-01-01',"
                    " 'open', '', '', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
                ),
                [{"id": i} for i in range(first, first + count)],
            )

    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO client (id, full_name, name_latin, citizenship, languages, consent_given,"
            " consent_scope, notes, made_up, created_at, updated_at) VALUES (1, 'A', 'A', 'UZ', '',"
            " 0, '', '', 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
    add_cases(1, 1500)
    assert refresh_statistics(engine) is True
    assert refresh_statistics(engine) is False
    add_cases(1501, 2000)
    assert refresh_statistics(engine) is True
    assert refresh_statistics(engine, force=True) is True
