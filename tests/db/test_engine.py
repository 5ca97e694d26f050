"""The engine factory: the connection settings that keep a case log from losing data."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from db.engine import make_engine, sqlite_file, to_url


def test_every_connection_enforces_foreign_keys_wal_and_full_sync(engine):
    """Each new connection has foreign keys on, write-ahead logging and synchronous=FULL."""
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL


def test_a_plain_file_path_works_as_the_database_url(tmp_path):
    """``--db cases.sqlite3`` (a path, not a URL) opens that very file."""
    path = tmp_path / "plain.sqlite3"
    engine = make_engine(str(path))
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert path.exists()
    assert to_url(str(path)) == f"sqlite:///{path}"
    assert sqlite_file(str(path)) == path


def test_a_case_for_a_client_that_does_not_exist_is_refused(engine):
    """Foreign keys are enforced, so no case can point at a missing client."""
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO case_file (client_id, opened_on, status, outcome_note, notes, made_up,"
            " created_at, updated_at) VALUES (999, '2024-01-01', 'open', '', '', 0,"
            " '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )


def test_a_failed_transaction_leaves_nothing_behind(engine):
    """A write that fails half-way is rolled back whole (SQLAlchemy emits the BEGIN itself)."""
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO audit_event (at, who, record_type, record_id, action, detail)"
            " VALUES ('2024-01-01 00:00:00', 'x', 'client', '1', 'create', '')"
        )
        connection.exec_driver_sql("INSERT INTO local_rule (id) VALUES (NULL)")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() == 0
