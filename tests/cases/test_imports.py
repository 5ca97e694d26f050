"""Start-up cost: the window's import path and the CLI parser do not load the database stack."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlmodel", "alembic", "sqlalchemy", "babel")


def _loaded_after(code):
    probe = code + f"; import sys; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def test_importing_the_packages_loads_no_database_library():
    """``db``, ``db.engine``, ``desktop.cases`` and its storage entry point import nothing heavy."""
    assert (
        _loaded_after("import db, db.engine, db.migrate, desktop.cases, desktop.cases.storage")
        == ""
    )


def test_building_the_command_line_parser_loads_no_database_library():
    """Registering ``cases`` and ``db`` costs nothing until one of them runs."""
    assert _loaded_after("from desktop.cli import build_parser; build_parser()").count("sql") == 0
