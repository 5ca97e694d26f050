"""The start page's quick read gives exactly what the full services give."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop.cases.quick import head_revision, local_rule_records, read_only, today_overview


def test_quick_overview_matches_the_services(tmp_path: Path):
    """Due, overdue, counts and recent cases read with sqlite3 equal the SQLAlchemy path."""
    from desktop.cases.demo import make_demo
    from desktop.desk import Desk

    path = tmp_path / "cases.sqlite3"
    desk = Desk(db_url=f"sqlite:///{path}")
    desk.call(make_demo, count=120, seed=5)
    for day in (date.today(), date.today() + timedelta(days=10)):
        full = desk.today_overview(day)
        assert full["overdue"], "the demo log has overdue follow-ups to compare"
        assert today_overview(read_only(path), day) == full
    desk.close()


def test_quick_read_steps_aside_for_a_log_that_needs_upgrading(tmp_path: Path):
    """A missing file, or one at an older schema, makes the caller take the full way."""
    import sqlite3

    assert today_overview(read_only(tmp_path / "none.sqlite3")) is None
    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE alembic_version (version_num TEXT)")
        db.execute("INSERT INTO alembic_version VALUES ('0001')")
    assert head_revision() != "0001"
    assert today_overview(read_only(old)) is None
    assert local_rule_records(read_only(old)) is None


def test_head_revision_is_alembics_head():
    """The head read from the migration files is the one Alembic computes."""
    from db.migrate import head_revision as alembic_head

    assert head_revision() == alembic_head()
