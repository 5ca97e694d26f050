"""The training database: made once from the demo generator, never the real case log."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.errors import UserError
from desktop.paths import default_db_url, user_data_dir
from desktop.training.database import ensure_training_database, is_training_url, training_url


def _clients(path) -> tuple[int, int]:
    with sqlite3.connect(path) as db:
        return db.execute("select count(*), sum(made_up) from client").fetchone()


def test_created_once_with_made_up_clients_beside_the_real_log():
    """The first call fills training.sqlite3 with 200 made-up clients; the second keeps it."""
    first = ensure_training_database()
    assert first.created and first.clients == 200
    assert first.path == user_data_dir() / "training.sqlite3"
    assert first.url != default_db_url() and is_training_url(first.url)
    assert not is_training_url(default_db_url())
    assert _clients(first.path) == (200, 200)
    again = ensure_training_database(count=5)
    assert not again.created and again.clients == 200


def test_rebuild_makes_new_clients():
    """A rebuild throws the old training data away and makes up a fresh set."""
    ensure_training_database(count=10)
    rebuilt = ensure_training_database(count=7, rebuild=True)
    assert rebuilt.created and _clients(rebuilt.path) == (7, 7)


def test_refuses_when_the_real_log_is_the_training_file(monkeypatch):
    """If MIGRANT_DESK_DB points at training.sqlite3, nothing is written."""
    monkeypatch.setenv("MIGRANT_DESK_DB", training_url())
    with pytest.raises(UserError, match="real case log"):
        ensure_training_database(count=3)
    assert not (user_data_dir() / "training.sqlite3").exists()
