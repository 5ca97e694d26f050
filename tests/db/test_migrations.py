"""Migrations: they build exactly the models' schema, upgrade old logs with data, refuse others."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from db.engine import make_engine
from db.errors import NewerSchema, NotACaseLog
from db.migrate import (
    alembic_config,
    current_revision,
    ensure_schema,
    head_revision,
    include_name,
    upgrade,
)
from db.models import metadata


def _drift(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": include_name, "compare_type": True, "render_as_batch": True},
        )
        return compare_metadata(context, metadata)


def test_schema_built_by_migrations_matches_the_models(engine):
    """What the migrations build is what the models declare (``alembic check`` finds nothing)."""
    assert _drift(engine) == []


def test_the_comparison_notices_a_missing_migration(db_path):
    """A log stopped at the first migration differs from the models, so the check above can fail."""
    engine = make_engine(db_path)
    upgrade(engine, "0001")
    diffs = _drift(engine)
    engine.dispose()
    assert any(d[0] == "add_table" and d[1].name == "local_rule" for d in diffs)


def test_a_log_made_by_the_first_migration_upgrades_with_its_data(db_path):
    """Clients, cases and the search index written at 0001 survive the upgrade and still work."""
    engine = make_engine(db_path)
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO client (id, full_name, name_latin, citizenship, languages, consent_given,"
            " consent_scope, notes, made_up, created_at, updated_at) VALUES (1, 'Раҳимов Ҷамшед',"
            " 'Rahimov Jamshed', 'TJ', 'tg', 1, 'advice', '', 0, '2024-01-01 00:00:00',"
            " '2024-01-01 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO case_file (id, client_id, opened_on, status, outcome_note, notes, made_up,"
            " created_at, updated_at) VALUES (7, 1, '2024-01-02', 'open', '', '', 0,"
            " '2024-01-02 00:00:00', '2024-01-02 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO client_fts (rowid, name, phone, doc, notes)"
            " VALUES (1, 'rahimov jamshed', '', '', '')"
        )
    assert ensure_schema(engine) == head_revision()
    from sqlmodel import Session

    from desktop.cases.local_rules import list_local_rules
    from desktop.cases.search import search_cases

    with Session(engine) as session:
        hits = search_cases(session=session, query="Раҳимов").results
        assert [(h.client_id, h.case_id) for h in hits] == [(1, 7)]
        assert list_local_rules(session) == []
    engine.dispose()


def test_downgrade_to_nothing_and_back_gives_the_same_schema(engine):
    """Each migration's downgrade undoes it, so the chain can be replayed."""
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert current_revision(engine) is None
    ensure_schema(engine)
    assert _drift(engine) == []


def test_opening_a_current_log_again_changes_nothing(engine, db_path):
    """``ensure_schema`` on an up-to-date log is a no-op that reports the head revision."""
    before = db_path.stat().st_mtime_ns
    assert ensure_schema(engine) == head_revision()
    assert current_revision(engine) == head_revision()
    assert db_path.stat().st_mtime_ns == before


def test_another_programs_database_is_refused_and_left_alone(db_path):
    """A SQLite file with someone else's tables is not turned into a case log."""
    with sqlite3.connect(db_path) as other:
        other.execute("CREATE TABLE contacts (name TEXT)")
    engine = make_engine(db_path)
    with pytest.raises(NotACaseLog):
        ensure_schema(engine)
    with engine.connect() as connection:
        names = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    engine.dispose()
    assert names == {"contacts"}


def test_a_log_from_a_newer_version_of_the_app_is_refused(engine):
    """An unknown (newer) revision is not "upgraded", which could lose its new data."""
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(NewerSchema) as info:
        ensure_schema(engine)
    assert info.value.revision == "9999"
