"""Fixtures for the storage tests: real SQLite files in ``tmp_path``, built by the migrations."""

from __future__ import annotations

import pytest

from db.engine import make_engine
from db.migrate import ensure_schema


@pytest.fixture
def db_path(tmp_path):
    """Where the test's case log lives."""
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def engine(db_path):
    """An engine on a case log created by the migrations (never by ``create_all``)."""
    eng = make_engine(db_path)
    ensure_schema(eng)
    yield eng
    eng.dispose()
